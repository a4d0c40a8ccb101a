import { Redis } from 'ioredis';
import { createLogger } from '../../shared/src/logger';
import { serveSubgraph, type RunningServer } from '../../shared/src/serve';
import { buildUsersContext } from './context';
import { createDb } from './db';
import { mountInternalRoutes } from './internal-routes';
import { eventStream } from '../../shared/src/events';
import { startOutboxRelay } from '../../shared/src/outbox';
import { schema } from './schema';
import { startSocialProjection } from './social-projection';
import { metadataVerifier, type CameoVerifier } from './verifier';

export interface StartUsersOptions {
  port: number;
  databaseUrl: string;
  jwtSecret: string;
  /** Verifies gateway proofs and internal service tokens. */
  gatewaySecret: string;
  /**
   * Where domain events are relayed and the social graph's events are read from. Default: none;
   * events wait in the outbox and MUTUALS sees no follows until one is set.
   */
  redisUrl?: string;
  /** Namespace of domain-event streams (see eventStream); tests isolate stacks with it. Default: "cameo". */
  eventNamespace?: string;
  /** Default: metadataVerifier (recording metadata and the spoken phrase). */
  verifier?: CameoVerifier;
  /** Default: 0.0.0.0. */
  host?: string;
}

/** Starts the users subgraph; the caller owns the returned server's lifetime. */
export async function start(options: StartUsersOptions): Promise<RunningServer> {
  const logger = createLogger('users');
  const db = createDb(options.databaseUrl);
  const redis = options.redisUrl ? new Redis(options.redisUrl, { maxRetriesPerRequest: 1 }) : undefined;
  const relay = redis
    ? startOutboxRelay(db, redis, {
        subgraph: 'users',
        stream: eventStream('users', options.eventNamespace),
        onError: (error) => logger.error(`outbox relay: ${String(error)}`),
      })
    : undefined;
  const projection = options.redisUrl
    ? startSocialProjection(db, options.redisUrl, (error) => logger.error(`social projection: ${String(error)}`), eventStream('social', options.eventNamespace))
    : undefined;
  const server = await serveSubgraph({
    name: 'users',
    schema,
    port: options.port,
    host: options.host,
    gatewaySecret: options.gatewaySecret,
    logger,
    routes: (app) => mountInternalRoutes(app, db, options.gatewaySecret),
    buildContext: (base) =>
      buildUsersContext(base, { db, jwtSecret: options.jwtSecret, verifier: options.verifier ?? metadataVerifier }),
  });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await relay?.stop();
      await projection?.stop();
      redis?.disconnect();
      await db.$disconnect();
    },
  };
}
