import { parseArgs } from 'node:util';
import pg from 'pg';
import type { EventTransportKind } from '@cameo/kernel/event-transport';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql, ok, until } from '@cameo/test-helpers/graphql';
import { startStack, type TestStack } from '@cameo/test-helpers/stack';
import { publishedVideo, signUp, verifiedCameo, type TestUser } from '@cameo/test-helpers/users';
import { log } from './platform';
import { deleteRedisKeys } from './subscriptions';

/**
 * `npm run bench:events`: how fast domain events cross subgraphs, on each event transport.
 *
 * For each transport (`redis`: the relay copies outbox rows to Redis streams; `postgres`: readers
 * poll the outbox itself), on a fresh database and the whole platform in
 * this process on free ports (test/helpers/stack.ts; the postgres run has no Redis at all, as
 * deployed without REDIS_URL):
 *
 * 1. Propagation: N follows/unfollows through the gateway, paced (one every `--interval` ms).
 *    Social writes each as an outbox event; users' projection and the feed consume it. For each
 *    event and consumer: the consumer's `processed_event.processed_at` minus the outbox row's
 *    `created_at` (both the server's clock; each is its transaction's start, so the figure
 *    includes the producer's commit and the consumer's whole pass up to its own transaction).
 * 2. Revocation: R rounds of a video by A casting B's EVERYONE cameo, published and seen by a
 *    stranger S (who follows A); then B sets ONLY_ME. From the mutation's return, S polls every
 *    ~20 ms: `generation(id)` null, the signed video URL S got before the revoke answers 404
 *    at /assets, and the post gone from S's FOLLOWING feed. The time is when all three hold.
 *
 * Needs PostgreSQL (DATABASE_URL, default the local test server; scratch databases are created
 * and dropped) and, for the redis run, Redis (REDIS_URL, default redis://127.0.0.1:6379).
 */

const TARGETS = {
  propagation: { redis: 250, postgres: 1000 },
  revocation: { redis: 1000, postgres: 2000 },
} as const;

export interface Distribution {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface TransportFigures {
  transport: EventTransportKind;
  propagation: Distribution;
  /** Per consumer of the social events. */
  perConsumer: Record<string, Distribution>;
  revocation: Distribution;
  /** When each check first held after the revoke (p50 ms), to see where the time goes. */
  revocationParts: { field: number; asset: number; feed: number };
  /** /assets requests cut off without a status (the file moved to quarantine while being opened). */
  assetCutOff: number;
}

const now = () => performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
function distribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1)! };
}

async function benchPropagation(stack: TestStack, db: pg.Client, events: number, intervalMs: number) {
  const fan = await signUp(stack.gatewayUrl, 'fan');
  const idols: TestUser[] = [];
  for (let i = 0; i < 10; i++) idols.push(await signUp(stack.gatewayUrl, `idol${i}`));
  const { rows: before } = await db.query<{ max: string | null }>(`SELECT max(id)::text AS max FROM social.outbox`);
  const baseline = before[0]!.max ?? '0';

  log(`  propagation: ${events} follows/unfollows, one every ${intervalMs} ms`);
  const started = now();
  for (let i = 0; i < events; i++) {
    await sleep(started + i * intervalMs - now());
    const idol = idols[i % idols.length]!;
    const follow = Math.floor(i / idols.length) % 2 === 0;
    await ok(
      graphql(stack.gatewayUrl, `mutation ($id: ID!) { ${follow ? 'follow' : 'unfollow'}(userId: $id) { id } }`, {
        token: fan.token,
        variables: { id: idol.id },
      }),
    );
  }
  const { rows: produced } = await db.query<{ id: string }>(`SELECT id::text AS id FROM social.outbox WHERE id > $1`, [baseline]);
  if (produced.length !== events) throw new Error(`expected ${events} social events, the outbox has ${produced.length}`);
  const consumers = ['users', 'feed'];
  const ids = produced.map((row) => `social:${row.id}`);
  await until(
    'every event applied by every consumer',
    async () => {
      for (const consumer of consumers) {
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${consumer}.processed_event WHERE event_id = ANY($1)`,
          [ids],
        );
        if (rows[0]!.n < events) return false;
      }
      return true;
    },
    60_000,
  );
  const all: number[] = [];
  const perConsumer: Record<string, Distribution> = {};
  for (const consumer of consumers) {
    const { rows } = await db.query<{ ms: number }>(
      `SELECT extract(epoch FROM p.processed_at - o.created_at)::float8 * 1000 AS ms
         FROM social.outbox o JOIN ${consumer}.processed_event p ON p.event_id = 'social:' || o.id
        WHERE o.id > $1`,
      [baseline],
    );
    const latencies = rows.map((row) => row.ms);
    perConsumer[consumer] = distribution(latencies);
    all.push(...latencies);
  }
  return { propagation: distribution(all), perConsumer };
}

async function benchRevocation(stack: TestStack, rounds: number) {
  const [creator, cast, stranger] = [
    await signUp(stack.gatewayUrl, 'creator'),
    await signUp(stack.gatewayUrl, 'cast'),
    await signUp(stack.gatewayUrl, 'stranger'),
  ];
  const cameo = await verifiedCameo(stack.gatewayUrl, cast);
  const as = (user: TestUser, query: string, variables: Record<string, unknown> = {}) =>
    ok(graphql(stack.gatewayUrl, query, { token: user.token, variables }));
  const setPolicy = (policy: string) =>
    as(cast, `mutation ($id: ID!) { setCameoPolicy(cameoId: $id, input: { policy: ${policy} }) { id } }`, { id: cameo });
  await as(stranger, `mutation ($id: ID!) { follow(userId: $id) { id } }`, { id: creator.id });

  const view = async (id: string) =>
    (await as(stranger, `query ($id: ID!) { generation(id: $id) { id videoUrl } }`, { id })).generation as { videoUrl: string } | null;
  // A request that races the quarantine's move of the file can be cut off (no status): counted.
  let cutOff = 0;
  const assetStatus = async (url: string) => {
    try {
      const response = await fetch(`${stack.origin}${url}`);
      await response.arrayBuffer();
      return response.status;
    } catch {
      cutOff++;
      return 0;
    }
  };
  const inFeed = async (id: string) => {
    const { feed } = await as(stranger, `{ feed(kind: FOLLOWING, first: 10) { edges { node { id } } } }`);
    return (feed.edges as { node: { id: string } }[]).some((edge) => edge.node.id === id);
  };

  log(`  revocation: ${rounds} rounds`);
  const totals: number[] = [];
  const parts = { field: [] as number[], asset: [] as number[], feed: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    await setPolicy('EVERYONE');
    const id = await publishedVideo(stack.gatewayUrl, creator, `creator and cast, take ${round}`, { cameoIds: [cameo] });
    // Everything the stranger will check is visible before the revoke.
    const url = (await until('the stranger sees the video', async () => (await view(id))?.videoUrl, 20_000))!;
    await until('the signed URL serves', async () => (await assetStatus(url)) === 200, 20_000);
    await until('the post is in the feed', () => inFeed(id), 20_000);

    await setPolicy('ONLY_ME');
    const revoked = now();
    const first: { field?: number; asset?: number; feed?: number } = {};
    for (;;) {
      const polled = now();
      const [field, asset, feed] = await Promise.all([
        view(id).then((g) => g === null),
        assetStatus(url).then((s) => s === 404),
        inFeed(id).then((x) => !x),
      ]);
      const at = now() - revoked;
      if (field) first.field ??= at;
      if (asset) first.asset ??= at;
      if (feed) first.feed ??= at;
      if (field && asset && feed) {
        totals.push(at);
        break;
      }
      if (at > 30_000)
        throw new Error(`round ${round}: not hidden everywhere 30 s after the revoke (${JSON.stringify({ field, asset, feed })})`);
      await sleep(20 - (now() - polled));
    }
    parts.field.push(first.field!);
    parts.asset.push(first.asset!);
    parts.feed.push(first.feed!);
  }
  const p50 = (values: number[]) => distribution(values).p50;
  return {
    revocation: distribution(totals),
    revocationParts: { field: p50(parts.field), asset: p50(parts.asset), feed: p50(parts.feed) },
    assetCutOff: cutOff,
  };
}

export async function benchTransport(
  transport: EventTransportKind,
  options: { events: number; rounds: number; intervalMs: number },
): Promise<TransportFigures> {
  log(`${transport}: fresh database and platform`);
  let database: TestDatabase | undefined;
  let stack: TestStack | undefined;
  try {
    database = await createTestDatabase(`bench_events_${transport}`);
    stack = await startStack(database.url, { redis: transport === 'redis', eventTransport: transport });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const propagation = await benchPropagation(stack, client, options.events, options.intervalMs);
      const revocation = await benchRevocation(stack, options.rounds);
      return { transport, ...propagation, ...revocation };
    } finally {
      await client.end();
    }
  } finally {
    const prefix = stack?.queuePrefix;
    await stack?.stop();
    await database?.drop();
    if (transport === 'redis' && prefix) await deleteRedisKeys(`*${prefix}*`);
  }
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const verdict = (p99: number, target: number) => (p99 < target ? 'met' : 'MISS');

/** A measured row with its target and verdict. */
const row = (what: string, transport: string, d: TransportFigures['propagation'], target: number) => [
  what,
  transport,
  String(d.count),
  ms(d.p50),
  ms(d.p99),
  ms(d.max),
  `< ${ms(target)}`,
  verdict(d.p99, target),
];

export function describeEvents(figures: TransportFigures[]): string[] {
  const rows: string[][] = [['', 'transport', 'n', 'p50', 'p99', 'max', 'target p99', '']];
  for (const f of figures) {
    rows.push(row('commit -> consumer applied', f.transport, f.propagation, TARGETS.propagation[f.transport]));
    for (const [consumer, d] of Object.entries(f.perConsumer)) {
      rows.push([`  social -> ${consumer}`, f.transport, String(d.count), ms(d.p50), ms(d.p99), ms(d.max), '', '']);
    }
  }
  for (const f of figures) {
    rows.push(row('revocation -> hidden everywhere', f.transport, f.revocation, TARGETS.revocation[f.transport]));
    const { field, asset, feed } = f.revocationParts;
    rows.push([
      `  p50 of field null / asset 404 / feed gone: ${ms(field)} / ${ms(asset)} / ${ms(feed)}; /assets requests cut off: ${f.assetCutOff}`,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  }
  const widths = rows[0]!.map((_, column) =>
    Math.max(...rows.filter((row) => row[1] !== '' || row === rows[0]).map((row) => row[column]!.length)),
  );
  return rows.map((row) =>
    row[1] === '' && row !== rows[0]
      ? row[0]!
      : row
          .map((cell, column) => (column === 0 || column === 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
          .join('  ')
          .trimEnd(),
  );
}

if (require.main === module) {
  // The subgraphs' info logs stay quiet, as in the tests; warnings and errors still show.
  process.env.NODE_ENV = 'test';
  const { values: args } = parseArgs({
    options: {
      events: { type: 'string', default: '200' },
      rounds: { type: 'string', default: '20' },
      interval: { type: 'string', default: '50' },
      transport: { type: 'string', default: 'redis,postgres' },
    },
  });
  const transports = args.transport.split(',') as EventTransportKind[];
  const options = { events: Number(args.events), rounds: Number(args.rounds), intervalMs: Number(args.interval) };
  (async () => {
    const figures: TransportFigures[] = [];
    for (const transport of transports) figures.push(await benchTransport(transport, options));
    console.log(`domain events: ${options.events} events (one every ${options.intervalMs} ms), ${options.rounds} revocation rounds`);
    for (const line of describeEvents(figures)) console.log(line);
  })().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
