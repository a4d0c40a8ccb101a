import type { SubgraphStartOptions } from '@cameo/kernel/subgraph-options';
import { cursorKey } from '@cameo/kernel/cursor';
import type { PlatformKeys } from '@cameo/kernel/env';
import { transportForSubgraph } from '@cameo/kernel/event-transport';
import { createLogger } from '@cameo/kernel/logger';
import { createPubSub, type PubSub } from '@cameo/kernel/pubsub';
import { databaseCheck } from '@cameo/kernel/readiness';
import { serveSubgraph, type RunningServer } from '@cameo/kernel/serve';
import { createFeedClients } from './clients';
import { startFeedConsumers } from './consumer';
import type { FeedServices } from './context';
import { createDb } from './db';
import { sweepCandidateSets } from './candidate-set';
import { sweepSnapshots } from './feed';
import { schema } from './schema';

/** How often expired For You rankings are deleted. */
const SWEEP_INTERVAL_MS = 5 * 60 * 1000;

export interface StartFeedOptions extends SubgraphStartOptions {
  /** Verifies gateway proofs (public key only); signs internal calls and cursors. */
  keys: Pick<PlatformKeys, 'gatewayProofPublicKey' | 'internalCallSecret' | 'cursorSecret'>;
  /** Base URLs of users (age band) and social (blocks and mutes). */
  usersBaseUrl: string;
  socialBaseUrl: string;
  /** Items a teen account may be served per day. */
  teenDailyCap: number;
  /**
   * The live bus social announces block and mute changes on, so social's answers can be
   * remembered (clients.ts). Default: Redis pub/sub when redisUrl is set; with neither, social
   * is asked on every page (an in-process bus of the feed's own would never hear social).
   */
  pubsub?: PubSub;
}

/** Starts the feed subgraph and the consumers that keep its read model current. */
export async function start(options: StartFeedOptions): Promise<RunningServer> {
  const logger = createLogger('feed');
  const db = createDb(options.databaseUrl, options.db);
  // The event consumers get their own small pool: a burst of events never queues page requests
  // behind it (and a page's statements can be counted on their own).
  const consumerDb = createDb(options.databaseUrl, { poolSize: 3 });
  const events = transportForSubgraph('feed', consumerDb, options, (error) =>
    logger.error(`events: ${error instanceof Error ? error.message : String(error)}`),
  );
  const ownPubsub = options.pubsub || !options.redisUrl ? undefined : createPubSub(options.redisUrl);
  const clients = createFeedClients({
    usersBaseUrl: options.usersBaseUrl,
    socialBaseUrl: options.socialBaseUrl,
    platformSecret: options.keys.internalCallSecret,
    pubsub: options.pubsub ?? ownPubsub,
    events,
    logger,
  });
  const services: FeedServices = {
    db,
    clients,
    settings: { teenDailyCap: options.teenDailyCap, cursorKey: cursorKey(options.keys.cursorSecret) },
  };
  startFeedConsumers(consumerDb, events);
  const sweeper = setInterval(() => {
    Promise.all([sweepSnapshots(db), sweepCandidateSets(db)]).catch((error: unknown) =>
      logger.error(`snapshot sweep: ${error instanceof Error ? error.message : String(error)}`),
    );
  }, SWEEP_INTERVAL_MS);
  sweeper.unref();
  const server = await serveSubgraph({
    name: 'feed',
    schema,
    start: options,
    logger,
    readiness: [databaseCheck(() => db.$queryRaw`SELECT 1`)],
    buildContext: (base) => ({ ...base, ...services }),
  });
  return {
    ...server,
    stop: async () => {
      clearInterval(sweeper);
      await server.stop();
      await clients.stop();
      await ownPubsub?.close();
      await events.close();
      await consumerDb.$disconnect();
      await db.$disconnect();
    },
  };
}
