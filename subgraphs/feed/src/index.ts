import { readCommonEnv, readHost, readKeys, readFeedEnv, readSubgraphPort, readSubgraphUrl, requireDatabaseUrl } from '@cameo/kernel/env';
import { runUntilSignal } from '@cameo/kernel/run';
import { start } from './server';

const baseUrl = (name: 'users' | 'social') => readSubgraphUrl(name).replace(/\/graphql$/, '');
runUntilSignal('feed', () => {
  const env = readCommonEnv();
  return start({
    port: readSubgraphPort('feed'),
    databaseUrl: requireDatabaseUrl(env),
    keys: readKeys(['gatewayProofPublicKey', 'internalCallSecret', 'cursorSecret']),
    host: readHost(),
    usersBaseUrl: baseUrl('users'),
    socialBaseUrl: baseUrl('social'),
    teenDailyCap: readFeedEnv().teenDailyCap,
    redisUrl: env.redisUrl,
    eventTransport: env.eventTransport,
  });
});
