import type { SubgraphStartOptions } from '@cameo/kernel/subgraph-options';
import { cursorKey } from '@cameo/kernel/cursor';
import type { PlatformKeys } from '@cameo/kernel/env';
import { transportForSubgraph } from '@cameo/kernel/event-transport';
import { createLogger } from '@cameo/kernel/logger';
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
}

/** Starts the feed subgraph and the consumers that keep its read model current. */
export async function start(options: StartFeedOptions): Promise<RunningServer> {
  const logger = createLogger('feed');
  const db = createDb(options.databaseUrl, options.db);
  const services: FeedServices = {
    db,
    clients: createFeedClients({
      usersBaseUrl: options.usersBaseUrl,
      socialBaseUrl: options.socialBaseUrl,
      platformSecret: options.keys.internalCallSecret,
    }),
    settings: { teenDailyCap: options.teenDailyCap, cursorKey: cursorKey(options.keys.cursorSecret) },
  };
  // The event consumers get their own small pool: a burst of events never queues page requests
  // behind it (and a page's statements can be counted on their own).
  const consumerDb = createDb(options.databaseUrl, { poolSize: 3 });
  const events = transportForSubgraph('feed', consumerDb, options, (error) =>
    logger.error(`events: ${error instanceof Error ? error.message : String(error)}`),
  );
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
      await events.close();
      await consumerDb.$disconnect();
      await db.$disconnect();
    },
  };
}
