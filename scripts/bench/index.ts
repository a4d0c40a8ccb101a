import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { prepareDataSet, SERVER_URL } from './dataset';
import { signSessionToken } from '@cameo/kernel/session-token';
import {
  FEED_DOCUMENT,
  mergeResults,
  postGraphql,
  seededUserId,
  startLoadProcess,
  type FeedKind,
  type LoadProcess,
  type LoadResult,
  type LoadTarget,
} from './load';
import { log, secrets, startGatewayProcess, startSubgraphs, type GatewayProcess } from './platform';
import { benchFanOut, deleteRedisKeys, describeFanOut, type FanOutFigures } from './subscriptions';

/**
 * `npm run bench`: the platform side by side with the peer a team would pick instead.
 *
 * On the seeded data set (dataset.ts), with each subgraph, each gateway and the load generator
 * in its own process:
 *   (a) the SDK's Feed query through our gateway, (b) the same through Hive Gateway on the same
 *   supergraph and subgraphs, (c) the subgraph requests of that query's plan made directly —
 *   For You and Following, at each `--concurrency` level, `--seconds` per side after a warm-up,
 *   taken in alternating slices;
 *   (e) createGeneration (accepted and queued; no renderer reads this run's queue) through both;
 *   (d) subscription fan-out: 10,000 subscribers on one gateway process (subscriptions.ts).
 * Prints one table with RPS, p50/p99, the gateway's CPU time per request, the ratios and the
 * targets. Needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL), defaults the local servers.
 */
const { values: args } = parseArgs({
  options: {
    reseed: { type: 'boolean', default: false },
    // With 10 s rows the run-to-run spread at concurrency 1 was as large as the gateways' difference.
    seconds: { type: 'string', default: '30' },
    concurrency: { type: 'string', default: '1,8' },
    subscribers: { type: 'string', default: '10000' },
    'skip-subscriptions': { type: 'boolean', default: false },
    // on: as deployed with REDIS_URL. off: our gateway asks users for every creator and owner too.
    'entity-cache': { type: 'string', default: 'on' },
  },
});
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECONDS = Number(args.seconds);
const LEVELS = args.concurrency.split(',').map(Number);
/**
 * Each side's measurement is taken in this many alternating slices: 3 s each at the default 30 s,
 * short enough that a stall of the shared machine lasting seconds falls on every side alike.
 */
const SLICES = 10;

interface Row {
  section: string;
  side: 'ours' | 'hive' | 'direct';
  concurrency: number;
  result: LoadResult;
  /** The gateway process's CPU time (user + system) per request, ms. */
  cpuMs?: number;
}

interface Side {
  side: Row['side'];
  target: LoadTarget;
  gateway?: GatewayProcess;
}

/**
 * Measures the sides of one comparison in alternating slices (A B C, then C B A, …) after a
 * warm-up each, so drift during the run (caches filling, autovacuum, the machine's other work)
 * falls on every side alike instead of on whichever ran last.
 */
async function compare(load: LoadProcess, section: string, sides: Side[], concurrency: number): Promise<Row[]> {
  for (const { target } of sides) await load.run({ target, durationMs: 2000, concurrency });
  const slices = sides.map(() => [] as { result: LoadResult; cpuMs: number }[]);
  for (let round = 0; round < SLICES; round++) {
    const order = round % 2 === 0 ? sides.map((_, i) => i) : sides.map((_, i) => sides.length - 1 - i);
    for (const i of order) {
      const { target, gateway } = sides[i]!;
      const before = await gateway?.stats();
      const result = await load.run({ target, durationMs: (SECONDS * 1000) / SLICES, concurrency });
      const after = await gateway?.stats();
      const cpuMs = before && after ? (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 1000 : 0;
      slices[i]!.push({ result, cpuMs });
    }
  }
  return sides.map(({ side, gateway }, i) => {
    const result = mergeResults(slices[i]!.map((slice) => slice.result));
    const cpuMs = gateway ? slices[i]!.reduce((sum, slice) => sum + slice.cpuMs, 0) / result.requests : undefined;
    return { section, side, concurrency, result, cpuMs };
  });
}

/** Both gateways must give the same answer (Following is deterministic), without errors. */
async function checkSameAnswers(ours: string, hive: string) {
  const headers = { authorization: `Bearer ${signSessionToken(secrets.jwtSecret, seededUserId(1), 0)}` };
  const body = { query: FEED_DOCUMENT, operationName: 'Feed', variables: { kind: 'FOLLOWING', first: 10 } };
  const [a, b] = await Promise.all([postGraphql(ours, headers, body), postGraphql(hive, headers, body)]);
  if (a.errors || b.errors) throw new Error(`a gateway failed the check query: ${JSON.stringify(a.errors ?? b.errors)}`);
  if (JSON.stringify(a.data) !== JSON.stringify(b.data))
    throw new Error(`the gateways answer differently:\n${JSON.stringify(a.data)}\n${JSON.stringify(b.data)}`);
  log(`both gateways give the same Following page (${(a.data as { feed: { edges: unknown[] } }).feed.edges.length} posts)`);
}

/** Removes what createGeneration added to the data set, so every run starts from the same one. */
async function deleteCreatedGenerations(databaseUrl: string, since: Date) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DELETE FROM generations.generation WHERE created_at >= $1 AND idempotency_key NOT LIKE 'seed-%'`, [since]);
  } finally {
    await client.end();
  }
}

async function main() {
  const { databaseUrl, sizes } = await prepareDataSet({ reseed: args.reseed });
  const runId = randomBytes(4).toString('hex');
  const started = new Date();
  const rows: Row[] = [];
  let cacheLookups: { hit: number; miss: number };
  const subgraphs = await startSubgraphs({ databaseUrl, redisUrl: REDIS_URL, runId });
  // Run in reverse: the load and the gateways stop, then the subgraphs, then their leftovers go.
  const stops: (() => Promise<unknown> | void)[] = [
    () => deleteCreatedGenerations(databaseUrl, started),
    () => deleteRedisKeys(`*cameo-bench-${runId}*`),
    () => subgraphs.stop(),
  ];
  try {
    if (args['entity-cache'] !== 'on' && args['entity-cache'] !== 'off') throw new Error('--entity-cache is on or off');
    const entityCache = args['entity-cache'] === 'on' ? { redisUrl: REDIS_URL, eventNamespace: `cameo-bench-${runId}` } : undefined;
    const ours = await startGatewayProcess('cameo', subgraphs.urls, { entityCache });
    stops.push(() => ours.stop());
    const hive = await startGatewayProcess('hive', subgraphs.urls);
    stops.push(() => hive.stop());
    const load = await startLoadProcess({ users: sizes.users, viewerCount: 2000, ...secrets });
    stops.push(() => load.stop());
    await checkSameAnswers(ours.url, hive.url);

    for (const kind of ['FOLLOWING', 'FOR_YOU'] as FeedKind[]) {
      for (const concurrency of LEVELS) {
        const section = `feed ${kind === 'FOR_YOU' ? 'For You' : 'Following'}`;
        log(`${section}, concurrency ${concurrency}: direct, ours, Hive Gateway (${SECONDS} s each)`);
        const sides: Side[] = [
          { side: 'direct', target: { operation: 'direct-feed', urls: subgraphs.urls, feedKind: kind } },
          { side: 'ours', target: { operation: 'gateway-feed', url: ours.url, feedKind: kind }, gateway: ours },
          { side: 'hive', target: { operation: 'gateway-feed', url: hive.url, feedKind: kind }, gateway: hive },
        ];
        rows.push(...(await compare(load, section, sides, concurrency)));
      }
    }
    const concurrency = Math.max(...LEVELS);
    log(`createGeneration, concurrency ${concurrency}: ours, Hive Gateway (${SECONDS} s each)`);
    const sides: Side[] = [
      { side: 'ours', target: { operation: 'gateway-create-generation', url: ours.url }, gateway: ours },
      { side: 'hive', target: { operation: 'gateway-create-generation', url: hive.url }, gateway: hive },
    ];
    rows.push(...(await compare(load, 'createGeneration', sides, concurrency)));
    cacheLookups = await entityCacheLookups(ours.url);
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
  for (const row of rows)
    if (row.result.firstError)
      log(`${row.section} ${row.side} c=${row.concurrency}: ${row.result.errors} errors, first: ${row.result.firstError}`);

  let fanOut: FanOutFigures | undefined;
  if (!args['skip-subscriptions']) {
    log(`subscription fan-out: ${args.subscribers} subscribers`);
    fanOut = await benchFanOut({
      subscribers: Number(args.subscribers),
      connections: Number(args.subscribers) / 10,
      viewers: 100,
      rounds: 20,
      burst: false,
    });
  }
  report(rows, sizes, cacheLookups, fanOut);
}

/** Our gateway's entity cache lookups over the whole run (its /metrics). */
async function entityCacheLookups(gatewayUrl: string): Promise<{ hit: number; miss: number }> {
  const text = await (await fetch(gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
  const count = (result: string) =>
    [
      ...text.matchAll(new RegExp(`^cameo_gateway_entity_cache_lookups_total\\{subgraph="\\w+",result="${result}"\\} (\\d+)$`, 'gm')),
    ].reduce((sum, match) => sum + Number(match[1]), 0);
  return { hit: count('hit'), miss: count('miss') };
}

function report(
  rows: Row[],
  sizes: { users: number; posts: number; follows: number; likes: number },
  cache: { hit: number; miss: number },
  fanOut?: FanOutFigures,
) {
  const cpu = os.cpus();
  console.log(
    `Cameo benchmark — ${cpu.length} × ${cpu[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL on ${new URL(SERVER_URL).host}`,
  );
  console.log(
    `data set: ${sizes.users} users, ${sizes.posts} posts, ${sizes.follows} follows, ${sizes.likes} likes; Feed query (clients/operations/feed.graphql), first: 10; ${SECONDS} s per row`,
  );
  const lookups = cache.hit + cache.miss;
  console.log(
    args['entity-cache'] === 'on'
      ? `our gateway's entity cache: on (users' public fields); ${lookups} lookups, ${lookups ? ((cache.hit / lookups) * 100).toFixed(1) : '0'}% answered from memory`
      : `our gateway's entity cache: off (--entity-cache off)`,
  );
  console.log('');
  console.log('what              side     conc  requests  errors      rps   p50 ms   p99 ms  gw cpu ms/req');
  for (const row of rows) {
    const r = row.result;
    const side = { ours: 'Cameo', hive: 'Hive', direct: 'direct' }[row.side];
    console.log(
      `${row.section.padEnd(17)} ${side.padEnd(7)} ${String(row.concurrency).padStart(5)} ${String(r.requests).padStart(9)} ${String(r.errors).padStart(7)} ${r.rps.toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${row.cpuMs === undefined ? '' : row.cpuMs.toFixed(2).padStart(14)}`,
    );
  }
  console.log('');
  console.log('ratios                          conc  Cameo/Hive rps  Cameo/Hive cpu  Cameo overhead p50  Hive overhead p50');
  const find = (section: string, side: Row['side'], concurrency: number) =>
    rows.find((row) => row.section === section && row.side === side && row.concurrency === concurrency);
  const verdicts: string[] = [];
  for (const section of [...new Set(rows.map((row) => row.section))]) {
    for (const concurrency of [...new Set(rows.filter((row) => row.section === section).map((row) => row.concurrency))]) {
      const [ours, hive, direct] = (['ours', 'hive', 'direct'] as const).map((side) => find(section, side, concurrency));
      if (!ours || !hive) continue;
      const overhead = (row: Row) => (direct ? `${(((row.result.p50 - direct.result.p50) / direct.result.p50) * 100).toFixed(0)}%` : '-');
      const rpsRatio = ours.result.rps / hive.result.rps;
      console.log(
        `${section.padEnd(31)} ${String(concurrency).padStart(4)} ${rpsRatio.toFixed(2).padStart(15)} ${(ours.cpuMs! / hive.cpuMs!).toFixed(2).padStart(15)} ${overhead(ours).padStart(19)} ${overhead(hive).padStart(18)}`,
      );
      verdicts.push(
        `${rpsRatio >= 1 ? 'met ' : 'MISS'}  ${section}, concurrency ${concurrency}: Cameo ${ours.result.rps.toFixed(0)} rps vs Hive ${hive.result.rps.toFixed(0)} rps (target: at least Hive's)`,
      );
      if (direct) {
        const share = (ours.result.p50 - direct.result.p50) / direct.result.p50;
        verdicts.push(
          `${share < 0.3 ? 'met ' : 'MISS'}  ${section}, concurrency ${concurrency}: gateway overhead ${(share * 100).toFixed(0)}% of the direct p50 (target: under 30%)`,
        );
      }
    }
  }
  if (fanOut) {
    console.log('');
    for (const line of describeFanOut(fanOut)) console.log(line);
    verdicts.push(
      `${fanOut.p99 < 100 ? 'met ' : 'MISS'}  ${fanOut.subscribers} subscribers on one gateway process: event p99 ${fanOut.p99.toFixed(1)} ms (target: under 100 ms)`,
    );
  }
  console.log('');
  console.log('targets');
  for (const verdict of verdicts) console.log(`  ${verdict}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
