import type { SubgraphStartOptions } from '@cameo/kernel/subgraph-options';
import { cursorKey } from '@cameo/kernel/cursor';
import type { PlatformKeys } from '@cameo/kernel/env';
import { transportForSubgraph } from '@cameo/kernel/event-transport';
import { createLogger } from '@cameo/kernel/logger';
import { createPubSub, type PubSub } from '@cameo/kernel/pubsub';
import { databaseCheck } from '@cameo/kernel/readiness';
import { serveSubgraph, type RunningServer } from '@cameo/kernel/serve';
import { buildContext, type SocialServices } from './context';
import { createDb } from './db';
import { startGenerationEvents } from './generation-events';
import { createGenerationsClient } from './generations-client';
import { mountInternalRoutes } from './internal-routes';
import { schema } from './schema';
import { createUsersClient } from './users-client';

export interface StartSocialOptions extends SubgraphStartOptions {
  /** Verifies gateway proofs (public key only); signs and verifies internal calls. */
  keys: Pick<PlatformKeys, 'gatewayProofPublicKey' | 'internalCallSecret' | 'cursorSecret'>;
  /** Base URLs of the users and generations subgraphs (their internal routes). */
  usersBaseUrl: string;
  generationsBaseUrl: string;
  pubsub?: PubSub;
}

/** Starts the social subgraph, its outbox relay and its consumer of generations' events. */
export async function start(options: StartSocialOptions): Promise<RunningServer & { pubsub: PubSub }> {
  const logger = createLogger('social');
  const onError = (what: string) => (error: unknown) => logger.error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  const db = createDb(options.databaseUrl, options.db);
  const pubsub = options.pubsub ?? createPubSub(options.redisUrl);
  const services: SocialServices = {
    db,
    pubsub,
    users: createUsersClient(options.usersBaseUrl, options.keys.internalCallSecret),
    generations: createGenerationsClient(options.generationsBaseUrl, options.keys.internalCallSecret),
    cursorKey: cursorKey(options.keys.cursorSecret),
  };
  const events = transportForSubgraph('social', db, options, onError('events'));
  events.startRelay(db);
  startGenerationEvents(services, events);
  const server = await serveSubgraph({
    name: 'social',
    schema,
    start: options,
    logger,
    readiness: [databaseCheck(() => db.$queryRaw`SELECT 1`)],
    routes: (app) => mountInternalRoutes(app, db, options.keys.internalCallSecret),
    buildContext: (base) => buildContext(base, services),
  });
  return {
    ...server,
    pubsub,
    stop: async () => {
      await server.stop();
      await events.close();
      if (!options.pubsub) await pubsub.close();
      await db.$disconnect();
    },
  };
}
