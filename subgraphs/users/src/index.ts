import { readCommonEnv, readHost, readKeys, readSubgraphPort, requireDatabaseUrl } from '@cameo/kernel/env';
import { runUntilSignal } from '@cameo/kernel/run';
import { start } from './server';

runUntilSignal('users', () => {
  const env = readCommonEnv();
  return start({
    port: readSubgraphPort('users'),
    databaseUrl: requireDatabaseUrl(env),
    jwtSecret: env.jwtSecret,
    keys: readKeys(['gatewayProofPublicKey', 'internalCallSecret']),
    host: readHost(),
    redisUrl: env.redisUrl,
    eventTransport: env.eventTransport,
  });
});
