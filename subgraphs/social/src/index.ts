import { readCommonEnv, readHost, readKeys, readSubgraphPort, readSubgraphUrl, requireDatabaseUrl } from '../../shared/src/env';
import { runUntilSignal } from '../../shared/src/run';
import { startTracing } from '../../shared/src/tracing';
import { start } from './server';

const env = readCommonEnv();
const baseUrl = (name: 'users' | 'generations') => readSubgraphUrl(name).replace(/\/graphql$/, '');
startTracing();
runUntilSignal('social', () =>
  start({
    port: readSubgraphPort('social'),
    databaseUrl: requireDatabaseUrl(env),
    keys: readKeys(['gatewayProofPublicKey', 'internalCallSecret', 'cursorSecret']),
    host: readHost(),
    usersBaseUrl: baseUrl('users'),
    generationsBaseUrl: baseUrl('generations'),
    redisUrl: env.redisUrl,
    eventTransport: env.eventTransport,
  }),
);
