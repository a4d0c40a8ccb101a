import os from 'node:os';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { prepareDataSet, SERVER_URL } from './dataset';
import { dropCandidateSets, keepCandidateSets } from './candidate-sets';
import { startLoadProcess, type LoadTarget } from './load';
import { log, secrets, startGatewayProcess, startSubgraphs } from './platform';
import { deleteRedisKeys } from './subscriptions';

/**
 * `npm run bench:feed`: For You and Following, first pages of 10, at the feed subgraph alone
 * (its own fields) and through our gateway (the SDK's Feed query), on the seeded data set
 * (see dataset.ts; `--reseed`, sizes `--users --posts --follows --likes`). The subgraphs use
 * Redis when REDIS_URL is set, as deployed (its live bus lets the feed and generations cache
 * social's block answers) and the gateway's entity cache hears their events there, else none;
 * they, the gateway and the load (`--concurrency`,
 * `--seconds`) each have their own process. The viewers' For You candidate sets are kept as a
 * running platform keeps them (candidate-sets.ts). Then the target of issue 20 for the subgraph: For You first pages at the feed
 * subgraph alone, one at a time, p99 under 25 ms; and the same as first visits (no target). `npm run bench` is the full suite, with the
 * peers beside ours.
 */
const { values: args } = parseArgs({
  options: {
    reseed: { type: 'boolean', default: false },
    users: { type: 'string' },
    posts: { type: 'string' },
    follows: { type: 'string' },
    likes: { type: 'string' },
    concurrency: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '10' },
    // Fewer viewers come back sooner: with 2,000 a short run sees each about once, so caches
    // per viewer (sessions, age bands, blocks) hardly hit; a day of traffic is the other way.
    viewers: { type: 'string', default: '2000' },
  },
});
/** Issue 20's target for the feed subgraph alone. */
const FOR_YOU_ALONE_P99_MS = 25;
const size = Object.fromEntries(
  (['users', 'posts', 'follows', 'likes'] as const).filter((key) => args[key]).map((key) => [key, Number(args[key])]),
);

async function main() {
  const { databaseUrl, sizes } = await prepareDataSet({ reseed: args.reseed, size });
  const runId = randomBytes(4).toString('hex');
  const subgraphs = await startSubgraphs({ databaseUrl, redisUrl: process.env.REDIS_URL, runId });
  // Run in reverse: the load, the gateway, the subgraphs, then this run's Redis keys.
  const stops: (() => Promise<unknown> | void)[] = [() => deleteRedisKeys(`*cameo-bench-${runId}*`), () => subgraphs.stop()];
  try {
    // As deployed: with REDIS_URL, the gateway's entity cache hears the subgraphs' events there.
    const entityCache = process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL, eventNamespace: `cameo-bench-${runId}` } : undefined;
    const gateway = await startGatewayProcess('cameo', subgraphs.urls, { entityCache });
    stops.push(() => gateway.stop());
    const load = await startLoadProcess({ users: sizes.users, viewerCount: Number(args.viewers), ...secrets });
    stops.push(() => load.stop());
    await keepCandidateSets(databaseUrl, load.viewerIds);
    const targets: [string, LoadTarget][] = [
      ['For You   subgraph', { operation: 'subgraph-feed', url: subgraphs.urls.feed, feedKind: 'FOR_YOU' }],
      ['Following subgraph', { operation: 'subgraph-feed', url: subgraphs.urls.feed, feedKind: 'FOLLOWING' }],
      ['For You   gateway ', { operation: 'gateway-feed', url: gateway.url, feedKind: 'FOR_YOU' }],
      ['Following gateway ', { operation: 'gateway-feed', url: gateway.url, feedKind: 'FOLLOWING' }],
    ];
    const concurrency = Number(args.concurrency);
    // As `npm run bench` does: the gateway serves each viewer once first, so the rows measure
    // people who come back (sessions known, their answers in the entity cache), not a cold start.
    log(`warming: the gateway serves each of the ${args.viewers} viewers a Following page`);
    await load.run({ target: targets[3]![1], durationMs: 0, concurrency, everyViewerOnce: true });
    log(`loading each target for ${args.seconds} s at concurrency ${concurrency} (after a 2 s warm-up)`);
    const rows: string[] = [];
    for (const [name, target] of targets) {
      await load.run({ target, durationMs: 2000, concurrency });
      const r = await load.run({ target, durationMs: Number(args.seconds) * 1000, concurrency });
      if (r.firstError) log(`  ${name.trim()}: ${r.errors} errors, first: ${r.firstError}`);
      rows.push(
        `${name.padEnd(20)} ${String(r.requests).padStart(8)} ${String(r.errors).padStart(7)} ${r.rps.toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)}`,
      );
    }
    log(`For You at the feed subgraph alone, one at a time, for ${args.seconds} s (after a 2 s warm-up)`);
    const alone: LoadTarget = { operation: 'subgraph-feed', url: subgraphs.urls.feed, feedKind: 'FOR_YOU' };
    await load.run({ target: alone, durationMs: 2000, concurrency: 1 });
    const one = await load.run({ target: alone, durationMs: Number(args.seconds) * 1000, concurrency: 1 });
    log(`the same as first visits: each viewer's candidate set gathered first (${args.seconds} s)`);
    await dropCandidateSets(databaseUrl, load.viewerIds);
    await load.run({ target: alone, durationMs: 2000, concurrency: 1 });
    const firstVisit = await load.run({ target: alone, durationMs: Number(args.seconds) * 1000, concurrency: 1 });
    console.log(`feed benchmark — ${os.cpus().length} cores, Node ${process.version}, PostgreSQL on ${new URL(SERVER_URL).host}`);
    console.log(
      `data set: ${sizes.users} users, ${sizes.posts} posts, ${sizes.follows} follows, ${sizes.likes} likes; first pages of 10; concurrency ${concurrency}`,
    );
    console.log('target               requests  errors      rps   p50 ms   p99 ms');
    for (const row of rows) console.log(row);
    console.log('');
    console.log(
      `${one.p99 < FOR_YOU_ALONE_P99_MS ? 'met ' : 'MISS'}  For You first page at the feed subgraph alone, one at a time: p99 ${one.p99.toFixed(1)} ms, p50 ${one.p50.toFixed(1)} ms, ${one.requests} pages, ${one.errors} errors (target: under ${FOR_YOU_ALONE_P99_MS} ms)`,
    );
    console.log(
      `      the same as first visits (set gathered): p99 ${firstVisit.p99.toFixed(1)} ms, p50 ${firstVisit.p50.toFixed(1)} ms, ${firstVisit.requests} pages, ${firstVisit.errors} errors (no target)`,
    );
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
