import type { PlatformKeys } from '@cameo/kernel/env';
import { createLogger } from '@cameo/kernel/logger';
import { createPubSub } from '@cameo/kernel/pubsub';
import { createDb } from '@cameo/generations/db';
import { startBullRunner } from '@cameo/generations/queue';
import { createUsersClient } from '@cameo/generations/users-client';
import type { VideoModelAdapter } from '@cameo/generations/rendering/adapter';
import { createLocalAdapter } from '@cameo/generations/rendering/local-adapter';
import { renderGeneration } from '@cameo/generations/rendering/render';
import { createAssetStorage, createLocalStorage } from '@cameo/generations/rendering/storage';
import type { ObjectStorage } from '@cameo/kernel/object-storage/object-storage';

export interface StartWorkerOptions {
  databaseUrl: string;
  redisUrl: string;
  usersBaseUrl: string;
  /** Signs internal calls (INTERNAL_CALL_SECRET) and provenance manifests (MANIFEST_SECRET). */
  keys: Pick<PlatformKeys, 'internalCallSecret' | 'manifestSecret'>;
  assetsDir: string;
  /** Where rendered files go. Default: a folder, assetsDir. */
  objectStorage?: ObjectStorage;
  /** Default: the local GIF renderer. */
  adapter?: VideoModelAdapter;
  /** BullMQ key prefix. Default: "bull". */
  queuePrefix?: string;
  /** Jobs at once. Default: 2. */
  concurrency?: number;
  /** A dead worker's job is retried after this long. Default: 30 s. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

/** The generation worker: renders jobs from the BullMQ queue `generations`. */
export function startWorker(options: StartWorkerOptions) {
  const logger = createLogger('worker');
  const db = createDb(options.databaseUrl, 4);
  const pubsub = createPubSub(options.redisUrl);
  const deps = {
    db,
    users: createUsersClient(options.usersBaseUrl, options.keys.internalCallSecret, 'worker'),
    pubsub,
    adapter: options.adapter ?? createLocalAdapter(),
    storage: options.objectStorage ? createAssetStorage(options.objectStorage) : createLocalStorage(options.assetsDir),
    signingSecret: options.keys.manifestSecret,
  };
  const runner = startBullRunner((id, lastAttempt) => renderGeneration(deps, id, lastAttempt), {
    redisUrl: options.redisUrl,
    prefix: options.queuePrefix,
    concurrency: options.concurrency,
    lockDurationMs: options.lockDurationMs,
    stalledIntervalMs: options.stalledIntervalMs,
    onError: (error) => logger.error(`queue: ${error instanceof Error ? error.message : String(error)}`),
  });
  logger.info(`rendering jobs with ${deps.adapter.model}`);
  return {
    stop: async () => {
      await runner.close();
      await pubsub.close();
      await db.$disconnect();
    },
  };
}
