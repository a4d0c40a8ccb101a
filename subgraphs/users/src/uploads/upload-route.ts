import { randomBytes } from 'node:crypto';
import type express from 'express';
import { Server as TusServer, type DataStore } from '@tus/server';
import { FileStore } from '@tus/file-store';
import { S3Store } from '@tus/s3-store';
import type { ObjectStorageEnv } from '@cameo/kernel/env';
import type { Logger } from '@cameo/kernel/logger';
import type { ObjectStorage } from '@cameo/kernel/object-storage/object-storage';
import type { UsersDb } from '../db';
import { RECORDING_MAX_BYTES } from '../verification/media-check';
import { recordingAllowance, recordingLimitText, takeRecordingPlace } from '../verification/recording-attempts';
import type { UploadUrlSigner } from './upload-urls';

/**
 * Cameo recordings arrive here, resumably, by the tus protocol (@tus/server; the file store on
 * the filesystem backend, multipart uploads on S3): `POST /uploads/cameos/<uploadKey>?o&exp&sig`
 * (the cameo's signed uploadUrl) creates an upload, `PATCH`/`HEAD` at the Location it returns
 * send and resume it. The gateway forwards /uploads to this route, so clients need one origin.
 *
 * Every request: a valid, unexpired signature for the upload key and its owner, a cameo that
 * is still the owner's and still awaits a recording (AWAITING_RECORDING, or REJECTED: record
 * again). Creation: a declared length up to RECORDING_MAX_BYTES, a video type in the
 * metadata (the file itself is checked by the verifier, never trusted from the client). When
 * the last byte arrives, the cameo moves to PENDING_REVIEW and a verification job is written,
 * in one transaction; a second upload finishing later finds the cameo taken and is refused.
 */
export const UPLOAD_ROUTE = '/uploads/cameos';
/** Types a recording may declare (`filetype` in Upload-Metadata). */
const VIDEO_TYPES = new Set(['video/mp4', 'video/webm', 'video/quicktime']);
const UPLOAD_KEY = /^[0-9a-f]{32}$/;
/** An upload's id: the cameo's upload key and 64 random bits. */
const UPLOAD_ID = /^([0-9a-f]{32})-[0-9a-f]{16}$/;

/**
 * Deletes a recording and what tus kept beside it (its upload's metadata: `.json` in the file
 * store, `.info` on S3 — the client's file name among it). Likeness data: purged with the cameo.
 */
export async function purgeRecording(storage: ObjectStorage, recordingKey: string): Promise<void> {
  for (const key of [recordingKey, `${recordingKey}.json`, `${recordingKey}.info`]) await storage.delete(key);
}

/** Unfinished uploads are dropped after this long (tus expiration; swept hourly). */
export const UNFINISHED_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

export interface RecordingUploadStore {
  datastore: DataStore;
  /** The object-storage key of a finished upload. */
  objectKey(uploadId: string): string;
}

/** The tus data store for a storage backend: files under `<dir>/recordings`, or the S3 bucket. */
export function recordingUploadStore(env: ObjectStorageEnv): RecordingUploadStore {
  if (env.kind === 's3') {
    const { endpoint, region, bucket, forcePathStyle, accessKeyId, secretAccessKey } = env.s3;
    return {
      datastore: new S3Store({
        partSize: 8 * 1024 * 1024,
        expirationPeriodInMilliseconds: UNFINISHED_UPLOAD_TTL_MS,
        // Checksums only where S3 requires them, as the platform's own client (object-storage/s3.ts).
        s3ClientConfig: {
          bucket,
          endpoint,
          region,
          forcePathStyle,
          credentials: { accessKeyId, secretAccessKey },
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        },
      }),
      objectKey: (uploadId) => uploadId,
    };
  }
  return {
    datastore: new FileStore({ directory: `${env.dir}/recordings`, expirationPeriodInMilliseconds: UNFINISHED_UPLOAD_TTL_MS }),
    objectKey: (uploadId) => `recordings/${uploadId}`,
  };
}

type Refusal = { status_code: number; body: string };
const refusal = (status_code: number, body: string): Refusal => ({ status_code, body: `${body}\n` });
/** Thrown inside the finishing transaction to roll the claim back: no place left today. */
class RecordingLimitReached extends Error {}

/** Raised inside tus hooks; tus answers it as is. */
class UploadRefused extends Error {
  constructor(
    readonly status_code: number,
    readonly body: string,
  ) {
    super(body);
  }
}

export function mountUploadRoute(
  app: express.Express,
  deps: {
    db: UsersDb;
    storage: ObjectStorage;
    store: RecordingUploadStore;
    signer: UploadUrlSigner;
    logger: Logger;
    /** Recordings an account may send to verification in 24 hours (recording-attempts.ts). */
    recordingsPerDay: number;
    /** Called once a finished upload's verification job is written. */
    onFinished?: () => void;
  },
  onStop?: (stop: () => void) => void,
) {
  const tus = new TusServer({
    path: UPLOAD_ROUTE,
    datastore: deps.store.datastore,
    maxSize: RECORDING_MAX_BYTES,
    // Locations are relative (the gateway's origin) and carry the signed query on.
    generateUrl: (req, { path, id }) => `${path}/${id}${new URL(req.url).search}`,
    // The request's URL keeps its signed query: the id is the path's last segment.
    getFileIdFromRequest: (req) => {
      const id = new URL(req.url).pathname.split('/').pop() ?? '';
      return UPLOAD_ID.test(id) ? id : undefined;
    },
    namingFunction: (req) => `${new URL(req.url).pathname.split('/').pop()}-${randomBytes(8).toString('hex')}`,
    onUploadCreate: async (_req, upload) => {
      if (upload.sizeIsDeferred || upload.size === undefined) throw new UploadRefused(400, 'Upload-Length is required');
      const type = upload.metadata?.filetype ?? '';
      if (!VIDEO_TYPES.has(type)) throw new UploadRefused(415, 'A recording is a video/mp4, video/webm or video/quicktime file');
      return {};
    },
    onUploadFinish: async (_req, upload) => {
      const uploadKey = UPLOAD_ID.exec(upload.id)![1]!;
      const recordingKey = deps.store.objectKey(upload.id);
      let refusedPlace: { retryAfterSeconds: number } | undefined;
      const previous = await deps.db
        .$transaction(async (tx) => {
          const cameo = await tx.cameo.findUnique({ where: { uploadKey }, select: { id: true, ownerId: true, recordingKey: true } });
          // Only a cameo still awaiting a recording moves on: a concurrent or replayed upload
          // that finishes second finds it taken.
          const claimed = await tx.cameo.updateMany({
            where: { uploadKey, status: { in: ['AWAITING_RECORDING', 'REJECTED'] } },
            data: {
              status: 'PENDING_REVIEW',
              recordingKey,
              recordingBytes: upload.size ?? null,
              durationMs: null,
              transcript: null,
              rejectionCode: null,
              rejectionReason: null,
              mediaCheck: 'NOT_CHECKED',
              speechCheck: 'NOT_CHECKED',
              livenessCheck: 'NOT_CHECKED',
              likenessCheck: 'NOT_CHECKED',
            },
          });
          if (!cameo || claimed.count === 0) return undefined;
          const place = await takeRecordingPlace(tx, cameo.ownerId, deps.recordingsPerDay);
          // Rolled back: the cameo still awaits a recording, and nothing was counted.
          if (!place.taken) {
            refusedPlace = place;
            throw new RecordingLimitReached();
          }
          await tx.cameoVerificationJob.upsert({
            where: { cameoId: cameo.id },
            create: { cameoId: cameo.id, recordingKey },
            update: { recordingKey, attempts: 0, runAfter: new Date(), leaseUntil: null, lastError: null },
          });
          return cameo;
        })
        .catch((error: unknown) => {
          if (error instanceof RecordingLimitReached) return undefined;
          throw error;
        });
      if (refusedPlace) {
        await purgeRecording(deps.storage, recordingKey).catch(() => undefined);
        throw new UploadRefused(429, recordingLimitText(deps.recordingsPerDay, refusedPlace.retryAfterSeconds));
      }
      if (!previous) {
        await purgeRecording(deps.storage, recordingKey).catch(() => undefined);
        throw new UploadRefused(409, 'This cameo is not awaiting a recording');
      }
      // A rejected cameo's earlier recording is likeness data no longer needed.
      if (previous.recordingKey && previous.recordingKey !== recordingKey) {
        await purgeRecording(deps.storage, previous.recordingKey).catch((error: unknown) =>
          deps.logger.error(`purge recording: ${String(error)}`),
        );
      }
      deps.onFinished?.();
      return {};
    },
    onResponseError: (_req, error) => {
      if (error instanceof UploadRefused) return refusal(error.status_code, error.body);
      if ('status_code' in error) return undefined;
      deps.logger.error(`upload: ${error.message}`);
      // Never a stack trace or a store's message to the client.
      return refusal(500, 'Upload failed');
    },
  });

  // Unfinished uploads (abandoned, never resumed) are swept once they expire.
  const sweeper = setInterval(
    () => {
      tus
        .cleanUpExpiredUploads()
        .catch((error: unknown) => deps.logger.error(`upload sweep: ${error instanceof Error ? error.message : String(error)}`));
    },
    60 * 60 * 1000,
  );
  sweeper.unref();
  onStop?.(() => clearInterval(sweeper));

  app.all(`${UPLOAD_ROUTE}/:target`, async (req, res) => {
    const send = (status: number, message: string) =>
      void res
        .status(status)
        .setHeader('cache-control', 'no-store')
        .setHeader('tus-resumable', '1.0.0')
        .type('text/plain')
        .send(`${message}\n`);
    try {
      const target = req.params.target ?? '';
      const uploadKey = UPLOAD_KEY.test(target) ? target : UPLOAD_ID.exec(target)?.[1];
      // Creation at the cameo's own URL; everything else at an upload's.
      const creating = req.method === 'POST';
      if (!uploadKey || creating !== (target === uploadKey) || !['POST', 'PATCH', 'HEAD', 'OPTIONS'].includes(req.method)) {
        return send(404, 'Not found');
      }
      if (req.method !== 'OPTIONS') {
        const ownerId = deps.signer.verify(uploadKey, req.query as Record<string, unknown>);
        if (!ownerId) return send(403, 'This upload URL is not valid (expired or altered): ask the API for the cameo’s uploadUrl again');
        const cameo = await deps.db.cameo.findUnique({ where: { uploadKey }, select: { ownerId: true, status: true } });
        if (!cameo || cameo.ownerId !== ownerId) return send(403, 'This upload URL is not valid');
        if (cameo.status !== 'AWAITING_RECORDING' && cameo.status !== 'REJECTED') {
          return send(409, 'This cameo is not awaiting a recording');
        }
        // Refused before any byte is sent; counted only when an upload finishes (onUploadFinish).
        if (creating) {
          const allowance = await recordingAllowance(deps.db, ownerId, deps.recordingsPerDay);
          if (allowance.left === 0) {
            res.setHeader('retry-after', String(allowance.retryAfterSeconds));
            return send(429, recordingLimitText(deps.recordingsPerDay, allowance.retryAfterSeconds));
          }
        }
      }
      await tus.handle(req, res);
    } catch (error) {
      deps.logger.error(`upload: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) send(500, 'Upload failed');
    }
  });
}
