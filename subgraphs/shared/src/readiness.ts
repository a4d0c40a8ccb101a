import type express from 'express';
import { Redis } from 'ioredis';
import { closeRedis } from './redis';

/**
 * Readiness (`/readyz`): can this process do its work now? Each process checks what it
 * depends on — its database (SELECT 1) and Redis (PING) when it uses one — and answers 503
 * with a body naming what failed, so an orchestrator stops routing to it until they recover.
 * Liveness (`/healthz`) stays a plain "the process answers": a database outage must not get
 * every replica restarted.
 */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

export interface CheckResult {
  name: string;
  ready: boolean;
  /** Why it is not ready. */
  error?: string;
}

/** How long one dependency may take to answer. */
export const READINESS_TIMEOUT_MS = 2_000;

/** `SELECT 1` through the process's own pool (pass e.g. () => db.$queryRaw`SELECT 1`). */
export function databaseCheck(selectOne: () => Promise<unknown>): ReadinessCheck {
  return { name: 'database', check: async () => void (await selectOne()) };
}

/**
 * PING on a connection of its own, so the probe neither queues behind nor disturbs the
 * process's working connections. It fails at once while Redis is down (no offline queue wait).
 */
export function redisCheck(url: string): ReadinessCheck & { close(): Promise<void> } {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: READINESS_TIMEOUT_MS });
  // Failures are what the check reports; ioredis would otherwise print each reconnect error.
  redis.on('error', () => {});
  return {
    name: 'redis',
    check: async () => {
      if (redis.status === 'wait') await redis.connect();
      await redis.ping();
    },
    close: () => closeRedis(redis),
  };
}

async function run(check: ReadinessCheck): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${READINESS_TIMEOUT_MS} ms`)), READINESS_TIMEOUT_MS);
  });
  try {
    await Promise.race([check.check(), timeout]);
    return { name: check.name, ready: true };
  } catch (error) {
    return { name: check.name, ready: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkReadiness(checks: readonly ReadinessCheck[]) {
  const results = await Promise.all(checks.map(run));
  const failed = results.filter((result) => !result.ready).map((result) => result.name);
  return { ready: failed.length === 0, failed, checks: results };
}

/** GET /readyz: 200 `{ status: 'ready', ... }` or 503 `{ status: 'not ready', failed: ['database'], checks }`. */
export function mountReadiness(app: express.Express, checks: readonly ReadinessCheck[]): void {
  app.get('/readyz', async (_req, res) => {
    const { ready, failed, checks: results } = await checkReadiness(checks);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', failed, checks: results });
  });
}
