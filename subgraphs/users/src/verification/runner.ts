import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Logger } from '@cameo/kernel/logger';
import type { ObjectStorage } from '@cameo/kernel/object-storage/object-storage';
import type { UsersDb } from '../db';
import { emit } from '../events';
import type { CameoVerifier, Verdict } from './verifier';

/**
 * Runs the verification jobs the upload route writes (cameo_verification_job), one at a time
 * per process: PENDING_REVIEW -> VERIFIED | REJECTED. A job is taken with a lease (FOR UPDATE
 * SKIP LOCKED, so replicas share the work); a process that dies mid-job leaves the lease to
 * expire and any replica — or this one restarted — takes the job again. A job that throws
 * (storage or a recogniser down) is retried with backoff, and after `maxAttempts` the cameo is
 * REJECTED with VERIFICATION_FAILED, so it never stays pending for ever.
 */
export interface VerificationRunnerOptions {
  /** Idle poll interval. Default: 250 ms. */
  pollMs?: number;
  /** How long a taken job is this runner's before another may take it. Default: 2 minutes. */
  leaseMs?: number;
  /** Default: 5. */
  maxAttempts?: number;
}

interface ClaimedJob {
  cameoId: string;
  recordingKey: string;
  attempts: number;
}

export function startVerificationRunner(
  deps: { db: UsersDb; storage: ObjectStorage; verifier: CameoVerifier; logger: Logger },
  options: VerificationRunnerOptions = {},
) {
  const pollMs = options.pollMs ?? 250;
  const leaseMs = options.leaseMs ?? 120_000;
  const maxAttempts = options.maxAttempts ?? 5;
  let stopped = false;
  let wake: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;

  const claim = async (): Promise<ClaimedJob | undefined> => {
    const rows = await deps.db.$queryRaw<ClaimedJob[]>`
      UPDATE users.cameo_verification_job
         SET lease_until = now() + make_interval(secs => ${leaseMs / 1000}), attempts = attempts + 1
       WHERE cameo_id = (
         SELECT cameo_id FROM users.cameo_verification_job
          WHERE run_after <= now() AND (lease_until IS NULL OR lease_until < now())
          ORDER BY run_after
          LIMIT 1
          FOR UPDATE SKIP LOCKED)
      RETURNING cameo_id AS "cameoId", recording_key AS "recordingKey", attempts`;
    return rows[0];
  };

  const finish = async (job: ClaimedJob, ownerId: string, verdict: Verdict) => {
    await deps.db.$transaction(async (tx) => {
      const { count } = await tx.cameo.updateMany({
        where: { id: job.cameoId, status: 'PENDING_REVIEW', recordingKey: job.recordingKey },
        data: {
          ...verdict.checks,
          status: verdict.verified ? 'VERIFIED' : 'REJECTED',
          rejectionCode: verdict.verified ? null : verdict.code,
          rejectionReason: verdict.verified ? null : verdict.reason,
          durationMs: verdict.durationMs ?? null,
          transcript: verdict.transcript ?? null,
        },
      });
      await tx.cameoVerificationJob.deleteMany({ where: { cameoId: job.cameoId, recordingKey: job.recordingKey } });
      if (count) {
        await emit(tx, 'cameo.verification_completed', {
          cameoId: job.cameoId,
          ownerId,
          status: verdict.verified ? 'VERIFIED' : 'REJECTED',
          ...(verdict.verified ? {} : { rejectionCode: verdict.code }),
        });
      }
    });
  };

  const run = async (job: ClaimedJob) => {
    const cameo = await deps.db.cameo.findUnique({
      where: { id: job.cameoId },
      select: { id: true, ownerId: true, kind: true, verificationPhrase: true },
    });
    if (!cameo) return; // deleted: the job went with it (cascade)
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'cameo-recording-'));
    try {
      const object = await deps.storage.get(job.recordingKey);
      if (!object) throw new Error(`recording ${job.recordingKey} is missing from storage`);
      const recordingFile = path.join(scratch, 'recording');
      await pipeline(object.stream, createWriteStream(recordingFile));
      const others = await deps.db.cameo.findMany({
        where: { ownerId: cameo.ownerId, status: 'VERIFIED', recordingKey: { not: null }, id: { not: cameo.id } },
        select: { recordingKey: true },
      });
      const verdict = await deps.verifier.verify({
        cameoId: cameo.id,
        ownerId: cameo.ownerId,
        kind: cameo.kind,
        verificationPhrase: cameo.verificationPhrase,
        recordingFile,
        sizeBytes: object.size,
        otherRecordingKeys: others.map((other) => other.recordingKey!),
      });
      await finish(job, cameo.ownerId, verdict);
      deps.logger.info(`cameo ${cameo.id}: ${verdict.verified ? 'VERIFIED' : `REJECTED (${verdict.code})`}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.logger.error(`verification of cameo ${job.cameoId} (attempt ${job.attempts}): ${message}`);
      if (job.attempts >= maxAttempts) {
        const checks = {
          mediaCheck: 'NOT_CHECKED',
          speechCheck: 'NOT_CHECKED',
          livenessCheck: 'NOT_CHECKED',
          likenessCheck: 'NOT_CHECKED',
        } as const;
        await finish(job, cameo.ownerId, {
          verified: false,
          code: 'VERIFICATION_FAILED',
          reason: 'The recording could not be verified: record again.',
          checks,
        });
      } else {
        await deps.db.cameoVerificationJob.updateMany({
          where: { cameoId: job.cameoId, recordingKey: job.recordingKey },
          data: { leaseUntil: null, lastError: message.slice(0, 500), runAfter: new Date(Date.now() + 1000 * 2 ** job.attempts) },
        });
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  };

  const loop = (async () => {
    while (!stopped) {
      let job: ClaimedJob | undefined;
      try {
        job = await claim();
        if (job) await run(job);
      } catch (error) {
        if (!stopped) deps.logger.error(`verification runner: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!job && !stopped) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, pollMs);
        });
      }
    }
  })();

  return {
    /** Looks for a job now (after an upload finished here) instead of at the next poll. */
    kick: () => wake?.(),
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      wake?.();
      await loop;
    },
  };
}
