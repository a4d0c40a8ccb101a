import path from 'node:path';
import { startGatewayFromEnv } from '@cameo/gateway';
import {
  ALL_KEY_PURPOSES,
  readCameoVerifierEnv,
  readCommonEnv,
  readFeedEnv,
  readGenerationsEnv,
  readHost,
  readKeys,
  readObjectStorageEnv,
  readSubgraphPort,
} from '@cameo/kernel/env';
import { createObjectStorage } from '@cameo/kernel/object-storage/from-env';
import { chooseVerifier } from '@cameo/users/verification/choose-verifier';
import { start as startFeed } from '@cameo/feed/server';
import { start as startGenerations } from '@cameo/generations/server';
import { adapterFromSettings } from '@cameo/generations/rendering/adapters';
import { startWorker } from '@cameo/worker/start-worker';
import { createLogger } from '@cameo/kernel/logger';
import { migrateAll } from '@cameo/kernel/migrations';
import { runUntilSignal } from '@cameo/kernel/run';
import { createPubSub } from '@cameo/kernel/pubsub';
import { start as startSocial } from '@cameo/social/server';
import { start as startUsers } from '@cameo/users/server';
import { fillDemoWorldIfAsked, hasNoAccounts, readDemoMode, type DemoMode } from './demo';
import { startEmbeddedPostgres } from './embedded-postgres';

/** Where the embedded database keeps its data between runs. Default: .cameo/pgdata in the repo. */
export const DEFAULT_EMBEDDED_DATA_DIR = path.join(__dirname, '..', '.cameo', 'pgdata');

export interface StartPlatformOptions {
  /** The environment to read; tests pass ports 0 and their own values. Default: process.env. */
  env?: Record<string, string | undefined>;
  /** Data folder of the embedded database, used only when DATABASE_URL is unset. */
  embeddedDataDir?: string;
  /** Whether to fill a demo world (scripts/demo.ts). Default: from CAMEO_DEMO, else `auto` (off in production and tests). */
  demo?: DemoMode;
}

/**
 * `npm start`: the whole platform in one process, one log stream with a [service] prefix per
 * line. Uses DATABASE_URL when set, else an embedded Postgres (PGlite) kept under .cameo/.
 */
export async function startPlatform(options: StartPlatformOptions = {}) {
  const source = options.env ?? process.env;
  const env = readCommonEnv(source);
  // One process runs every service here, so it holds every key; each still uses only its own.
  const keys = readKeys(ALL_KEY_PURPOSES, source);
  // Subgraphs answer only the gateway in this process: loopback unless HOST says otherwise.
  const host = readHost(source);
  const demo = options.demo ?? readDemoMode([], source);
  const log = createLogger('platform');
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn();
  };
  try {
    let databaseUrl = env.databaseUrl;
    if (databaseUrl) {
      log.info('using the PostgreSQL server at DATABASE_URL');
    } else {
      const dataDir = options.embeddedDataDir ?? DEFAULT_EMBEDDED_DATA_DIR;
      log.info(`DATABASE_URL is not set: starting the embedded PostgreSQL (PGlite) in ${dataDir}`);
      const embedded = await startEmbeddedPostgres({ dataDir, log: createLogger('postgres').info });
      stops.push(embedded.stop);
      databaseUrl = embedded.url;
    }
    log.info(
      env.redisUrl
        ? 'using the Redis server at REDIS_URL'
        : 'REDIS_URL is not set: jobs run and live events stay in-process; domain events travel on PostgreSQL',
    );
    await migrateAll(databaseUrl, createLogger('migrate').info);
    // One object storage for recordings, rendered videos and manifests: a folder, or S3.
    const objectStorageEnv = readObjectStorageEnv(source);
    const objectStorage = createObjectStorage(objectStorageEnv);
    log.info(
      objectStorageEnv.kind === 's3'
        ? `files in the S3 bucket ${objectStorageEnv.s3.bucket} at ${objectStorageEnv.s3.endpoint ?? 'AWS'}`
        : `files in ${path.resolve(objectStorageEnv.dir)} (OBJECT_STORAGE=s3 for a bucket)`,
    );
    // Asked before anyone can sign up: only a database with no account at all is "new".
    const newDatabase = demo === 'auto' && (await hasNoAccounts(databaseUrl));

    // One live bus for every service: without Redis, each would otherwise get an in-process bus
    // of its own, and the gateway would never hear that a session ended, nor the feed and
    // generations that a block was made (so they would not cache social's answers).
    const pubsub = createPubSub(env.redisUrl);
    stops.push(() => pubsub.close());
    const users = await startUsers({
      port: readSubgraphPort('users', source),
      databaseUrl,
      jwtSecret: env.jwtSecret,
      keys,
      host,
      redisUrl: env.redisUrl,
      eventTransport: env.eventTransport,
      pubsub,
      objectStorage: objectStorageEnv,
      verifier: chooseVerifier(readCameoVerifierEnv(source), createLogger('users')),
    });
    stops.push(users.stop);

    const usersBaseUrl = users.url.replace(/\/graphql$/, '');
    // Generations and social call each other: generations learns social's URL once it listens.
    let socialBaseUrl = '';
    const generations = await startGenerations({
      port: readSubgraphPort('generations', source),
      databaseUrl,
      keys,
      host,
      usersBaseUrl,
      socialBaseUrl: () => socialBaseUrl,
      settings: readGenerationsEnv(source),
      objectStorage,
      redisUrl: env.redisUrl,
      eventTransport: env.eventTransport,
      pubsub,
    });
    stops.push(generations.stop);
    const social = await startSocial({
      port: readSubgraphPort('social', source),
      databaseUrl,
      keys,
      host,
      usersBaseUrl,
      generationsBaseUrl: generations.url.replace(/\/graphql$/, ''),
      redisUrl: env.redisUrl,
      eventTransport: env.eventTransport,
      pubsub,
    });
    socialBaseUrl = social.url.replace(/\/graphql$/, '');
    stops.push(social.stop);
    const feed = await startFeed({
      port: readSubgraphPort('feed', source),
      databaseUrl,
      keys,
      host,
      usersBaseUrl,
      socialBaseUrl,
      teenDailyCap: readFeedEnv(source).teenDailyCap,
      redisUrl: env.redisUrl,
      eventTransport: env.eventTransport,
      pubsub,
    });
    stops.push(feed.stop);
    if (env.redisUrl) {
      // With Redis, jobs go through BullMQ; npm start runs one worker beside the subgraphs.
      const worker = startWorker({
        databaseUrl,
        redisUrl: env.redisUrl,
        usersBaseUrl,
        keys,
        assetsDir: readGenerationsEnv(source).assetsDir,
        objectStorage,
        adapter: adapterFromSettings(readGenerationsEnv(source)),
      });
      stops.push(worker.stop);
    }

    const gateway = await startGatewayFromEnv(
      { ...source, USERS_URL: users.url, GENERATIONS_URL: generations.url, SOCIAL_URL: social.url, FEED_URL: feed.url },
      pubsub,
    );
    stops.push(gateway.stop);
    await fillDemoWorldIfAsked(demo, newDatabase, gateway.url, log);
    log.info(`ready: explore the graph in Apollo Sandbox at ${gateway.url.replace('127.0.0.1', 'localhost')}`);
    return { gatewayUrl: gateway.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** `npm start -- --data-dir <folder>` keeps the embedded database elsewhere; `--demo` / `--no-demo` (scripts/demo.ts). */
function dataDirArgument(argv: string[]): string | undefined {
  const index = argv.indexOf('--data-dir');
  return index >= 0 ? argv[index + 1] : undefined;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  // One process, one OpenTelemetry SDK: service.name cameo-platform, each subgraph's spans marked with cameo.service.
  runUntilSignal('platform', () => startPlatform({ embeddedDataDir: dataDirArgument(argv), demo: readDemoMode(argv, process.env) }), {
    serviceName: 'cameo-platform',
  });
}
