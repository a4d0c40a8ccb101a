import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { start as startGenerations } from '../../subgraphs/generations/src/server';
import { generationTopic } from '../../subgraphs/generations/src/events';
import { readCommonEnv, readGenerationsEnv } from '../../subgraphs/shared/src/env';
import { migrateAll } from '../../subgraphs/shared/src/migrations';
import { createPubSub } from '../../subgraphs/shared/src/pubsub';
import { start as startFeed } from '../../subgraphs/feed/src/server';
import { start as startSocial } from '../../subgraphs/social/src/server';
import { start as startUsers } from '../../subgraphs/users/src/server';

/**
 * `npm run bench:subscriptions`: subscription fan-out through one gateway process.
 *
 * The gateway runs alone in a child process; the subgraphs and the load (graphql-ws clients)
 * run here. V viewers each create a generation; S subscriptions to generationProgress(id),
 * with fields from both subgraphs, are spread over C connections (each connection one viewer).
 * Each generation then gets one progress event per round (a second), published on Redis like
 * the worker's and stamped with the time, spread evenly over the round as real renders are.
 * Prints event latency (publish -> client) p50/p99 and the gateway's memory per subscription
 * (after GC, with every subscription open, minus before). `--burst` publishes each round's
 * events all at once instead, which measures how fast the gateway drains a spike.
 *
 * Needs PostgreSQL (DATABASE_URL, default the local test server; a scratch database is created
 * and dropped) and Redis (REDIS_URL, default redis://127.0.0.1:6379).
 */
const { values: args } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '10000' },
    connections: { type: 'string', default: '1000' },
    viewers: { type: 'string', default: '100' },
    rounds: { type: 'string', default: '20' },
    burst: { type: 'boolean', default: false },
  },
});
const SUBSCRIBERS = Number(args.subscribers);
const CONNECTIONS = Number(args.connections);
const VIEWERS = Number(args.viewers);
const ROUNDS = Number(args.rounds);
const SERVER_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const secrets = readCommonEnv({ NODE_ENV: 'test' });

const now = () => performance.timeOrigin + performance.now();
const log = (message: string) => process.stderr.write(`${message}\n`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function gql(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

interface GatewayStats {
  memory: NodeJS.MemoryUsage;
  subscriptions: { subscriptions: number; upstream: number; connections: number };
}

function startGatewayChild(options: Record<string, string>): Promise<{ child: ChildProcess; url: string; stats(): Promise<GatewayStats> }> {
  const child = fork(path.join(__dirname, 'gateway-child.ts'), {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, NODE_ENV: 'production', CAMEO_BENCH_GATEWAY: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stats = () =>
    new Promise<GatewayStats>((resolve) => {
      const onMessage = (message: unknown) => {
        if (typeof message === 'object' && message && 'memory' in message) {
          child.off('message', onMessage);
          resolve(message as GatewayStats);
        }
      };
      child.on('message', onMessage);
      child.send('stats');
    });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ child, url: (message as { url: string }).url, stats }));
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
  });
}

async function main() {
  const databaseName = `cameo_bench_${randomBytes(4).toString('hex')}`;
  const databaseUrl = Object.assign(new URL(SERVER_URL), { pathname: `/${databaseName}` }).toString();
  const assetsDir = mkdtempSync(path.join(os.tmpdir(), 'cameo-bench-'));
  const stops: (() => Promise<unknown>)[] = [];
  try {
    log(`scratch database ${databaseName}`);
    await admin(`CREATE DATABASE "${databaseName}"`);
    stops.push(() => admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`));
    await migrateAll(databaseUrl);
    const users = await startUsers({ port: 0, host: '127.0.0.1', databaseUrl, jwtSecret: secrets.jwtSecret, gatewaySecret: secrets.gatewaySecret, redisUrl: REDIS_URL });
    stops.push(() => users.stop());
    let socialBaseUrl = '';
    const generations = await startGenerations({
      port: 0,
      host: '127.0.0.1',
      databaseUrl,
      gatewaySecret: secrets.gatewaySecret,
      usersBaseUrl: users.url.replace(/\/graphql$/, ''),
      socialBaseUrl: () => socialBaseUrl,
      settings: { ...readGenerationsEnv({}), assetsDir },
      redisUrl: REDIS_URL,
      // Jobs wait in a queue no worker reads: this run publishes the progress itself.
      queuePrefix: `cameo-bench-${randomBytes(4).toString('hex')}`,
    });
    stops.push(() => generations.stop());
    const social = await startSocial({
      port: 0,
      host: '127.0.0.1',
      databaseUrl,
      gatewaySecret: secrets.gatewaySecret,
      usersBaseUrl: users.url.replace(/\/graphql$/, ''),
      generationsBaseUrl: generations.url.replace(/\/graphql$/, ''),
      redisUrl: REDIS_URL,
    });
    socialBaseUrl = social.url.replace(/\/graphql$/, '');
    stops.push(() => social.stop());
    const feed = await startFeed({
      port: 0,
      host: '127.0.0.1',
      databaseUrl,
      gatewaySecret: secrets.gatewaySecret,
      usersBaseUrl: users.url.replace(/\/graphql$/, ''),
      socialBaseUrl,
      teenDailyCap: 100,
    });
    stops.push(() => feed.stop());
    const gateway = await startGatewayChild({ usersUrl: users.url, generationsUrl: generations.url, socialUrl: social.url, feedUrl: feed.url, jwtSecret: secrets.jwtSecret, gatewaySecret: secrets.gatewaySecret });
    stops.push(async () => gateway.child.kill());

    log(`signing up ${VIEWERS} viewers, one generation each`);
    const viewers: { token: string; generationId: string }[] = [];
    for (let i = 0; i < VIEWERS; i++) {
      const signUp = await gql(gateway.url, `mutation ($input: SignUpInput!) { signUp(input: $input) { token } }`, {
        input: { handle: `viewer${i}`, displayName: `Viewer ${i}`, password: 'password123' },
      });
      const token = signUp.signUp.token as string;
      const created = await gql(gateway.url, `mutation ($input: CreateGenerationInput!) { createGeneration(input: $input) { id } }`, { input: { prompt: `bench video ${i}`, seconds: 2 } }, token);
      viewers.push({ token, generationId: created.createGeneration.id as string });
    }

    const before = await gateway.stats();
    log(`opening ${CONNECTIONS} connections and ${SUBSCRIBERS} subscriptions`);
    const wsUrl = gateway.url.replace(/^http/, 'ws');
    const clients: Client[] = [];
    for (let c = 0; c < CONNECTIONS; c++) {
      const viewer = viewers[c % VIEWERS]!;
      clients.push(createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${viewer.token}` }, lazy: false, retryAttempts: 0 }));
    }
    const latencies: number[] = [];
    let allDelivered: () => void = () => {};
    const delivered = new Promise<void>((resolve) => (allDelivered = resolve));
    const firstEvents: Promise<void>[] = [];
    for (let s = 0; s < SUBSCRIBERS; s++) {
      const connection = s % CONNECTIONS;
      const viewer = viewers[connection % VIEWERS]!;
      firstEvents.push(
        new Promise<void>((resolveFirst, reject) => {
          let first = true;
          clients[connection]!.subscribe<{ generationProgress: { progress: number; stage: string } }>(
            { query: `subscription ($id: ID!) { generationProgress(id: $id) { progress stage generation { prompt creator { handle } } } }`, variables: { id: viewer.generationId } },
            {
              next: (result) => {
                if (first) {
                  first = false;
                  return resolveFirst();
                }
                const event = result.data?.generationProgress;
                if (!event) return reject(new Error(JSON.stringify(result.errors)));
                latencies.push(now() - Number(event.stage));
                if (latencies.length === SUBSCRIBERS * ROUNDS) allDelivered();
              },
              error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
              complete: () => {},
            },
          );
        }),
      );
    }
    await Promise.all(firstEvents);
    const during = await gateway.stats();

    log(`${ROUNDS} rounds of one event per generation${args.burst ? ', all at once' : ' each second'}`);
    const publisher = createPubSub(REDIS_URL);
    stops.push(() => publisher.close());
    const publish = (viewer: (typeof viewers)[number], round: number) =>
      publisher.publish(generationTopic(viewer.generationId), {
        generationId: viewer.generationId,
        creatorId: '',
        status: 'IN_PROGRESS',
        progress: round,
        stage: String(now()),
        errorReason: null,
      });
    const started = now();
    for (let round = 1; round <= ROUNDS; round++) {
      if (args.burst) {
        const target = latencies.length + SUBSCRIBERS;
        await Promise.all(viewers.map((viewer) => publish(viewer, round)));
        while (latencies.length < target) await new Promise((resolve) => setTimeout(resolve, 1));
        continue;
      }
      for (const [i, viewer] of viewers.entries()) {
        const due = started + (round - 1) * 1000 + (i * 1000) / VIEWERS;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - now())));
        void publish(viewer, round);
      }
    }
    await delivered;
    const elapsed = (now() - started) / 1000;
    await Promise.all(clients.map((client) => client.dispose()));

    latencies.sort((a, b) => a - b);
    const perSubscriber = (during.memory.heapUsed - before.memory.heapUsed) / SUBSCRIBERS;
    const perSubscriberRss = (during.memory.rss - before.memory.rss) / SUBSCRIBERS;
    console.log(`subscription fan-out through one gateway process (${os.cpus().length} cores, Node ${process.version})`);
    console.log(`  subscriptions        ${SUBSCRIBERS} over ${CONNECTIONS} connections, ${VIEWERS} viewers (${during.subscriptions.upstream} upstream after dedupe)`);
    console.log(`  events delivered     ${latencies.length} in ${elapsed.toFixed(2)} s (${Math.round(latencies.length / elapsed)}/s${args.burst ? ', bursts' : ', steady'})`);
    console.log(`  latency publish->client  p50 ${percentile(latencies, 50).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms  max ${latencies.at(-1)!.toFixed(1)} ms`);
    console.log(`  gateway memory       heap ${mib(before.memory.heapUsed)} -> ${mib(during.memory.heapUsed)}, rss ${mib(before.memory.rss)} -> ${mib(during.memory.rss)}`);
    console.log(`  per subscription     heap ${(perSubscriber / 1024).toFixed(2)} KiB, rss ${(perSubscriberRss / 1024).toFixed(2)} KiB`);
  } finally {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => log(`cleanup: ${String(error)}`));
    rmSync(assetsDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
