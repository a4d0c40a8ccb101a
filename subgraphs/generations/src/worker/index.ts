import { ConfigError, readCommonEnv, readKeys, readGenerationsEnv, readSubgraphUrl, requireDatabaseUrl } from '../../../shared/src/env';
import { runUntilSignal } from '../../../shared/src/run';
import { adapterFromSettings } from './adapters';
import { startWorker } from './start-worker';

const env = readCommonEnv();
runUntilSignal('worker', async () => {
  const settings = readGenerationsEnv();
  if (!env.redisUrl) throw new ConfigError('REDIS_URL is required: the worker reads the BullMQ queue (npm start runs jobs in-process instead)');
  return startWorker({
    databaseUrl: requireDatabaseUrl(env),
    redisUrl: env.redisUrl,
    usersBaseUrl: readSubgraphUrl('users').replace(/\/graphql$/, ''),
    keys: readKeys(['internalCallSecret', 'manifestSecret']),
    assetsDir: settings.assetsDir,
    adapter: adapterFromSettings(settings),
  });
});
