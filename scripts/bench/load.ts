import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { GATEWAY_PROOF_HEADER, signGatewayProof } from '@cameo/kernel/gateway-proof';
import { readKeys } from '@cameo/kernel/env';
import { signSessionToken } from '@cameo/kernel/session-token';
import { directFeedPage, type SubgraphPost } from './direct-feed';
import { cpuProfileArgs, stopChild } from './platform';

/**
 * The load generator of the bench scripts, in its own process so it does not share a CPU queue
 * with what it measures. A closed loop: `concurrency` workers each send one operation, wait for
 * the answer, and send the next, over keep-alive connections. Each operation acts as a random
 * seeded viewer from the worker's own share of distinct viewers, so no two requests in flight
 * are one viewer's (a gateway that shared answers between them would be caught by the checks,
 * not flattered). Every target goes through the same client code, so their figures compare.
 */
export type LoadTarget =
  /** The SDK's Feed query at a gateway (ours or Hive Gateway), with a session token. */
  | { operation: 'gateway-feed'; url: string; feedKind: FeedKind }
  /** The feed subgraph's own query (its fields only), with a gateway proof. */
  | { operation: 'subgraph-feed'; url: string; feedKind: FeedKind }
  /** The subgraph requests the gateway's query plan makes for the Feed query, made directly. */
  | { operation: 'direct-feed'; urls: Record<string, string>; feedKind: FeedKind }
  /** createGeneration (accepted and queued) at a gateway. */
  | { operation: 'gateway-create-generation'; url: string };

export type FeedKind = 'FOR_YOU' | 'FOLLOWING';

export interface LoadRun {
  target: LoadTarget;
  durationMs: number;
  concurrency: number;
  /**
   * Instead of random viewers for `durationMs`: one request as each viewer, in order, then stop.
   * A warm-up: afterwards every viewer's session and blocks are known, as on a platform whose
   * users come back (a running gateway's steady state), not its first minute.
   */
  everyViewerOnce?: boolean;
}

export interface LoadResult {
  requests: number;
  errors: number;
  /** The first error seen, to tell a broken target from a slow one. */
  firstError?: string;
  seconds: number;
  /** Every operation's latency, ms, ascending (runs are merged by concatenating them). */
  latencies: number[];
  rps: number;
  p50: number;
  p99: number;
}

/** One result from several runs of the same target (slices of a longer measurement). */
export function mergeResults(results: LoadResult[]): LoadResult {
  const latencies = results.flatMap((result) => result.latencies).sort((a, b) => a - b);
  const seconds = results.reduce((sum, result) => sum + result.seconds, 0);
  return {
    requests: latencies.length,
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    firstError: results.find((result) => result.firstError)?.firstError,
    seconds,
    latencies,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/** The id seed() gives user n: md5('u' || n) read as a uuid. */
export function seededUserId(n: number): string {
  const hex = createHash('md5').update(`u${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export const FEED_DOCUMENT = readFileSync(path.join(__dirname, '../../clients/operations/feed.graphql'), 'utf8');
const CREATE_DOCUMENT = readFileSync(path.join(__dirname, '../../clients/operations/generations.graphql'), 'utf8');
const SUBGRAPH_FEED = `query ($kind: FeedKind!) { feed(kind: $kind, first: 10) { edges { cursor node { id caption publishedAt creator { id } } } } }`;

/**
 * An idle socket is dropped after 4 s, before the servers' 5 s keep-alive timeout: a side waits
 * while the others take their slices (12 s with five sides), and a request written to a socket
 * the server is closing fails with "socket hang up".
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, timeout: 4_000 });

/** POSTs a GraphQL request; resolves with the parsed body (errors included, as a client sees them). */
export function postGraphql(
  url: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ data?: any; errors?: { message: string }[] }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            resolve(
              response.statusCode === 200 ? parsed : { ...parsed, errors: parsed.errors ?? [{ message: `HTTP ${response.statusCode}` }] },
            );
          } catch {
            resolve({ errors: [{ message: `HTTP ${response.statusCode}, not JSON` }] });
          }
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** Credentials signed ahead of the run, so signing is not part of what is measured. */
class Viewers {
  private readonly sessions: string[];
  constructor(
    private readonly secrets: { jwtSecret: string },
    private readonly ids: string[],
  ) {
    this.sessions = ids.map((id) => signSessionToken(secrets.jwtSecret, id, 0));
  }
  /**
   * A proof binds one request (its body, a unique id) and is accepted once, so the direct
   * baselines sign one per request, as the gateway does: that cost is now part of the measure.
   */
  private readonly proofKey = readKeys(['gatewayProofPrivateKey'], { NODE_ENV: 'test' }).gatewayProofPrivateKey;
  get count(): number {
    return this.ids.length;
  }
  /** A random viewer of worker `worker`'s share (of `workers`): the ids i with i mod workers = worker. */
  pick(worker: number, workers: number): ReturnType<Viewers['at']> {
    const share = Math.ceil((this.ids.length - worker) / workers);
    return this.at(worker + workers * Math.floor(Math.random() * share));
  }
  at(i: number): { session: string; proof: (subgraph: string, body: unknown) => Record<string, string> } {
    const viewerId = this.ids[i]!;
    return {
      session: this.sessions[i]!,
      proof: (subgraph, body) => ({
        [GATEWAY_PROOF_HEADER]: signGatewayProof(this.proofKey, subgraph, { viewerId }, { method: 'POST', body: JSON.stringify(body) }),
      }),
    };
  }
}

let sequence = 0;
function operation(target: LoadTarget, pick: () => ReturnType<Viewers['pick']>): () => Promise<{ errors?: { message: string }[] }> {
  const bearer = (session: string) => ({ authorization: `Bearer ${session}` });
  switch (target.operation) {
    case 'gateway-feed':
      return () =>
        postGraphql(target.url, bearer(pick().session), {
          query: FEED_DOCUMENT,
          operationName: 'Feed',
          variables: { kind: target.feedKind, first: 10 },
        });
    case 'subgraph-feed':
      return () => {
        const body = { query: SUBGRAPH_FEED, variables: { kind: target.feedKind } };
        return postGraphql(target.url, pick().proof('feed', body), body);
      };
    case 'direct-feed':
      return () => {
        const viewer = pick();
        return directFeedPage(
          (subgraph, body) => postGraphql(target.urls[subgraph]!, viewer.proof(subgraph, body), body),
          target.feedKind,
        ) as Promise<{ errors?: { message: string }[]; data?: SubgraphPost[] }>;
      };
    case 'gateway-create-generation':
      return () =>
        postGraphql(target.url, bearer(pick().session), {
          query: CREATE_DOCUMENT,
          operationName: 'CreateGeneration',
          variables: { input: { prompt: `bench video ${process.pid}-${++sequence}`, seconds: 4 } },
        });
  }
}

async function run(plan: LoadRun, viewers: Viewers): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const end = performance.now() + plan.durationMs;
  const worker = async (_: unknown, index: number) => {
    // In order through the worker's share when warming every viewer, else at random from it.
    let next = index;
    const inOrder = () => {
      const viewer = viewers.at(next);
      next += plan.concurrency;
      return viewer;
    };
    const pick = plan.everyViewerOnce ? inOrder : () => viewers.pick(index, plan.concurrency);
    const more = plan.everyViewerOnce ? () => next < viewers.count : () => performance.now() < end;
    const send = operation(plan.target, pick);
    while (more()) {
      const started = performance.now();
      try {
        const body = await send();
        if (body.errors?.length) {
          errors++;
          firstError ??= body.errors[0]!.message;
        }
      } catch (error) {
        errors++;
        firstError ??= String(error);
      }
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: plan.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return mergeResults([{ requests: latencies.length, errors, firstError, seconds, latencies, rps: 0, p50: 0, p99: 0 }]);
}

export interface LoadProcess {
  run(plan: LoadRun): Promise<LoadResult>;
  stop(): Promise<void>;
  /** The seeded users it acts as, so a run can prepare what the platform keeps for them. */
  viewerIds: string[];
}

/** `count` distinct random seeded user numbers of 1..`users`. */
function drawViewers(users: number, count: number): number[] {
  const numbers = new Set<number>();
  while (numbers.size < Math.min(count, users)) numbers.add(1 + Math.floor(Math.random() * users));
  return [...numbers];
}

/**
 * Starts the load generator acting as `viewerCount` distinct random seeded users (of `users`).
 * With profileDir it writes its CPU profile there when stopped.
 */
export async function startLoadProcess(options: {
  users: number;
  viewerCount: number;
  jwtSecret: string;
  profileDir?: string;
}): Promise<LoadProcess> {
  const viewerNumbers = drawViewers(options.users, options.viewerCount);
  const child = fork(__filename, {
    execArgv: ['--import', 'tsx', ...cpuProfileArgs(options.profileDir, 'load')],
    env: { ...process.env, CAMEO_BENCH_LOAD: JSON.stringify({ jwtSecret: options.jwtSecret, viewerNumbers }) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
  });
  let queue = Promise.resolve<unknown>(undefined);
  return {
    run: (plan) => {
      if (plan.concurrency > options.viewerCount) throw new Error(`${plan.concurrency} workers need as many distinct viewers`);
      const result = queue.then(
        () =>
          new Promise<LoadResult>((resolve) => {
            child.once('message', (message) => resolve(message as LoadResult));
            child.send(plan);
          }),
      );
      queue = result.catch(() => undefined);
      return result;
    },
    stop: () => stopChild(child, options.profileDir ? 30_000 : undefined),
    viewerIds: viewerNumbers.map(seededUserId),
  };
}

if (process.env.CAMEO_BENCH_LOAD && process.send) {
  const options = JSON.parse(process.env.CAMEO_BENCH_LOAD) as { jwtSecret: string; viewerNumbers: number[] };
  const viewers = new Viewers(options, options.viewerNumbers.map(seededUserId));
  process.on('message', (plan: LoadRun) => void run(plan, viewers).then((result) => process.send!(result)));
  process.on('disconnect', () => process.exit(0));
  process.send('ready');
}
