import { readCommonEnv, readHost, readKeys, readFeedEnv, readSubgraphPort, readSubgraphUrl, requireDatabaseUrl } from '@cameo/kernel/env';
import { runUntilSignal } from '@cameo/kernel/run';
import { startTracing } from '@cameo/kernel/tracing';
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
