import {
  ConfigError,
  readCommonEnv,
  readGenerationsEnv,
  readHost,
  readKeys,
  readSubgraphUrl,
  readWorkerPort,
  requireDatabaseUrl,
} from '@cameo/kernel/env';
import { serveAdmin } from '@cameo/kernel/admin-server';
import { createLogger } from '@cameo/kernel/logger';
import { runUntilSignal } from '@cameo/kernel/run';
import { adapterFromSettings } from '@cameo/generations/rendering/adapters';
import { startWorker } from './start-worker';

runUntilSignal('worker', async () => {
  const env = readCommonEnv();
  const settings = readGenerationsEnv();
  if (!env.redisUrl)
    throw new ConfigError('REDIS_URL is required: the worker reads the BullMQ queue (npm start runs jobs in-process instead)');
  const worker = startWorker({
    databaseUrl: requireDatabaseUrl(env),
    redisUrl: env.redisUrl,
    usersBaseUrl: readSubgraphUrl('users').replace(/\/graphql$/, ''),
    keys: readKeys(['internalCallSecret', 'manifestSecret']),
    assetsDir: settings.assetsDir,
    adapter: adapterFromSettings(settings),
  });
  // Scraped and probed like every other process: /metrics, /healthz, /readyz on WORKER_PORT.
  const admin = await serveAdmin({
    port: readWorkerPort(),
    host: readHost(),
    metrics: worker.metrics,
    readiness: worker.readiness,
    logger: createLogger('worker'),
  });
  return {
    stop: async () => {
      await admin.stop();
      await worker.stop();
    },
  };
});
