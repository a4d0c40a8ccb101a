import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import pg from 'pg';
import WebSocket from 'ws';
import { generationTopic } from '@cameo/generations/events';
import { migrateAll } from '@cameo/kernel/migrations';
import { createPubSub } from '@cameo/kernel/pubsub';
import { SERVER_URL } from './dataset';
import { log, startGatewayProcess, startSubgraphs } from './platform';

/**
 * `npm run bench:subscriptions`: subscription fan-out through one gateway process.
 *
 * The gateway runs alone in a child process, each subgraph in its own; the load (graphql-ws clients)
 * runs here. V viewers each create a generation; S subscriptions to generationProgress(id),
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
export interface FanOutOptions {
  subscribers: number;
  connections: number;
  viewers: number;
  rounds: number;
  burst: boolean;
}

export interface FanOutFigures extends FanOutOptions {
  upstream: number;
  delivered: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  heapBefore: number;
  heapDuring: number;
  rssBefore: number;
  rssDuring: number;
  /** Share of the rounds the gateway's main thread was busy, and its CPU (all threads) per second. */
  gatewayBusy: number;
  gatewayCpu: number;
}

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const now = () => performance.timeOrigin + performance.now();
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

/** Deletes the keys a run left in Redis (its queue and event streams). */
export async function deleteRedisKeys(pattern: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export async function benchFanOut(options: FanOutOptions): Promise<FanOutFigures> {
  const { subscribers: SUBSCRIBERS, connections: CONNECTIONS, viewers: VIEWERS, rounds: ROUNDS } = options;
  const runId = randomBytes(4).toString('hex');
  const databaseName = `cameo_bench_${runId}`;
  const databaseUrl = Object.assign(new URL(SERVER_URL), { pathname: `/${databaseName}` }).toString();
  const stops: (() => Promise<unknown>)[] = [];
  try {
    log(`scratch database ${databaseName}`);
    await admin(`CREATE DATABASE "${databaseName}"`);
    stops.push(() => admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`));
    await migrateAll(databaseUrl);
    // Jobs wait in a queue no worker reads: this run publishes the progress itself.
    const subgraphs = await startSubgraphs({ databaseUrl, redisUrl: REDIS_URL, runId });
    stops.push(() => deleteRedisKeys(`*cameo-bench-${runId}*`));
    stops.push(() => subgraphs.stop());
    // As deployed with REDIS_URL: each event's creator handle comes from the entity cache.
    const gateway = await startGatewayProcess('cameo', subgraphs.urls, {
      entityCache: { redisUrl: REDIS_URL, eventNamespace: `cameo-bench-${runId}` },
    });
    stops.push(() => gateway.stop());

    log(`signing up ${VIEWERS} viewers, one generation each`);
    const viewers: { token: string; generationId: string }[] = [];
    for (let i = 0; i < VIEWERS; i++) {
      const signUp = await gql(gateway.url, `mutation ($input: SignUpInput!) { signUp(input: $input) { token } }`, {
        input: { handle: `viewer${i}`, displayName: `Viewer ${i}`, password: 'password123' },
      });
      const token = signUp.signUp.token as string;
      const created = await gql(
        gateway.url,
        `mutation ($input: CreateGenerationInput!) { createGeneration(input: $input) { id } }`,
        { input: { prompt: `bench video ${i}`, seconds: 2 } },
        token,
      );
      viewers.push({ token, generationId: created.createGeneration.id as string });
    }

    const before = await gateway.stats();
    log(`opening ${CONNECTIONS} connections and ${SUBSCRIBERS} subscriptions`);
    const wsUrl = gateway.url.replace(/^http/, 'ws');
    const clients: Client[] = [];
    for (let c = 0; c < CONNECTIONS; c++) {
      const viewer = viewers[c % VIEWERS]!;
      clients.push(
        createClient({
          url: wsUrl,
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${viewer.token}` },
          lazy: false,
          retryAttempts: 0,
        }),
      );
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
            {
              query: `subscription ($id: ID!) { generationProgress(id: $id) { progress stage generation { prompt creator { handle } } } }`,
              variables: { id: viewer.generationId },
            },
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

    log(`${ROUNDS} rounds of one event per generation${options.burst ? ', all at once' : ' each second'}`);
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
      if (options.burst) {
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
    const after = await gateway.stats();
    await Promise.all(clients.map(async (client) => client.dispose()));

    latencies.sort((a, b) => a - b);
    return {
      ...options,
      upstream: during.subscriptions?.upstream ?? 0,
      delivered: latencies.length,
      seconds: elapsed,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1)!,
      heapBefore: before.memory.heapUsed,
      heapDuring: during.memory.heapUsed,
      rssBefore: before.memory.rss,
      rssDuring: during.memory.rss,
      gatewayBusy: (after.elu.active - during.elu.active) / (elapsed * 1000),
      gatewayCpu: (after.cpu.user + after.cpu.system - during.cpu.user - during.cpu.system) / 1e6 / elapsed,
    };
  } finally {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => log(`cleanup: ${String(error)}`));
  }
}

/** The figures as lines of text (this script's output, and a section of `npm run bench`). */
export function describeFanOut(f: FanOutFigures): string[] {
  return [
    `subscription fan-out through one gateway process (${os.cpus().length} cores, Node ${process.version})`,
    `  subscriptions        ${f.subscribers} over ${f.connections} connections, ${f.viewers} viewers (${f.upstream} upstream after dedupe)`,
    `  events delivered     ${f.delivered} in ${f.seconds.toFixed(2)} s (${Math.round(f.delivered / f.seconds)}/s${f.burst ? ', bursts' : ', steady'})`,
    `  latency publish->client  p50 ${f.p50.toFixed(1)} ms  p99 ${f.p99.toFixed(1)} ms  max ${f.max.toFixed(1)} ms`,
    `  gateway memory       heap ${mib(f.heapBefore)} -> ${mib(f.heapDuring)}, rss ${mib(f.rssBefore)} -> ${mib(f.rssDuring)}`,
    `  gateway load         main thread busy ${(f.gatewayBusy * 100).toFixed(0)}% of the time, ${f.gatewayCpu.toFixed(2)} CPU-seconds per second`,
    `  per subscription     heap ${((f.heapDuring - f.heapBefore) / f.subscribers / 1024).toFixed(2)} KiB, rss ${((f.rssDuring - f.rssBefore) / f.subscribers / 1024).toFixed(2)} KiB`,
  ];
}

if (require.main === module) {
  const { values: args } = parseArgs({
    options: {
      subscribers: { type: 'string', default: '10000' },
      connections: { type: 'string', default: '1000' },
      viewers: { type: 'string', default: '100' },
      rounds: { type: 'string', default: '20' },
      burst: { type: 'boolean', default: false },
    },
  });
  benchFanOut({
    subscribers: Number(args.subscribers),
    connections: Number(args.connections),
    viewers: Number(args.viewers),
    rounds: Number(args.rounds),
    burst: args.burst,
  }).then(
    (figures) => {
      for (const line of describeFanOut(figures)) console.log(line);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
