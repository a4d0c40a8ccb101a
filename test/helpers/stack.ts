import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createGateway, type Gateway, type GatewayOptions } from '@cameo/gateway/gateway';
import { SUPERGRAPH_PATH } from '@cameo/gateway';
import { ALL_KEY_PURPOSES, readCommonEnv, readKeys, readGenerationsEnv, type GenerationsEnv } from '@cameo/kernel/env';
import { listen } from '@cameo/kernel/listen';
import type { ConsentReconcilerOptions } from '@cameo/generations/reconciler';
import { start as startGenerations } from '@cameo/generations/server';
import type { VideoModelAdapter } from '@cameo/generations/rendering/adapter';
import { createLocalAdapter } from '@cameo/generations/rendering/local-adapter';
import { buildWebApp } from '@cameo/web/build';
import { startWorker } from '@cameo/worker/start-worker';
import { start as startFeed } from '@cameo/feed/server';
import type { DbOptions } from '@cameo/kernel/prisma';
import { start as startSocial } from '@cameo/social/server';
import { start as startUsers } from '@cameo/users/server';
import { stopInOrder } from './stop-in-order';
import { startS3ContractServer } from './s3-contract-server';
import { createS3Storage } from '@cameo/kernel/object-storage/s3';
import type { ObjectStorageEnv } from '@cameo/kernel/env';
import { createLogger } from '@cameo/kernel/logger';
import { createDevVerifier, createRecordingVerifier, type CameoVerifier } from '@cameo/users/verification/verifier';
import { createPocketsphinxRecognizer } from '@cameo/users/verification/speech/pocketsphinx';
import type { VerificationRunnerOptions } from '@cameo/users/verification/runner';
import { GATEWAY_PROOF_HEADER, signGatewayProof } from '@cameo/kernel/gateway-proof';
import type { EventTransportKind } from '@cameo/kernel/event-transport';
import { createPubSub, type PubSub } from '@cameo/kernel/pubsub';

/** Headers of a gateway proof for a direct subgraph call: `graphql(url, q, { headers: proofFor('users', id) })`. */
export const proofFor = (audience: string, viewerId: string | null) => (body: string) => ({
  [GATEWAY_PROOF_HEADER]: signGatewayProof(testSecrets.gatewayProofPrivateKey, audience, { viewerId }, { method: 'POST', body }),
});

/** Every key of the platform (dev defaults): helpers play each service, tests mint what a service would. */
export const testSecrets = { ...readCommonEnv({ NODE_ENV: 'test' }), ...readKeys(ALL_KEY_PURPOSES, { NODE_ENV: 'test' }) };
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface StackOptions {
  /**
   * Use the machine's Redis (BullMQ, streams, pub/sub) with keys isolated per stack, and a
   * worker in this process unless `worker: false`. Default: false — everything in-process.
   */
  redis?: boolean;
  /** With `redis`: another Redis than the machine's (a test that stops it). */
  redisUrl?: string;
  /** How domain events travel. Default: redis in a Redis stack, else postgres (as the platform chooses). */
  eventTransport?: EventTransportKind;
  worker?: boolean;
  /** Default: the local renderer at 2 ms per frame. */
  adapter?: VideoModelAdapter;
  settings?: Partial<GenerationsEnv>;
  subscriptionLimits?: GatewayOptions['subscriptionLimits'];
  /** The feed's database options (tests count its statements). */
  feedDb?: DbOptions;
  /** With `redis`: false turns the gateway's entity cache off (a test that counts users' statements). Default: on. */
  entityCache?: boolean;
  /** Called with every SQL statement the four subgraphs' APIs send (tests count a request's statements). */
  onStatement?: (subgraph: 'users' | 'generations' | 'social' | 'feed', sql: string) => void;
  /** Default: 100. */
  teenDailyCap?: number;
  /** Build the web app and serve it at `/`. Default: false. */
  webApp?: boolean;
  /**
   * Where recordings and rendered files live: a folder (the default) or `s3`, an S3 contract
   * server of this stack's own (s3-contract-server.ts), as OBJECT_STORAGE=s3 would.
   */
  objectStorage?: 'filesystem' | 's3';
  /**
   * The cameo verifier: `dev` (accepts any upload; the default here, so tests that need a
   * verified cameo are quick), `offline` (media check + pocketsphinx, as npm start), or one of
   * a test's own.
   */
  verifier?: 'dev' | 'offline' | CameoVerifier;
  /** The users verification runner's timing. */
  verificationRunner?: VerificationRunnerOptions;
  /**
   * Recordings an account may send to verification in 24 hours. Default here: 1,000, as tests
   * not about that limit send many per owner; its own test (cameo-recording-limit.e2e) passes
   * the platform's default, RECORDINGS_PER_DAY.
   */
  recordingsPerDay?: number;
  /** The generations consent reconciler's timing (a test running passes itself sets a long interval). */
  reconciler?: ConsentReconcilerOptions;
  /**
   * Without `redis`: false gives generations, social and the feed no shared live bus (as
   * subgraphs in separate processes without Redis), so social's answers are never cached. Default: true.
   */
  sharedLiveBus?: boolean;
  /**
   * Failure injection, without `redis`: the bus social is given, made from the shared one (a
   * test drops social's announcements to play a social that ended between commit and publish).
   */
  socialBus?: (shared: PubSub) => PubSub;
  /**
   * Failure injection, with or without `redis`: the bus users is given, made from the one it
   * shares with the gateway (a test drops session.revoked to play a users that ended between
   * commit and publish).
   */
  usersBus?: (shared: PubSub) => PubSub;
}

export interface TestStack {
  gatewayUrl: string;
  /** The gateway's origin, for /assets and /healthz. */
  origin: string;
  subgraphUrls: { users: string; generations: string; social: string; feed: string };
  subscriptionStats: Gateway['subscriptionStats'];
  /**
   * Starts a worker on this stack's queue (Redis stacks started with `worker: false`, so jobs
   * wait until a test has its subscribers in place).
   */
  startWorker(): { stop(): Promise<void> };
  /** Stops the generations subgraph and starts it again on the same port (a restart), running `whileDown` between. */
  restartGenerations(whileDown?: () => Promise<void>): Promise<void>;
  assetsDir: string;
  /** With `objectStorage: 's3'`: the contract server holding the bucket. */
  s3?: Awaited<ReturnType<typeof startS3ContractServer>>;
  /** BullMQ prefix of this stack, for an out-of-process worker; also its event-stream namespace. */
  queuePrefix: string;
  /** With `redis`: the Redis and channel prefix of this stack's live bus (session.revoked), for replicas. */
  live?: { redisUrl: string; prefix: string };
  stopUsers(): Promise<void>;
  /** Stops the users subgraph and starts it again on the same port (a restart), running `whileDown` between. */
  restartUsers(whileDown?: () => Promise<void>, overrides?: { verifier?: CameoVerifier }): Promise<void>;
  /** Where the users subgraph keeps recordings on the filesystem backend. */
  recordingsDir: string;
  stop(): Promise<void>;
}

/**
 * For `socialBus` / `usersBus`: the shared bus without one topic's announcements, as a subgraph
 * that ended between its commit and its publish would leave it.
 */
export const dropping =
  (lostTopic: string) =>
  (shared: PubSub): PubSub => ({
    publish: (topic, payload) => (topic === lostTopic ? Promise.resolve() : shared.publish(topic, payload)),
    subscribe: (topic) => shared.subscribe(topic),
    close: async () => {},
  });

/** The whole platform on free ports against one test database, from the committed supergraph. */
export async function startStack(databaseUrl: string, options: StackOptions = {}): Promise<TestStack> {
  const assetsDir = mkdtempSync(path.join(os.tmpdir(), 'cameo-assets-'));
  const queuePrefix = `cameo-test-${randomBytes(4).toString('hex')}`;
  const redisUrl = options.redis ? (options.redisUrl ?? TEST_REDIS_URL) : undefined;
  const adapter = options.adapter ?? createLocalAdapter({ msPerFrame: 2 });
  const s3 = options.objectStorage === 's3' ? await startS3ContractServer({ bucket: 'cameo', accessKeyId: 'test-key' }) : undefined;
  const objectStorage = s3
    ? createS3Storage({
        endpoint: s3.url,
        bucket: 'cameo',
        region: 'us-east-1',
        accessKeyId: 'test-key',
        secretAccessKey: 'test-secret',
        forcePathStyle: true,
      })
    : undefined;
  // Users and the gateway share one live bus, as in npm start: in-process, or Redis pub/sub
  // under this stack's own channel prefix.
  const livePrefix = `${queuePrefix}:`;
  const pubsub = createPubSub(redisUrl, { prefix: livePrefix });
  // In-process, generations, social and the feed share it too (social's block announcements
  // reach the caches of the other two), as in npm start. With Redis each makes its own
  // connection under the default prefix, as deployed, which the worker's progress events use.
  const sharedBus = redisUrl || options.sharedLiveBus === false ? undefined : pubsub;
  const recordingsDir = `${assetsDir}-recordings`;
  const objectStorageEnv: ObjectStorageEnv = s3
    ? {
        kind: 's3',
        dir: recordingsDir,
        s3: {
          endpoint: s3.url,
          bucket: 'cameo',
          region: 'us-east-1',
          accessKeyId: 'test-key',
          secretAccessKey: 'test-secret',
          forcePathStyle: true,
        },
      }
    : { kind: 'filesystem', dir: recordingsDir };
  const verifierLogger = createLogger('users');
  const verifier =
    options.verifier === 'offline'
      ? createRecordingVerifier({ recognizer: createPocketsphinxRecognizer() })
      : options.verifier && options.verifier !== 'dev'
        ? options.verifier
        : createDevVerifier(verifierLogger);
  // Statement counting costs a log event per statement: only for a test that asks for it.
  const counted = (subgraph: 'users' | 'generations' | 'social' | 'feed', own?: DbOptions['onQuery']): DbOptions | undefined =>
    options.onStatement || own
      ? {
          onQuery: (sql, params) => {
            own?.(sql, params);
            options.onStatement?.(subgraph, sql);
          },
        }
      : undefined;
  const usersOptions = {
    objectStorage: objectStorageEnv,
    verifier,
    verificationRunner: options.verificationRunner,
    recordingsPerDay: options.recordingsPerDay ?? 1000,
    pubsub: options.usersBus ? options.usersBus(pubsub) : pubsub,
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    jwtSecret: testSecrets.jwtSecret,
    keys: testSecrets,
    redisUrl,
    eventTransport: options.eventTransport,
    eventNamespace: queuePrefix,
    db: counted('users'),
  };
  let users = await startUsers(usersOptions);
  const usersBaseUrl = users.url.replace(/\/graphql$/, '');
  const settings = { ...readGenerationsEnv({}), assetsDir, ...options.settings };
  // Generations and social call each other: generations learns social's URL once it listens.
  let socialBaseUrl = '';
  const generationsOptions = {
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    keys: testSecrets,
    usersBaseUrl,
    socialBaseUrl: () => socialBaseUrl,
    settings,
    redisUrl,
    adapter,
    queuePrefix,
    eventTransport: options.eventTransport,
    eventNamespace: queuePrefix,
    reconciler: options.reconciler,
    objectStorage,
    pubsub: sharedBus,
    db: counted('generations'),
  };
  let generations = await startGenerations(generationsOptions);
  const generationsUrl = generations.url;
  const social = await startSocial({
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    keys: testSecrets,
    usersBaseUrl,
    generationsBaseUrl: generationsUrl.replace(/\/graphql$/, ''),
    redisUrl,
    eventTransport: options.eventTransport,
    eventNamespace: queuePrefix,
    pubsub: sharedBus && options.socialBus ? options.socialBus(sharedBus) : sharedBus,
    db: counted('social'),
  });
  socialBaseUrl = social.url.replace(/\/graphql$/, '');
  const feed = await startFeed({
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    keys: testSecrets,
    usersBaseUrl,
    socialBaseUrl,
    teenDailyCap: options.teenDailyCap ?? 100,
    redisUrl,
    eventTransport: options.eventTransport,
    eventNamespace: queuePrefix,
    pubsub: sharedBus,
    db: { ...options.feedDb, ...counted('feed', options.feedDb?.onQuery) },
  });
  const worker =
    redisUrl && options.worker !== false
      ? startWorker({ databaseUrl, redisUrl, usersBaseUrl, keys: testSecrets, assetsDir, adapter, queuePrefix, objectStorage })
      : undefined;
  const gateway = await createGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: { users: users.url, generations: generationsUrl, social: social.url, feed: feed.url },
    jwtSecret: testSecrets.jwtSecret,
    gatewayProofPrivateKey: testSecrets.gatewayProofPrivateKey,
    internalCallSecret: testSecrets.internalCallSecret,
    production: false,
    subscriptionLimits: options.subscriptionLimits,
    pubsub,
    // As deployed: with Redis, the gateway follows the subgraphs' durable events (ended sessions
    // reach it that way too), and caches public entity fields that those events invalidate.
    events: redisUrl ? { redisUrl, eventNamespace: queuePrefix } : undefined,
    entityCache: redisUrl && options.entityCache !== false ? {} : undefined,
    webAppDir: options.webApp ? await buildWebApp(`${assetsDir}-web`) : undefined,
  });
  const { url } = await listen(gateway.httpServer, 0, '127.0.0.1');
  let usersStopped = false;
  const stopUsers = async () => {
    if (usersStopped) return;
    usersStopped = true;
    await users.stop();
  };
  return {
    gatewayUrl: url,
    origin: url.replace(/\/graphql$/, ''),
    subgraphUrls: { users: users.url, generations: generationsUrl, social: social.url, feed: feed.url },
    subscriptionStats: () => gateway.subscriptionStats(),
    startWorker: () => {
      if (!redisUrl) throw new Error('startWorker needs a stack started with redis: true');
      return startWorker({ databaseUrl, redisUrl, usersBaseUrl, keys: testSecrets, assetsDir, adapter, queuePrefix, objectStorage });
    },
    restartGenerations: async (whileDown) => {
      await generations.stop();
      await whileDown?.();
      generations = await startGenerations({ ...generationsOptions, port: generations.port });
    },
    assetsDir,
    s3,
    queuePrefix,
    live: redisUrl ? { redisUrl, prefix: livePrefix } : undefined,
    stopUsers,
    restartUsers: async (whileDown, overrides) => {
      await users.stop();
      await whileDown?.();
      users = await startUsers({ ...usersOptions, ...overrides, port: users.port });
    },
    recordingsDir,
    stop: async () => {
      try {
        await stopInOrder([
          ['gateway', () => gateway.stop()],
          ['worker', async () => worker?.stop()],
          ['feed', () => feed.stop()],
          ['social', () => social.stop()],
          ['generations', () => generations.stop()],
          ['users', stopUsers],
          ['live bus', () => pubsub.close()],
          ['s3', async () => s3?.stop()],
        ]);
      } finally {
        rmSync(assetsDir, { recursive: true, force: true });
        rmSync(`${assetsDir}-web`, { recursive: true, force: true });
        rmSync(recordingsDir, { recursive: true, force: true });
      }
    },
  };
}

/** Another gateway (a replica, or one with other settings) in front of a stack's subgraphs, on a free port. */
export async function startReplicaGateway(
  stack: TestStack,
  options: Partial<GatewayOptions> = {},
): Promise<{ gateway: Gateway; url: string; adminUrl?: string }> {
  const gateway = await createGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: stack.subgraphUrls,
    jwtSecret: testSecrets.jwtSecret,
    gatewayProofPrivateKey: testSecrets.gatewayProofPrivateKey,
    internalCallSecret: testSecrets.internalCallSecret,
    production: false,
    ...options,
  });
  const { url } = await listen(gateway.httpServer, 0, '127.0.0.1');
  // With `separateAdmin`: /metrics and /readyz on a port of their own, as ADMIN_PORT in production.
  const adminUrl = gateway.adminHttpServer
    ? (await listen(gateway.adminHttpServer, 0, '127.0.0.1')).url.replace(/\/graphql$/, '')
    : undefined;
  return { gateway, url, adminUrl };
}
