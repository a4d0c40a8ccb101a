import type { PubSub } from '@cameo/kernel/pubsub';
import type { GenerationsDb } from '../db';
import { emit, publishProgress } from '../events';
import type { UsersClient } from '../users-client';
import type { VideoModelAdapter } from './adapter';
import { buildManifest, provenanceSummary } from './provenance';
import { newAssetBase, type AssetStorage } from './storage';

export interface WorkerDeps {
  db: GenerationsDb;
  users: UsersClient;
  pubsub: PubSub;
  adapter: VideoModelAdapter;
  storage: AssetStorage;
  /** Signs provenance manifests. */
  signingSecret: string;
}

/** Thrown from progress reporting when the generation was cancelled or blocked meanwhile. */
class RenderStopped extends Error {}

const ACTIVE = ['QUEUED', 'IN_PROGRESS'] as const;

/**
 * Renders one generation. Safe to run again for the same generation (a retry after a crash):
 * it skips finished ones, re-checks consent before rendering and again before publishing the
 * file, writes the file under new random keys, and only then marks the row COMPLETED with
 * them — the database never claims a video that does not exist.
 */
export async function renderGeneration(deps: WorkerDeps, generationId: string, lastAttempt = true): Promise<void> {
  const { db } = deps;
  const generation = await db.generation.findUnique({ where: { id: generationId }, include: { cameos: true } });
  if (!generation || !ACTIVE.includes(generation.status as (typeof ACTIVE)[number])) return;
  const cameoIds = generation.cameos.map((cameo) => cameo.cameoId);
  const publish = (status: string, progress: number, stage: string, errorReason: string | null = null) =>
    publishProgress(deps.pubsub, { generationId, creatorId: generation.creatorId, status, progress, stage, errorReason }).catch(() => {});

  const block = async (reason: string) => {
    const { count } = await db.generation.updateMany({
      where: { id: generationId, status: { in: [...ACTIVE] } },
      data: { status: 'BLOCKED', stage: 'blocked', errorReason: reason, finishedAt: new Date() },
    });
    if (count) await publish('BLOCKED', generation.progress, 'blocked', reason);
  };
  const consentRefused = async () => {
    const answers = await deps.users.checkConsent(generation.creatorId, cameoIds);
    return answers.find((answer) => !answer.allowed);
  };

  const refusedBefore = await consentRefused();
  if (refusedBefore) return block(`Consent to use a cameo was withdrawn (${refusedBefore.reason}).`);

  const started = await db.generation.updateMany({
    where: { id: generationId, status: { in: [...ACTIVE] } },
    data: { status: 'IN_PROGRESS', stage: 'starting', progress: 0, startedAt: new Date(), attempts: { increment: 1 } },
  });
  if (started.count === 0) return;
  await publish('IN_PROGRESS', 0, 'starting');

  let video;
  try {
    video = await deps.adapter.render(
      {
        generationId,
        prompt: generation.prompt,
        seconds: generation.seconds,
        aspect: generation.aspect,
        restrictions: generation.cameos.map((cameo) => cameo.restrictions as { text: string; tags: string[] }),
      },
      async (progress, stage) => {
        // Every report is also the stop check: a cancelled or blocked row matches nothing.
        const { count } = await db.generation.updateMany({ where: { id: generationId, status: 'IN_PROGRESS' }, data: { progress, stage } });
        if (count === 0) throw new RenderStopped();
        await publish('IN_PROGRESS', progress, stage);
      },
    );
  } catch (error) {
    if (error instanceof RenderStopped) return;
    if (lastAttempt) {
      const reason = 'The video model failed to render this video.';
      await db.generation.updateMany({
        where: { id: generationId, status: 'IN_PROGRESS' },
        data: { status: 'FAILED', stage: 'failed', errorReason: reason, finishedAt: new Date() },
      });
      await publish('FAILED', generation.progress, 'failed', reason);
    }
    throw error;
  }

  // Consent could have been withdrawn while rendering: the last gate before anything is stored.
  const refusedAfter = await consentRefused();
  if (refusedAfter) return block(`Consent to use a cameo was withdrawn (${refusedAfter.reason}).`);

  // Random keys, never the generation id (which every feed shows): /assets finds the row by
  // them and serves each request by the visibility rule. A retried job writes new files; the
  // row names only the pair that completed it.
  const base = newAssetBase();
  const assetKey = `${base}.${video.extension}`;
  const manifestKey = `${base}.manifest.json`;
  const provenanceInput = {
    generationId,
    creatorId: generation.creatorId,
    cameos: generation.cameos.map(({ cameoId, ownerId, policyVersion }) => ({ cameoId, ownerId, policyVersion })),
    model: deps.adapter.model,
    prompt: generation.prompt,
    watermark: generation.watermark,
    file: { bytes: video.bytes, contentType: video.contentType },
    createdAt: new Date(),
  };
  await deps.storage.put(assetKey, video.bytes);
  await deps.storage.put(manifestKey, Buffer.from(JSON.stringify(buildManifest(provenanceInput, deps.signingSecret), null, 2)));

  const completed = await db.$transaction(async (tx) => {
    const { count } = await tx.generation.updateMany({
      where: { id: generationId, status: 'IN_PROGRESS' },
      data: {
        status: 'COMPLETED',
        progress: 100,
        stage: 'completed',
        assetKey,
        manifestKey,
        provenance: provenanceSummary(provenanceInput),
        finishedAt: new Date(),
      },
    });
    if (count === 1) {
      await emit(tx, 'generation.completed', {
        generationId,
        creatorId: generation.creatorId,
        cameoIds,
        cameoOwnerIds: [...new Set(generation.cameos.map((cameo) => cameo.ownerId))],
      });
    }
    return count === 1;
  });
  if (!completed) {
    // Cancelled or blocked in the last instant: the file must not outlive the decision.
    await deps.storage.remove(assetKey);
    await deps.storage.remove(manifestKey);
    return;
  }
  await publish('COMPLETED', 100, 'completed');
}
