import { cursorKey } from '@cameo/kernel/cursor';
import type { PlatformKeys } from '@cameo/kernel/env';
import { transportForSubgraph, type EventTransportKind } from '@cameo/kernel/event-transport';
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

export interface StartSocialOptions {
  port: number;
  databaseUrl: string;
  /** Verifies gateway proofs; signs and verifies internal calls. */
  /** Verifies gateway proofs (public key only); signs and verifies internal calls. */
  keys: Pick<PlatformKeys, 'gatewayProofPublicKey' | 'internalCallSecret' | 'cursorSecret'>;
  /** Base URLs of the users and generations subgraphs (their internal routes). */
  usersBaseUrl: string;
  generationsBaseUrl: string;
  /** Redis for live notifications (and domain events when the transport is redis). Default: none (in-process). */
  redisUrl?: string;
  /** How domain events travel (see event-transport.ts). Default: redis with a redisUrl, else postgres. */
  eventTransport?: EventTransportKind;
  pubsub?: PubSub;
  /** Namespace of domain-event streams (see eventStream); tests isolate stacks with it. Default: "cameo". */
  eventNamespace?: string;
  /** Default: 0.0.0.0. */
  host?: string;
}

/** Starts the social subgraph, its outbox relay and its consumer of generations' events. */
export async function start(options: StartSocialOptions): Promise<RunningServer & { pubsub: PubSub }> {
  const logger = createLogger('social');
  const onError = (what: string) => (error: unknown) => logger.error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  const db = createDb(options.databaseUrl);
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
    port: options.port,
    host: options.host,
    gatewayProofPublicKey: options.keys.gatewayProofPublicKey,
    redisUrl: options.redisUrl,
    eventNamespace: options.eventNamespace,
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
