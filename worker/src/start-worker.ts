import type { PlatformKeys } from '@cameo/kernel/env';
import { Counter, Registry } from 'prom-client';
import { createLogger } from '@cameo/kernel/logger';
import { databaseCheck, redisCheck, type ReadinessCheck } from '@cameo/kernel/readiness';
import { createPubSub } from '@cameo/kernel/pubsub';
import { createDb } from '@cameo/generations/db';
import { startBullRunner } from '@cameo/generations/queue';
import { createUsersClient } from '@cameo/generations/users-client';
import type { VideoModelAdapter } from '@cameo/generations/rendering/adapter';
import { createLocalAdapter } from '@cameo/generations/rendering/local-adapter';
import { renderGeneration } from '@cameo/generations/rendering/render';
import { createLocalStorage } from '@cameo/generations/rendering/storage';

export interface StartWorkerOptions {
  databaseUrl: string;
  redisUrl: string;
  usersBaseUrl: string;
  /** Signs internal calls (INTERNAL_CALL_SECRET) and provenance manifests (MANIFEST_SECRET). */
  keys: Pick<PlatformKeys, 'internalCallSecret' | 'manifestSecret'>;
  assetsDir: string;
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

export interface RunningWorker {
  /** The worker's own series (cameo_worker_*), for its admin server's /metrics. */
  metrics: Registry;
  /** Its database and Redis, for /readyz. */
  readiness: ReadinessCheck[];
  stop(): Promise<void>;
}

/** The generation worker: renders jobs from the BullMQ queue `generations`. */
export function startWorker(options: StartWorkerOptions): RunningWorker {
  const logger = createLogger('worker');
  const db = createDb(options.databaseUrl, 4);
  const metrics = new Registry();
  const jobs = new Counter({
    name: 'cameo_worker_jobs_total',
    help: 'Render jobs this worker ran, by outcome (a failed attempt is retried while attempts remain).',
    labelNames: ['outcome'],
    registers: [metrics],
  });
  const redis = redisCheck(options.redisUrl);
  const pubsub = createPubSub(options.redisUrl);
  const deps = {
    db,
    users: createUsersClient(options.usersBaseUrl, options.keys.internalCallSecret, 'worker'),
    pubsub,
    adapter: options.adapter ?? createLocalAdapter(),
    storage: createLocalStorage(options.assetsDir),
    signingSecret: options.keys.manifestSecret,
  };
  const render = async (id: string, lastAttempt: boolean) => {
    try {
      await renderGeneration(deps, id, lastAttempt);
      jobs.inc({ outcome: 'done' });
    } catch (error) {
      jobs.inc({ outcome: 'failed' });
      throw error;
    }
  };
  const runner = startBullRunner(render, {
    redisUrl: options.redisUrl,
    prefix: options.queuePrefix,
    concurrency: options.concurrency,
    lockDurationMs: options.lockDurationMs,
    stalledIntervalMs: options.stalledIntervalMs,
    onError: (error) => logger.error(`queue: ${error instanceof Error ? error.message : String(error)}`),
  });
  logger.info(`rendering jobs with ${deps.adapter.model}`);
  return {
    metrics,
    readiness: [databaseCheck(() => db.$queryRaw`SELECT 1`), redis],
    stop: async () => {
      await redis.close();
      await runner.close();
      await pubsub.close();
      await db.$disconnect();
    },
  };
}
