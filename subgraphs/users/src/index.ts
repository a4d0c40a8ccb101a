import { readCommonEnv, readSubgraphPort, requireDatabaseUrl } from '../../shared/src/env';
import { runUntilSignal } from '../../shared/src/run';
import { start } from './server';

const env = readCommonEnv();
runUntilSignal('users', () =>
  start({
    port: readSubgraphPort('users'),
    databaseUrl: requireDatabaseUrl(env),
    jwtSecret: env.jwtSecret,
    gatewaySecret: env.gatewaySecret,
    redisUrl: env.redisUrl,
  }),
);
