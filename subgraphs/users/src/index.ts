import { readCommonEnv, readHost, readKeys, readSubgraphPort, requireDatabaseUrl } from '../../shared/src/env';
import { runUntilSignal } from '../../shared/src/run';
import { startTracing } from '../../shared/src/tracing';
import { start } from './server';

const env = readCommonEnv();
startTracing();
runUntilSignal('users', () =>
  start({
    port: readSubgraphPort('users'),
    databaseUrl: requireDatabaseUrl(env),
    jwtSecret: env.jwtSecret,
    keys: readKeys(['gatewayProofPublicKey', 'internalCallSecret']),
    host: readHost(),
    redisUrl: env.redisUrl,
    eventTransport: env.eventTransport,
  }),
);
