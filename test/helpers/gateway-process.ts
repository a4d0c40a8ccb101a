import { readFileSync } from 'node:fs';
import { createGateway } from '@cameo/gateway/gateway';
import { SUPERGRAPH_PATH } from '@cameo/gateway';
import { ALL_KEY_PURPOSES, readGenerationsEnv, readKeys } from '@cameo/kernel/env';
import { listen } from '@cameo/kernel/listen';
import { start as startGenerations } from '@cameo/generations/server';

/**
 * A second gateway and generations subgraph in their own process, sharing a test stack's
 * database, Redis and users subgraph: a replica as a deployment would run one. Options arrive
 * as JSON in CAMEO_TEST_GATEWAY; it prints "gateway ready <url>" once it listens.
 */
interface GatewayProcessOptions {
  databaseUrl: string;
  redisUrl: string;
  usersUrl: string;
  socialUrl: string;
  feedUrl: string;
  jwtSecret: string;
  // The dev-default keys: the child reads them itself (KeyObjects do not travel as JSON).
  queuePrefix: string;
  assetsDir: string;
}

async function main() {
  const options = JSON.parse(process.env.CAMEO_TEST_GATEWAY ?? '{}') as GatewayProcessOptions;
  const keys = readKeys(ALL_KEY_PURPOSES, { NODE_ENV: 'test' });
  const generations = await startGenerations({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: options.databaseUrl,
    keys,
    usersBaseUrl: options.usersUrl.replace(/\/graphql$/, ''),
    socialBaseUrl: options.socialUrl.replace(/\/graphql$/, ''),
    settings: { ...readGenerationsEnv({}), assetsDir: options.assetsDir },
    redisUrl: options.redisUrl,
    queuePrefix: options.queuePrefix,
    eventNamespace: options.queuePrefix,
  });
  const gateway = await createGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: { users: options.usersUrl, generations: generations.url, social: options.socialUrl, feed: options.feedUrl },
    jwtSecret: options.jwtSecret,
    gatewayProofPrivateKey: keys.gatewayProofPrivateKey,
    internalCallSecret: keys.internalCallSecret,
    production: false,
  });
  const { url } = await listen(gateway.httpServer, 0, '127.0.0.1');
  console.log(`gateway ready ${url}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
