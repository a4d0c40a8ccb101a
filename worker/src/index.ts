import {
  ConfigError,
  readObjectStorageEnv,
  readCommonEnv,
  readKeys,
  readGenerationsEnv,
  readSubgraphUrl,
  requireDatabaseUrl,
} from '@cameo/kernel/env';
import { runUntilSignal } from '@cameo/kernel/run';
import { adapterFromSettings } from '@cameo/generations/rendering/adapters';
import { startWorker } from './start-worker';
import { createObjectStorage } from '@cameo/kernel/object-storage/from-env';

const env = readCommonEnv();
runUntilSignal('worker', async () => {
  const settings = readGenerationsEnv();
  if (!env.redisUrl)
    throw new ConfigError('REDIS_URL is required: the worker reads the BullMQ queue (npm start runs jobs in-process instead)');
  return startWorker({
    databaseUrl: requireDatabaseUrl(env),
    redisUrl: env.redisUrl,
    usersBaseUrl: readSubgraphUrl('users').replace(/\/graphql$/, ''),
    keys: readKeys(['internalCallSecret', 'manifestSecret']),
    assetsDir: settings.assetsDir,
    objectStorage: createObjectStorage(readObjectStorageEnv()),
    adapter: adapterFromSettings(settings),
  });
});
