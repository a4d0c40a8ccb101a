import { readCommonEnv, readHost, readKeys, readFeedEnv, readSubgraphPort, readSubgraphUrl, requireDatabaseUrl } from '../../shared/src/env';
import { runUntilSignal } from '../../shared/src/run';
import { startTracing } from '../../shared/src/tracing';
import { start } from './server';

const env = readCommonEnv();
const baseUrl = (name: 'users' | 'social') => readSubgraphUrl(name).replace(/\/graphql$/, '');
startTracing();
runUntilSignal('feed', () =>
  start({
    port: readSubgraphPort('feed'),
    databaseUrl: requireDatabaseUrl(env),
    keys: readKeys(['gatewayProofPublicKey', 'internalCallSecret', 'cursorSecret']),
    host: readHost(),
    usersBaseUrl: baseUrl('users'),
    socialBaseUrl: baseUrl('social'),
    teenDailyCap: readFeedEnv().teenDailyCap,
    redisUrl: env.redisUrl,
    eventTransport: env.eventTransport,
  }),
);
