import { createHash } from 'node:crypto';
import { GATEWAY_PROOF_HEADER, signGatewayProof } from '../../subgraphs/shared/src/gateway-proof';
import { signSessionToken } from '../../subgraphs/shared/src/session-token';

/**
 * The load generator of `npm run bench:feed`, in its own process so it does not share a CPU
 * queue with what it measures. Receives a plan over IPC, sends back one result per target.
 */
export interface LoadTarget {
  name: string;
  url: string;
  query: string;
  /** How a request proves its viewer: a gateway proof (subgraph) or a session token (gateway). */
  auth: 'proof' | 'session';
}

export interface LoadPlan {
  targets: LoadTarget[];
  users: number;
  durationMs: number;
  warmupMs: number;
  concurrency: number;
  jwtSecret: string;
  gatewaySecret: string;
}

export interface LoadResult {
  name: string;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
}

/** The id seed() gives user n: md5('u' || n) read as a uuid. */
export function seededUserId(n: number): string {
  const hex = createHash('md5').update(`u${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function run(plan: LoadPlan, target: LoadTarget, durationMs: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + durationMs;
  const worker = async () => {
    while (performance.now() < end) {
      const viewer = seededUserId(1 + Math.floor(Math.random() * plan.users));
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (target.auth === 'proof') headers[GATEWAY_PROOF_HEADER] = signGatewayProof(plan.gatewaySecret, 'feed', { viewerId: viewer });
      else headers.authorization = `Bearer ${signSessionToken(plan.jwtSecret, viewer)}`;
      const started = performance.now();
      try {
        const response = await fetch(target.url, { method: 'POST', headers, body: JSON.stringify({ query: target.query }) });
        const body = (await response.json()) as { errors?: unknown[] };
        if (!response.ok || body.errors) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: plan.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { name: target.name, requests: latencies.length, errors, rps: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

process.on('message', async (plan: LoadPlan) => {
  for (const target of plan.targets) {
    await run(plan, target, plan.warmupMs);
    process.send!(await run(plan, target, plan.durationMs));
  }
  process.send!('done');
});
