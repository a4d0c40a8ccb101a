import type { DbOptions } from '../../shared/src/prisma';
import { createLogger } from '../../shared/src/logger';
import { serveSubgraph, type RunningServer } from '../../shared/src/serve';
import { createFeedClients } from './clients';
import { startFeedConsumers } from './consumer';
import type { FeedServices } from './context';
import { createDb } from './db';
import { sweepSnapshots } from './feed';
import { schema } from './schema';

/** How often expired For You rankings are deleted. */
const SWEEP_INTERVAL_MS = 5 * 60 * 1000;

export interface StartFeedOptions {
  port: number;
  databaseUrl: string;
  /** Verifies gateway proofs; signs internal calls and cursors. */
  gatewaySecret: string;
  /** Base URLs of users (age band) and social (blocks and mutes). */
  usersBaseUrl: string;
  socialBaseUrl: string;
  /** Items a teen account may be served per day. */
  teenDailyCap: number;
  /** Redis for the domain events the feed is built from. Default: none (the feed stays empty). */
  redisUrl?: string;
  /** Namespace of domain-event streams (see eventStream); tests isolate stacks with it. Default: "cameo". */
  eventNamespace?: string;
  /** Pool size and statement counting (tests). */
  db?: DbOptions;
  /** Default: 0.0.0.0. */
  host?: string;
}

/** Starts the feed subgraph and the consumers that keep its read model current. */
export async function start(options: StartFeedOptions): Promise<RunningServer> {
  const logger = createLogger('feed');
  const db = createDb(options.databaseUrl, options.db);
  const services: FeedServices = {
    db,
    clients: createFeedClients({ usersBaseUrl: options.usersBaseUrl, socialBaseUrl: options.socialBaseUrl, platformSecret: options.gatewaySecret }),
    settings: { teenDailyCap: options.teenDailyCap, cursorSecret: options.gatewaySecret },
  };
  // The event consumers get their own small pool: a burst of events never queues page requests
  // behind it (and a page's statements can be counted on their own).
  const consumerDb = options.redisUrl ? createDb(options.databaseUrl, { poolSize: 3 }) : undefined;
  const consumers = consumerDb && options.redisUrl
    ? startFeedConsumers(consumerDb, options.redisUrl, (error) => logger.error(`events: ${error instanceof Error ? error.message : String(error)}`), options.eventNamespace)
    : [];
  const sweeper = setInterval(() => {
    sweepSnapshots(db).catch((error: unknown) => logger.error(`snapshot sweep: ${error instanceof Error ? error.message : String(error)}`));
  }, SWEEP_INTERVAL_MS);
  sweeper.unref();
  const server = await serveSubgraph({
    name: 'feed',
    schema,
    port: options.port,
    host: options.host,
    gatewaySecret: options.gatewaySecret,
    logger,
    buildContext: (base) => ({ ...base, ...services }),
  });
  return {
    ...server,
    stop: async () => {
      clearInterval(sweeper);
      await server.stop();
      for (const consumer of consumers) await consumer.stop();
      await consumerDb?.$disconnect();
      await db.$disconnect();
    },
  };
}
