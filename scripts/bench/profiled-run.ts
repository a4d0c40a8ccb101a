import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keepCandidateSets } from './candidate-sets';
import { startLoadProcess, type FeedKind } from './load';
import { log, secrets, startGatewayProcess, startSubgraphs } from './platform';
import { budgetOf, formatBudget, readProcessProfile } from './profile';
import { deleteRedisKeys } from './subscriptions';

const now = () => Number(process.hrtime.bigint() / 1000n);
const cpuOf = (cpu: NodeJS.CpuUsage) => cpu.user + cpu.system;
/** The table's columns in the order a request meets them. */
const order = (process: string) => ['load', 'gateway-cameo', 'feed', 'users', 'social', 'generations'].indexOf(process);

/**
 * `npm run bench -- --profile`: where a Feed page's CPU time goes. For each kind, a fresh set of
 * processes — four subgraphs, our gateway as deployed (entity cache on) and the load generator —
 * each started with `node --cpu-prof`, serves pages through our gateway for `seconds` at
 * `concurrency` after a warm-up (the viewers' candidate sets kept and every viewer served a
 * Following page once, as the table's rows are, then 2 s; only the 2 s with `cold`), then stops (writing its profile). Only the samples taken
 * during the measured window count (start-up, warm-up and shut-down do not), divided by the pages
 * served in it. A run of its own: profiling slows every process, so it never shares a run with
 * the comparison table. Returns the folder the profiles are in.
 */
export async function profileFeedPages(options: {
  databaseUrl: string;
  redisUrl: string;
  users: number;
  seconds: number;
  concurrency: number;
  /** No warm pass: most of the 2,000 viewers are new to every cache (the platform's first minute). */
  cold?: boolean;
}): Promise<string> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cameo-bench-profile-'));
  const tables: string[][] = [];
  for (const kind of ['FOLLOWING', 'FOR_YOU'] as FeedKind[]) {
    const profileDir = path.join(root, kind === 'FOR_YOU' ? 'for-you' : 'following');
    const runId = randomBytes(4).toString('hex');
    const subgraphs = await startSubgraphs({ databaseUrl: options.databaseUrl, redisUrl: options.redisUrl, runId, profileDir });
    const stops: (() => Promise<unknown>)[] = [() => deleteRedisKeys(`*cameo-bench-${runId}*`), () => subgraphs.stop()];
    let window: { from: number; to: number };
    let pages: number;
    /** CPU ms each process used in the window, from the OS. */
    const measured: Record<string, number> = {};
    try {
      const entityCache = { redisUrl: options.redisUrl, eventNamespace: `cameo-bench-${runId}` };
      const gateway = await startGatewayProcess('cameo', subgraphs.urls, { entityCache, profileDir });
      stops.push(() => gateway.stop());
      const load = await startLoadProcess({ users: options.users, viewerCount: 2000, ...secrets, profileDir });
      stops.push(() => load.stop());
      const target = { operation: 'gateway-feed' as const, url: gateway.url, feedKind: kind };
      log(`profiling ${kind} through our gateway: ${options.seconds} s at concurrency ${options.concurrency}`);
      // As the comparison does (index.ts), unless asked for the cold start: the viewers' candidate
      // sets kept, and every viewer served a Following page once (a For You page here would pin
      // rankings the measured window would then reuse, which the table's rows mostly do not).
      if (!options.cold) {
        await keepCandidateSets(options.databaseUrl, load.viewerIds);
        const following = { ...target, feedKind: 'FOLLOWING' as const };
        await load.run({ target: following, durationMs: 0, concurrency: options.concurrency, everyViewerOnce: true });
      }
      await load.run({ target, durationMs: 2000, concurrency: options.concurrency });
      const cpuBefore = { ...(await subgraphs.cpuUsage()), 'gateway-cameo': cpuOf(await gateway.cpu()) };
      const from = now();
      const result = await load.run({ target, durationMs: options.seconds * 1000, concurrency: options.concurrency });
      window = { from, to: now() };
      const cpuAfter = { ...(await subgraphs.cpuUsage()), 'gateway-cameo': cpuOf(await gateway.cpu()) };
      for (const [name, used] of Object.entries(cpuAfter)) measured[name] = (used - cpuBefore[name as keyof typeof cpuBefore]) / 1000;
      pages = result.requests - result.errors;
      if (result.firstError) log(`  ${result.errors} errors, first: ${result.firstError}`);
    } finally {
      // Stopping writes the profiles.
      for (const stop of stops.reverse()) await stop();
    }
    const processes = readdirSync(profileDir).sort((a, b) => order(a) - order(b) || a.localeCompare(b));
    const rows = processes.map((name) => ({
      process: name,
      budget: budgetOf(readProcessProfile(path.join(profileDir, name)), window),
      measuredMs: measured[name],
    }));
    tables.push([
      `${kind === 'FOR_YOU' ? 'For You' : 'Following'}: ${pages} pages in ${((window.to - window.from) / 1e6).toFixed(1)} s at concurrency ${options.concurrency}`,
      ...formatBudget(rows, pages),
    ]);
  }
  console.log(`CPU budget of one Feed page through our gateway (${os.cpus().length} cores, Node ${process.version}); profiles in ${root}`);
  for (const table of tables) console.log(['', ...table].join('\n'));
  return root;
}
