import type { SubgraphStartOptions } from '@cameo/kernel/subgraph-options';
import { cursorKey } from '@cameo/kernel/cursor';
import type { PlatformKeys } from '@cameo/kernel/env';
import { transportForSubgraph } from '@cameo/kernel/event-transport';
import type { GenerationsEnv } from '@cameo/kernel/env';
import { createLogger } from '@cameo/kernel/logger';
import { createPubSub, type PubSub } from '@cameo/kernel/pubsub';
import { createGenerationLoader } from './generation-loader';
import { databaseCheck } from '@cameo/kernel/readiness';
import { serveSubgraph, type RunningServer } from '@cameo/kernel/serve';
import { createDb } from './db';
import { createBullJobs, createMemoryJobs, type GenerationJobs } from './queue';
import { startRevocationConsumer } from './revocations';
import { schema } from './schema';
import { createUsersClient } from './users-client';
import { mountInternalRoutes } from './internal-routes';
import { createGenerationsMetrics } from './metrics';
import { createConsentReconciler, type ConsentReconcilerOptions } from './reconciler';
import { createSocialClient } from './social-client';
import { mountAssetRoute } from './asset-route';
import { createAssetUrlSigner } from './asset-urls';
import type { VideoModelAdapter } from './rendering/adapter';
import { adapterFromSettings } from './rendering/adapters';
import { renderGeneration } from './rendering/render';
import { createAssetStorage, createLocalStorage } from './rendering/storage';
import type { ObjectStorage } from '@cameo/kernel/object-storage/object-storage';

export interface StartGenerationsOptions extends SubgraphStartOptions {
  /** Verifies gateway proofs (public key only); signs internal calls, asset URLs, manifests and cursors. */
  keys: Pick<PlatformKeys, 'gatewayProofPublicKey' | 'internalCallSecret' | 'assetUrlSecret' | 'manifestSecret' | 'cursorSecret'>;
  /** The users subgraph's base URL (its internal routes), e.g. http://users:4001. */
  usersBaseUrl: string;
  /** The social subgraph's base URL (blocks), or a function giving it once it is known. */
  socialBaseUrl: string | (() => string);
  settings: GenerationsEnv;
  /**
   * Live progress bus, also where social's block and mute announcements are heard (so it must be
   * social's bus too); default: one from redisUrl, or an in-process one, with which social's
   * answers are not cached.
   */
  pubsub?: PubSub;
  /** The video model. Default: the one VIDEO_MODEL names. It names new rows' model and renders in-process jobs. */
  adapter?: VideoModelAdapter;
  /** BullMQ key prefix (tests isolate queues with it). Default: "bull". */
  queuePrefix?: string;
  /** Where rendered files live. Default: a folder, settings.assetsDir. */
  objectStorage?: ObjectStorage;
  /** The consent reconciler's timing (see ConsentReconcilerOptions). Default: a pass every 15 s. */
  reconciler?: ConsentReconcilerOptions;
}

/** Starts the generations subgraph; without Redis it also renders jobs in this process. */
export async function start(options: StartGenerationsOptions): Promise<RunningServer & { pubsub: PubSub }> {
  const logger = createLogger('generations');
  const onError = (what: string) => (error: unknown) => logger.error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  const db = createDb(options.databaseUrl, options.db);
  const users = createUsersClient(options.usersBaseUrl, options.keys.internalCallSecret);
  const pubsub = options.pubsub ?? createPubSub(options.redisUrl);
  const events = transportForSubgraph('generations', db, options, onError('events'));
  // Social's answers are remembered only on a bus social also hears: the one given, or Redis.
  // An in-process bus made here is this subgraph's alone, and would never carry an announcement.
  const social = createSocialClient({
    socialBaseUrl: options.socialBaseUrl,
    platformSecret: options.keys.internalCallSecret,
    pubsub: options.pubsub || options.redisUrl ? pubsub : undefined,
    events,
    logger,
  });
  const storage = options.objectStorage ? createAssetStorage(options.objectStorage) : createLocalStorage(options.settings.assetsDir);
  const assetUrls = createAssetUrlSigner(options.keys.assetUrlSecret);
  const cursors = cursorKey(options.keys.cursorSecret);
  const adapter = options.adapter ?? adapterFromSettings(options.settings);
  events.startRelay(db);
  startRevocationConsumer({ db, users, pubsub, storage }, events);
  const stops: (() => Promise<void>)[] = [() => events.close(), () => social.stop()];

  let jobs: GenerationJobs;
  if (options.redisUrl) {
    jobs = createBullJobs(options.redisUrl, options.queuePrefix);
  } else {
    const memory = createMemoryJobs(onError('render'));
    const runner = memory.run((id, lastAttempt) =>
      renderGeneration({ db, users, pubsub, adapter, storage, signingSecret: options.keys.manifestSecret }, id, lastAttempt),
    );
    jobs = memory;
    stops.push(() => runner.close());
  }
  stops.push(() => jobs.close());

  const metrics = createGenerationsMetrics(jobs);
  // The backstop for missed cameo.consent_revoked events; it runs with or without Redis.
  const reconciler = createConsentReconciler(
    { db, users, pubsub, storage, logger, repairs: metrics.consentRepairs, onError: onError('consent reconciler') },
    options.reconciler,
  );
  reconciler.start();
  stops.unshift(() => reconciler.stop());

  const server = await serveSubgraph({
    name: 'generations',
    metrics: metrics.registry,
    schema,
    start: options,
    logger,
    readiness: [databaseCheck(() => db.$queryRaw`SELECT 1`)],
    // Rendered files, by signed URL and the visibility rule at each request; the gateway proxies /assets here.
    routes: (app) => {
      mountAssetRoute(app, { db, social, storage, signer: assetUrls, onError: onError('assets') });
      mountInternalRoutes(app, db, options.keys.internalCallSecret);
    },
    buildContext: (base) => ({
      ...base,
      blockedWithViewer: memoize(() => (base.viewer ? social.blockedWith(base.viewer.userId) : Promise.resolve(new Set<string>()))),
      db,
      generationById: createGenerationLoader(db),
      users,
      social,
      storage,
      assetUrls,
      cursorKey: cursors,
      jobs,
      pubsub,
      quotas: { FREE: options.settings.freeDailyQuota, PRO: options.settings.proDailyQuota },
      maxCameos: options.settings.maxCameos,
      model: adapter.model,
    }),
  });
  return {
    ...server,
    pubsub,
    stop: async () => {
      await server.stop();
      for (const stop of stops) await stop();
      if (!options.pubsub) await pubsub.close();
      await db.$disconnect();
    },
  };
}

/** Runs `load` at most once, on first use. */
function memoize<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
}
