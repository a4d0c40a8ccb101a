import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ALL_KEY_PURPOSES, readCommonEnv, readKeys } from '@cameo/kernel/env';
import { freePort } from '@cameo/kernel/listen';
import type { GatewayChildOptions } from './gateway-child';
import type { SubgraphChildOptions } from './subgraph-child';

/** What the bench scripts share: each subgraph and each gateway in its own process. */
export const secrets = readCommonEnv({ NODE_ENV: 'test' });
/** The dev-default keys: every bench process reads the same ones (KeyObjects do not travel as JSON). */
export const benchKeys = () => readKeys(ALL_KEY_PURPOSES, { NODE_ENV: 'test' });
export const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * node flags making a process write a V8 CPU profile when it exits, into `<dir>/<role>/` (one
 * folder per process: a process may also write its loader thread's profile beside its own).
 */
export const cpuProfileArgs = (dir: string | undefined, role: string): string[] =>
  dir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(dir, role)}`] : [];

const SUBGRAPHS = ['users', 'generations', 'social', 'feed'] as const;

export interface BenchSubgraphs {
  urls: Record<(typeof SUBGRAPHS)[number], string>;
  /** Each subgraph process's CPU time so far (user + system, all threads), µs. */
  cpuUsage(): Promise<Record<(typeof SUBGRAPHS)[number], number>>;
  stop(): Promise<void>;
}

/**
 * Starts users, generations, social and feed, each in its own process on a free loopback port.
 * With redisUrl, jobs and domain events go to Redis under this run's own queue prefix and event
 * namespace, and no render worker reads the queue (benchmarks measure the API, not the renderer).
 */
export async function startSubgraphs(options: {
  databaseUrl: string;
  redisUrl?: string;
  runId: string;
  /** Each subgraph writes its CPU profile there (cpuProfileArgs). */
  profileDir?: string;
}): Promise<BenchSubgraphs> {
  const ports = await Promise.all(SUBGRAPHS.map(freePort));
  const urls = Object.fromEntries(SUBGRAPHS.map((name, i) => [name, `http://127.0.0.1:${ports[i]}/graphql`])) as BenchSubgraphs['urls'];
  const children: ChildProcess[] = [];
  // Writing a profile at exit takes seconds: a profiled child is given them before it is killed.
  const stop = async () => {
    await Promise.all(children.map((child) => stopChild(child, options.profileDir ? 30_000 : undefined)));
  };
  try {
    // In dependency order: each one may call the ones before it while starting.
    for (const [i, name] of SUBGRAPHS.entries()) {
      const childOptions: SubgraphChildOptions = {
        name,
        port: ports[i]!,
        urls,
        databaseUrl: options.databaseUrl,
        redisUrl: options.redisUrl,
        runId: options.runId,
        jwtSecret: secrets.jwtSecret,
      };
      const child = fork(path.join(__dirname, 'subgraph-child.ts'), {
        execArgv: ['--import', 'tsx', ...cpuProfileArgs(options.profileDir, name)],
        env: { ...process.env, NODE_ENV: 'production', CAMEO_BENCH_SUBGRAPH: JSON.stringify(childOptions) },
        // Their logs (JSON lines) are written but not shown; start-up failures reach stderr.
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      children.push(child);
      await new Promise<void>((resolve, reject) => {
        child.once('message', () => resolve());
        child.once('exit', (code) => reject(new Error(`the ${name} subgraph exited with ${code}`)));
      });
    }
    log(`subgraphs listening: ${SUBGRAPHS.map((name) => `${name} ${urls[name]}`).join(', ')}`);
    const cpuOf = async (child: ChildProcess) => {
      const { user, system } = (await askChild<{ cpu: NodeJS.CpuUsage }>(child, 'cpu', 'cpu')).cpu;
      return user + system;
    };
    const cpuUsage = async () =>
      Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (name, i) => [name, await cpuOf(children[i]!)]))) as Record<
        (typeof SUBGRAPHS)[number],
        number
      >;
    return { urls, cpuUsage, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface GatewayStats {
  memory: NodeJS.MemoryUsage;
  cpu: NodeJS.CpuUsage;
  /** The main thread's busy time so far (event-loop utilisation), without GC and other threads. */
  elu: { active: number };
  subscriptions: { subscriptions: number; upstream: number; connections: number } | null;
}

export interface GatewayProcess {
  url: string;
  /** Memory after a full GC, CPU time and subscription figures. */
  stats(): Promise<GatewayStats>;
  /** CPU time so far, with no GC forced first: what a measured slice reads at each end. */
  cpu(): Promise<NodeJS.CpuUsage>;
  stop(): Promise<void>;
}

/**
 * Starts a gateway (ours or a peer) in its own process, in production mode. With profileDir (or
 * CAMEO_BENCH_PROFILE=<dir>) it writes a V8 CPU profile there when it stops.
 */
export function startGatewayProcess(
  kind: GatewayChildOptions['kind'],
  subgraphUrls: Record<string, string>,
  extra: { entityCache?: { redisUrl: string; eventNamespace: string }; profileDir?: string } = {},
): Promise<GatewayProcess> {
  const { profileDir = process.env.CAMEO_BENCH_PROFILE, entityCache } = extra;
  // Ours with the entity cache runs as a deployment with REDIS_URL: the live bus, the subgraphs'
  // event streams (session endings, entity invalidations) and the cache.
  const deployed = kind === 'cameo' && entityCache ? { redisUrl: entityCache.redisUrl, events: entityCache, entityCache: {} } : {};
  const options: GatewayChildOptions = { kind, subgraphUrls, jwtSecret: secrets.jwtSecret, ...deployed };
  const child = fork(path.join(__dirname, 'gateway-child.ts'), {
    execArgv: ['--import', 'tsx', '--expose-gc', ...cpuProfileArgs(profileDir, `gateway-${kind}`)],
    env: { ...process.env, NODE_ENV: 'production', CAMEO_BENCH_GATEWAY: JSON.stringify(options) },
    // Its access log (a JSON line per operation, as in production) is written but not shown.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const stats = () => askChild<GatewayStats>(child, 'stats', 'memory');
  const cpu = async () => (await askChild<{ cpu: NodeJS.CpuUsage }>(child, 'cpu', 'cpu', 'memory')).cpu;
  return new Promise((resolve, reject) => {
    child.once('message', (message) =>
      resolve({ url: (message as { url: string }).url, stats, cpu, stop: () => stopChild(child, profileDir ? 30_000 : 1000) }),
    );
    child.once('exit', (code) => reject(new Error(`${kind} gateway exited with ${code}`)));
  });
}

/**
 * Sends a bench child `request` over IPC and resolves with its first answer that has the field
 * `has` (and not `lacks`: the answer to "stats" also carries `cpu`).
 */
function askChild<Answer>(child: ChildProcess, request: string, has: string, lacks?: string): Promise<Answer> {
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if (typeof message !== 'object' || !message || !(has in message) || (lacks !== undefined && lacks in message)) return;
      child.off('message', onMessage);
      resolve(message as Answer);
    };
    child.on('message', onMessage);
    child.send(request);
  });
}

export async function stopChild(child: ChildProcess, graceMs = 4000): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // Closing the IPC channel makes the child stop and exit; one that hangs in its own graceful
  // shutdown is killed after graceMs.
  child.disconnect();
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
