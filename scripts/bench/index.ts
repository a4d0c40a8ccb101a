import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { prepareDataSet, SERVER_URL } from './dataset';
import { mergeResults, startLoadProcess, type FeedKind, type LoadProcess, type LoadResult, type LoadTarget } from './load';
import { checkAnswers } from './answers';
import { dropCandidateSets, keepCandidateSets } from './candidate-sets';
import { log, secrets, startGatewayProcess, startSubgraphs, type GatewayProcess } from './platform';
import { profileFeedPages } from './profiled-run';
import { benchFanOut, deleteRedisKeys, describeFanOut, type FanOutFigures } from './subscriptions';

/**
 * `npm run bench`: the platform side by side with the peers a team would pick instead.
 *
 * On the seeded data set (dataset.ts), with each subgraph, each gateway and the load generator
 * in its own process:
 *   (a) the SDK's Feed query through our gateway, (b) the same through each peer of `--peers` on
 *   the same supergraph and subgraphs — Hive Gateway (`hive`), Hive Gateway with its Rust query
 *   planner (`hive-router`), plain Apollo Gateway (`apollo`) — (c) the subgraph requests of that
 *   query's plan made directly — For You and Following, at each `--concurrency` level, `--seconds`
 *   per side after a warm-up, taken in alternating slices, all after each gateway served each
 *   of the 2,000 viewers once (the steady state of returning users, whose For You candidate
 *   sets the platform keeps: candidate-sets.ts); (f) the feed subgraph's For You first page
 *   alone, one at a time, then the same as first visits (each viewer's set gathered first);
 *   (e) createGeneration (accepted and queued; no renderer reads this run's queue) through each gateway;
 *   (d) subscription fan-out: `--subscribers` on one gateway process over `--connections` (subscriptions.ts).
 * Prints one table with RPS, p50/p99, the gateway's CPU time per request, the ratios and the
 * targets. `--profile` instead runs the profiled pass of profiled-run.ts: a CPU budget per Feed
 * page. Needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL), defaults the local servers.
 */
const PEERS = ['hive', 'hive-router', 'apollo'] as const;
type Peer = (typeof PEERS)[number];
const { values: args } = parseArgs({
  options: {
    reseed: { type: 'boolean', default: false },
    // With 10 s rows the run-to-run spread at concurrency 1 was as large as the gateways' difference.
    seconds: { type: 'string', default: '30' },
    concurrency: { type: 'string', default: '1,8' },
    // Each peer adds about 3 minutes to a default run.
    peers: { type: 'string', default: PEERS.join(',') },
    subscribers: { type: 'string', default: '50000' },
    connections: { type: 'string', default: '5000' },
    'skip-subscriptions': { type: 'boolean', default: false },
    // on: as deployed with REDIS_URL. off: our gateway asks users for every creator and owner too.
    'entity-cache': { type: 'string', default: 'on' },
    profile: { type: 'boolean', default: false },
    'profile-seconds': { type: 'string', default: '10' },
    // Profile the platform's first minute: no warm pass, most of the 2,000 viewers new to every cache.
    'profile-cold': { type: 'boolean', default: false },
  },
});
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECONDS = Number(args.seconds);
const LEVELS = args.concurrency.split(',').map(Number);
const peers = args.peers
  .split(',')
  .filter(Boolean)
  .map((peer) => {
    if (!(PEERS as readonly string[]).includes(peer)) throw new Error(`--peers takes some of ${PEERS.join(',')}, not ${peer}`);
    return peer as Peer;
  });
/**
 * Each side's measurement is taken in this many alternating slices: 3 s each at the default 30 s,
 * short enough that a stall of the shared machine lasting seconds falls on every side alike.
 */
const SLICES = 10;

/** What the table calls each side. */
const LABELS: Record<Row['side'], string> = {
  ours: 'Cameo',
  direct: 'direct',
  subgraph: 'subgraph',
  hive: 'Hive',
  'hive-router': 'Hive+Rust',
  apollo: 'Apollo',
};

interface Row {
  section: string;
  /** subgraph: the feed subgraph alone (its own fields). */
  side: 'ours' | 'direct' | 'subgraph' | Peer;
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
      const before = await gateway?.cpu();
      const result = await load.run({ target, durationMs: (SECONDS * 1000) / SLICES, concurrency });
      const after = await gateway?.cpu();
      const cpuMs = before && after ? (after.user + after.system - before.user - before.system) / 1000 : 0;
      slices[i]!.push({ result, cpuMs });
    }
  }
  return sides.map(({ side, gateway }, i) => {
    const result = mergeResults(slices[i]!.map((slice) => slice.result));
    const cpuMs = gateway ? slices[i]!.reduce((sum, slice) => sum + slice.cpuMs, 0) / result.requests : undefined;
    return { section, side, concurrency, result, cpuMs };
  });
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
  if (args.profile) {
    const seconds = Number(args['profile-seconds']);
    await profileFeedPages({
      databaseUrl,
      redisUrl: REDIS_URL,
      users: sizes.users,
      seconds,
      cold: args['profile-cold'],
      concurrency: Math.max(...LEVELS),
    });
    return;
  }
  const runId = randomBytes(4).toString('hex');
  const started = new Date();
  const rows: Row[] = [];
  let cacheLookups: { hit: number; miss: number };
  let heapAfterFeed: number;
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
    const peerGateways: { peer: Peer; gateway: GatewayProcess }[] = [];
    for (const peer of peers) {
      const gateway = await startGatewayProcess(peer, subgraphs.urls);
      stops.push(() => gateway.stop());
      peerGateways.push({ peer, gateway });
    }
    const load = await startLoadProcess({ users: sizes.users, viewerCount: 2000, ...secrets });
    stops.push(() => load.stop());
    await keepCandidateSets(databaseUrl, load.viewerIds);
    await checkAnswers(subgraphs.urls, [
      { name: 'our gateway', url: ours.url },
      ...peerGateways.map(({ peer, gateway }) => ({ name: LABELS[peer], url: gateway.url })),
    ]);
    // The steady state of a platform whose users come back: every gateway serves every viewer
    // once first, so no row measures a cold session or blocks cache (the first row otherwise
    // served most of its viewers for the first time, and only our gateway checks sessions).
    for (const { url, name } of [
      { url: ours.url, name: 'our gateway' },
      ...peerGateways.map(({ peer, gateway }) => ({ url: gateway.url, name: LABELS[peer] })),
    ]) {
      log(`warming: ${name} serves each of the 2000 viewers a Following page`);
      await load.run({
        target: { operation: 'gateway-feed', url, feedKind: 'FOLLOWING' },
        durationMs: 0,
        concurrency: Math.max(...LEVELS),
        everyViewerOnce: true,
      });
    }

    for (const kind of ['FOLLOWING', 'FOR_YOU'] as FeedKind[]) {
      for (const concurrency of LEVELS) {
        const section = `feed ${kind === 'FOR_YOU' ? 'For You' : 'Following'}`;
        log(`${section}, concurrency ${concurrency}: direct, ours, ${peers.join(', ') || 'no peer'} (${SECONDS} s each)`);
        const sides: Side[] = [
          { side: 'direct', target: { operation: 'direct-feed', urls: subgraphs.urls, feedKind: kind } },
          { side: 'ours', target: { operation: 'gateway-feed', url: ours.url, feedKind: kind }, gateway: ours },
          ...peerGateways.map(({ peer, gateway }): Side => ({
            side: peer,
            target: { operation: 'gateway-feed', url: gateway.url, feedKind: kind },
            gateway,
          })),
        ];
        rows.push(...(await compare(load, section, sides, concurrency)));
      }
    }
    log(`For You at the feed subgraph alone, concurrency 1 (${SECONDS} s)`);
    const alone: Side = { side: 'subgraph', target: { operation: 'subgraph-feed', url: subgraphs.urls.feed, feedKind: 'FOR_YOU' } };
    rows.push(...(await compare(load, FOR_YOU_ALONE, [alone], 1)));
    log(`For You at the feed subgraph alone, first visits (no candidate set yet), concurrency 1 (${SECONDS} s)`);
    await dropCandidateSets(databaseUrl, load.viewerIds);
    rows.push(...(await compare(load, FOR_YOU_FIRST_VISIT, [alone], 1)));
    // What the entity cache's answers cost in memory, with every viewer's pages in it.
    heapAfterFeed = (await ours.stats()).memory.heapUsed;
    const concurrency = Math.max(...LEVELS);
    log(`createGeneration, concurrency ${concurrency}: ours, ${peers.join(', ') || 'no peer'} (${SECONDS} s each)`);
    const sides: Side[] = [
      { side: 'ours', target: { operation: 'gateway-create-generation', url: ours.url }, gateway: ours },
      ...peerGateways.map(({ peer, gateway }): Side => ({
        side: peer,
        target: { operation: 'gateway-create-generation', url: gateway.url },
        gateway,
      })),
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
    log(`subscription fan-out: ${args.subscribers} subscribers over ${args.connections} connections`);
    fanOut = await benchFanOut({
      subscribers: Number(args.subscribers),
      connections: Number(args.connections),
      viewers: 100,
      rounds: 20,
      burst: false,
    });
  }
  report(rows, sizes, { ...cacheLookups, heapAfterFeed }, fanOut);
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

/** The targets of issue 20, as the verdict lines print them. */
const TARGETS = {
  /** Through our gateway at TARGET_CONCURRENCY in flight: pages per second at least, and p99 below (ms). */
  pagesPerSecond: { 'feed Following': 400, 'feed For You': 150 } as Record<string, number>,
  p99Ms: 100,
  /** The feed subgraph's For You first page, one at a time: p99 below (ms). */
  forYouAloneP99Ms: 25,
  /** Our gateway's throughput over each peer's, on the same row, at least. */
  peerRatio: 1.5,
  /** Our gateway's CPU per request at most (ms). */
  gatewayCpuMs: 4,
  fanOutP99Ms: 100,
  heapPerSubscriptionKiB: 16,
};
const TARGET_CONCURRENCY = 8;
const FOR_YOU_ALONE = 'For You, feed alone';
/** The same, as each viewer's first visit: their set gathered first (no target; see candidate-sets.ts). */
const FOR_YOU_FIRST_VISIT = 'For You, first visit';

const verdict = (met: boolean, text: string) => `${met ? 'met ' : 'MISS'}  ${text}`;

function report(
  rows: Row[],
  sizes: { users: number; posts: number; follows: number; likes: number },
  cache: { hit: number; miss: number; heapAfterFeed: number },
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
      ? `our gateway's entity cache: on (users' public fields, social's counts and the viewer's likes, generations' answers per viewer); ${lookups} lookups, ${lookups ? ((cache.hit / lookups) * 100).toFixed(1) : '0'}% answered from memory; its heap after the Feed rows ${(cache.heapAfterFeed / 2 ** 20).toFixed(0)} MiB`
      : `our gateway's entity cache: off (--entity-cache off)`,
  );
  console.log('');
  console.log('what                 side        conc  requests  errors      rps   p50 ms   p99 ms  gw cpu ms/req');
  for (const row of rows) {
    const r = row.result;
    console.log(
      `${row.section.padEnd(20)} ${LABELS[row.side].padEnd(10)} ${String(row.concurrency).padStart(5)} ${String(r.requests).padStart(9)} ${String(r.errors).padStart(7)} ${r.rps.toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${row.cpuMs === undefined ? '' : row.cpuMs.toFixed(2).padStart(14)}`,
    );
  }
  console.log('');
  console.log('ratios                 conc  peer        Cameo/peer rps  Cameo/peer cpu  Cameo overhead p50  peer overhead p50');
  const find = (section: string, side: Row['side'], concurrency: number) =>
    rows.find((row) => row.section === section && row.side === side && row.concurrency === concurrency);
  const verdicts: string[] = [];
  for (const section of [...new Set(rows.map((row) => row.section))]) {
    for (const concurrency of [...new Set(rows.filter((row) => row.section === section).map((row) => row.concurrency))]) {
      const ours = find(section, 'ours', concurrency);
      const direct = find(section, 'direct', concurrency);
      if (!ours) continue;
      const overhead = (row: Row) => (direct ? `${(((row.result.p50 - direct.result.p50) / direct.result.p50) * 100).toFixed(0)}%` : '-');
      const where = `${section}, concurrency ${concurrency}`;
      for (const peer of peers) {
        const theirs = find(section, peer, concurrency);
        if (!theirs) continue;
        const rpsRatio = ours.result.rps / theirs.result.rps;
        console.log(
          `${section.padEnd(22)} ${String(concurrency).padStart(4)}  ${LABELS[peer].padEnd(10)} ${rpsRatio.toFixed(2).padStart(15)} ${(ours.cpuMs! / theirs.cpuMs!).toFixed(2).padStart(15)} ${overhead(ours).padStart(19)} ${overhead(theirs).padStart(18)}`,
        );
        verdicts.push(
          verdict(
            rpsRatio >= TARGETS.peerRatio,
            `${where}: Cameo ${ours.result.rps.toFixed(0)} rps vs ${LABELS[peer]} ${theirs.result.rps.toFixed(0)} rps, ×${rpsRatio.toFixed(2)} (target: ×${TARGETS.peerRatio} or more)`,
          ),
        );
      }
      verdicts.push(
        verdict(
          ours.cpuMs! <= TARGETS.gatewayCpuMs,
          `${where}: our gateway's CPU ${ours.cpuMs!.toFixed(2)} ms per request (target: ${TARGETS.gatewayCpuMs} ms or less)`,
        ),
      );
      const pagesPerSecond = TARGETS.pagesPerSecond[section];
      if (pagesPerSecond && concurrency === TARGET_CONCURRENCY) {
        verdicts.push(
          verdict(
            ours.result.rps >= pagesPerSecond && ours.result.p99 < TARGETS.p99Ms,
            `${where}, through our gateway: ${ours.result.rps.toFixed(0)} pages/s, p99 ${ours.result.p99.toFixed(1)} ms (target: ${pagesPerSecond} pages/s or more, p99 under ${TARGETS.p99Ms} ms)`,
          ),
        );
      }
    }
  }
  const alone = rows.find((row) => row.section === FOR_YOU_ALONE);
  if (alone) {
    verdicts.push(
      verdict(
        alone.result.p99 < TARGETS.forYouAloneP99Ms,
        `For You first page at the feed subgraph alone, one at a time: p99 ${alone.result.p99.toFixed(1)} ms (target: under ${TARGETS.forYouAloneP99Ms} ms)`,
      ),
    );
  }
  if (fanOut) {
    console.log('');
    for (const line of describeFanOut(fanOut)) console.log(line);
    const heapKiB = (fanOut.heapDuring - fanOut.heapBefore) / fanOut.subscribers / 1024;
    verdicts.push(
      verdict(
        fanOut.p99 < TARGETS.fanOutP99Ms,
        `${fanOut.subscribers} subscribers over ${fanOut.connections} connections on one gateway process: event p99 ${fanOut.p99.toFixed(1)} ms (target: under ${TARGETS.fanOutP99Ms} ms)`,
      ),
      verdict(
        heapKiB < TARGETS.heapPerSubscriptionKiB,
        `${fanOut.subscribers} subscribers: heap ${heapKiB.toFixed(2)} KiB per subscription (target: under ${TARGETS.heapPerSubscriptionKiB} KiB)`,
      ),
    );
  }
  console.log('');
  console.log('targets');
  for (const line of verdicts) console.log(`  ${line}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
