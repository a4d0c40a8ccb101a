import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { generationTopic } from '@cameo/generations/events';
import { migrateAll } from '@cameo/kernel/migrations';
import { createPubSub } from '@cameo/kernel/pubsub';
import { SERVER_URL } from './dataset';
import { log, startGatewayProcess, startSubgraphs } from './platform';
import { now, startClientProcesses } from './subscription-clients';

/**
 * `npm run bench:subscriptions`: subscription fan-out through one gateway process.
 *
 * The gateway runs alone in a child process, each subgraph in its own; the load (graphql-ws
 * clients) runs in --client-processes more (subscription-clients.ts). V viewers each create a generation; S subscriptions to generationProgress(id),
 * with fields from both subgraphs, are spread over C connections (each connection one viewer).
 * Each generation then gets one progress event per round (a second), published on Redis like
 * the worker's and stamped with the time, spread evenly over the round as real renders are.
 * Prints event latency (publish -> client) p50/p99 and the gateway's memory per subscription
 * (after GC, with every subscription open, minus before). `--burst` publishes each round's
 * events all at once at the start of each second instead, which measures how the gateway
 * drains a spike. Defaults: issue 20's target, 50,000 subscriptions over 5,000 connections,
 * judged met/MISS against event p99 under 100 ms and heap under 16 KiB per subscription.
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
  /** Processes the client connections are spread over (default: one per core). */
  clientProcesses?: number;
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
    // Subscription s on connection s % CONNECTIONS; connection c is viewer c % VIEWERS's.
    const connections = Array.from({ length: CONNECTIONS }, (_, c) => ({
      ...viewers[c % VIEWERS]!,
      subscriptions: Math.floor(SUBSCRIBERS / CONNECTIONS) + (c < SUBSCRIBERS % CONNECTIONS ? 1 : 0),
    }));
    const clients = startClientProcesses(
      gateway.url.replace(/^http/, 'ws'),
      `subscription ($id: ID!) { generationProgress(id: $id) { progress stage generation { prompt creator { handle } } } }`,
      connections,
      options.clientProcesses ?? os.cpus().length,
      ROUNDS,
    );
    stops.push(async () => clients.stop());
    const retried = await clients.ready;
    if (retried) log(`${retried} connections or subscriptions were told to try again later (1013, SERVICE_UNAVAILABLE) and did`);
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
        await Promise.all(viewers.map((viewer) => publish(viewer, round)));
        // The clients report only at the end: a round's burst gets the time a steady round would.
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + round * 1000 - now())));
        continue;
      }
      for (const [i, viewer] of viewers.entries()) {
        const due = started + (round - 1) * 1000 + (i * 1000) / VIEWERS;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - now())));
        void publish(viewer, round);
      }
    }
    const latencies = await clients.latencies;
    const elapsed = (now() - started) / 1000;
    const after = await gateway.stats();

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

/** The targets of issue 20 for one gateway process. */
export const FAN_OUT_TARGETS = { p99Ms: 100, heapPerSubscriptionKiB: 16 };

/** met/MISS against FAN_OUT_TARGETS, one line each. */
export function fanOutVerdicts(f: FanOutFigures): string[] {
  const heapKiB = (f.heapDuring - f.heapBefore) / f.subscribers / 1024;
  const verdict = (met: boolean) => (met ? 'met ' : 'MISS');
  return [
    `${verdict(f.p99 < FAN_OUT_TARGETS.p99Ms)}  ${f.subscribers} subscribers over ${f.connections} connections: event p99 ${f.p99.toFixed(1)} ms (target: under ${FAN_OUT_TARGETS.p99Ms} ms)`,
    `${verdict(heapKiB < FAN_OUT_TARGETS.heapPerSubscriptionKiB)}  ${f.subscribers} subscribers over ${f.connections} connections: heap ${heapKiB.toFixed(2)} KiB per subscription (target: under ${FAN_OUT_TARGETS.heapPerSubscriptionKiB} KiB)`,
  ];
}

if (require.main === module) {
  const { values: args } = parseArgs({
    options: {
      subscribers: { type: 'string', default: '50000' },
      connections: { type: 'string', default: '5000' },
      viewers: { type: 'string', default: '100' },
      rounds: { type: 'string', default: '20' },
      burst: { type: 'boolean', default: false },
      'client-processes': { type: 'string', default: String(os.cpus().length) },
      help: { type: 'boolean', default: false },
    },
  });
  if (args.help) {
    console.log(
      'npm run bench:subscriptions -- [--subscribers 50000] [--connections 5000] [--viewers 100] [--rounds 20] [--burst] [--client-processes <cores>]',
    );
    process.exit(0);
  }
  benchFanOut({
    subscribers: Number(args.subscribers),
    connections: Number(args.connections),
    viewers: Number(args.viewers),
    rounds: Number(args.rounds),
    burst: args.burst,
    clientProcesses: Number(args['client-processes']),
  }).then(
    (figures) => {
      for (const line of [...describeFanOut(figures), '', 'targets', ...fanOutVerdicts(figures).map((line) => `  ${line}`)])
        console.log(line);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
