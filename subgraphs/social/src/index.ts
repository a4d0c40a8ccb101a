import { readCommonEnv, readHost, readKeys, readSubgraphPort, readSubgraphUrl, requireDatabaseUrl } from '@cameo/kernel/env';
import { runUntilSignal } from '@cameo/kernel/run';
import { start } from './server';

const baseUrl = (name: 'users' | 'generations') => readSubgraphUrl(name).replace(/\/graphql$/, '');
runUntilSignal('social', () => {
  const env = readCommonEnv();
  return start({
    port: readSubgraphPort('social'),
    databaseUrl: requireDatabaseUrl(env),
    keys: readKeys(['gatewayProofPublicKey', 'internalCallSecret', 'cursorSecret']),
    host: readHost(),
    usersBaseUrl: baseUrl('users'),
    generationsBaseUrl: baseUrl('generations'),
    redisUrl: env.redisUrl,
    eventTransport: env.eventTransport,
  });
});
