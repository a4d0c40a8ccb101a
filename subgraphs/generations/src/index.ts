import {
  readCommonEnv,
  readHost,
  readKeys,
  readGenerationsEnv,
  readSubgraphPort,
  readSubgraphUrl,
  requireDatabaseUrl,
} from '@cameo/kernel/env';
import { runUntilSignal } from '@cameo/kernel/run';
import { start } from './server';

runUntilSignal('generations', () => {
  const env = readCommonEnv();
  return start({
    port: readSubgraphPort('generations'),
    databaseUrl: requireDatabaseUrl(env),
    keys: readKeys(['gatewayProofPublicKey', 'internalCallSecret', 'assetUrlSecret', 'manifestSecret', 'cursorSecret']),
    host: readHost(),
    usersBaseUrl: readSubgraphUrl('users').replace(/\/graphql$/, ''),
    socialBaseUrl: readSubgraphUrl('social').replace(/\/graphql$/, ''),
    settings: readGenerationsEnv(),
    redisUrl: env.redisUrl,
    eventTransport: env.eventTransport,
  });
});
