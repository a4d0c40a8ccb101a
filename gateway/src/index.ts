import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  readAdminPort,
  readCommonEnv,
  readGatewayHost,
  readGatewayPort,
  readHost,
  readKeys,
  readSubgraphUrl,
  readSubscriptionEnv,
  readCorsOrigins,
  readRateLimits,
  readSafelist,
  readPersistedQueryManifest,
  readEntityCacheTtlSeconds,
  SUBGRAPH_NAMES,
} from '@cameo/kernel/env';
import { chooseTransport } from '@cameo/kernel/event-transport';
import { listen } from '@cameo/kernel/listen';
import { createLogger } from '@cameo/kernel/logger';
import { runUntilSignal } from '@cameo/kernel/run';
import { buildWebApp } from '@cameo/web/build';
import { createGateway } from './gateway';
import type { PubSub } from '@cameo/kernel/pubsub';

/** Where `npm start` builds the web app it serves at `/`. */
const WEB_APP_DIR = path.join(__dirname, '..', '..', '.cameo', 'web');
/**
 * The web app `npm run build` left beside the compiled gateway (dist/web): served as it is, so
 * the image neither rebuilds it nor needs a writable folder at start.
 */
export const PREBUILT_WEB_APP_DIR = path.join(__dirname, '..', '..', 'web');

export const SUPERGRAPH_PATH = path.join(__dirname, '..', '..', 'schema', 'supergraph.graphql');

/** Starts the gateway from the environment: used by this entry point and by `npm start`. */
export async function startGatewayFromEnv(
  source: Record<string, string | undefined> = process.env,
  /** The live bus shared with the users subgraph in one process (npm start). Default: from REDIS_URL. */
  pubsub?: PubSub,
) {
  const env = readCommonEnv(source);
  const keys = readKeys(['gatewayProofPrivateKey', 'internalCallSecret'], source);
  const adminPort = readAdminPort(source);
  const entityCacheTtl = readEntityCacheTtlSeconds(source);
  const logger = createLogger('gateway');
  const eventsOnRedis = env.redisUrl && chooseTransport(env.eventTransport, env.redisUrl) === 'redis' ? env.redisUrl : undefined;
  // The API does not depend on the web app: if it cannot be built, say so and serve the API.
  const webAppDir = existsSync(path.join(PREBUILT_WEB_APP_DIR, 'index.html'))
    ? PREBUILT_WEB_APP_DIR
    : await buildWebApp(WEB_APP_DIR).catch((error: unknown) => {
        logger.error(`web app not built: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      });
  const gateway = await createGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, readSubgraphUrl(name, source)])),
    jwtSecret: env.jwtSecret,
    gatewayProofPrivateKey: keys.gatewayProofPrivateKey,
    internalCallSecret: keys.internalCallSecret,
    separateAdmin: adminPort !== undefined,
    production: env.nodeEnv === 'production',
    subscriptionLimits: readSubscriptionEnv(source),
    webAppDir,
    corsOrigins: readCorsOrigins(source),
    rateLimits: readRateLimits(source),
    redisUrl: env.redisUrl,
    pubsub,
    safelist: readSafelist(source),
    persistedQueryManifest: readPersistedQueryManifest(source),
    // The subgraphs' Redis streams (users, social, generations) exist only when events travel on
    // Redis: on the PostgreSQL transport the entity cache stays off.
    events: eventsOnRedis ? { redisUrl: eventsOnRedis } : undefined,
    entityCache: eventsOnRedis && entityCacheTtl > 0 ? { ttlMs: entityCacheTtl * 1000 } : undefined,
  });
  const { url } = await listen(gateway.httpServer, readGatewayPort(source), readGatewayHost(source));
  logger.info(`listening on ${url}${webAppDir ? `; the web app is at ${url.replace(/\/graphql$/, '/')}` : ''}`);
  let adminUrl: string | undefined;
  if (gateway.adminHttpServer && adminPort !== undefined) {
    adminUrl = (await listen(gateway.adminHttpServer, adminPort, readHost(source))).url.replace(/\/graphql$/, '');
    logger.info(`/metrics and /readyz on ${adminUrl}`);
  }
  return { url, adminUrl, stop: gateway.stop };
}

if (require.main === module) {
  runUntilSignal('gateway', startGatewayFromEnv);
}
