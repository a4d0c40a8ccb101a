import type express from 'express';
import { Redis } from 'ioredis';
import { ErrorCode } from '../../subgraphs/shared/src/errors';
import type { Logger } from '../../subgraphs/shared/src/logger';
import { verifySessionToken } from '../../subgraphs/shared/src/session-token';

export interface RateLimits {
  /** Requests one signed-in user may make per minute, across every gateway replica. */
  perUserPerMinute: number;
  /** Requests one client address may make per minute. */
  perIpPerMinute: number;
}

export interface RateLimiter {
  /** Counts a request against `key`; false once the key has used `limit` this minute. */
  hit(key: string, limit: number): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
  close(): Promise<void>;
}

const WINDOW_SECONDS = 60;
/** Longest a request waits for the limiter's answer. */
const LIMITER_TIMEOUT_MS = 250;
const windowOf = (now: number) => Math.floor(now / 1000 / WINDOW_SECONDS);
const retryAfter = (now: number) => WINDOW_SECONDS - (Math.floor(now / 1000) % WINDOW_SECONDS);

/** Fixed one-minute windows in Redis (INCR + EXPIRE in one round trip), shared by replicas. */
export function createRedisRateLimiter(redisUrl: string, prefix = 'cameo:ratelimit:'): RateLimiter {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  redis.on('error', () => {});
  return {
    async hit(key, limit) {
      const now = Date.now();
      const counter = `${prefix}${key}:${windowOf(now)}`;
      const counted = redis.multi().incr(counter).expire(counter, WINDOW_SECONDS * 2).exec() as Promise<[[Error | null, number], unknown]>;
      // A request never waits long on the limiter: past this, it is treated as unavailable.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('rate limiter timed out')), LIMITER_TIMEOUT_MS);
      });
      try {
        const [[, count]] = await Promise.race([counted, late]);
        return { allowed: count <= limit, retryAfterSeconds: retryAfter(now) };
      } finally {
        clearTimeout(timer);
        counted.catch(() => {});
      }
    },
    close: async () => {
      redis.disconnect();
    },
  };
}

/** The same in one process (no Redis: `npm start` on a laptop). */
export function createMemoryRateLimiter(): RateLimiter {
  const counts = new Map<string, number>();
  let window = windowOf(Date.now());
  return {
    async hit(key, limit) {
      const now = Date.now();
      if (windowOf(now) !== window) {
        counts.clear();
        window = windowOf(now);
      }
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      return { allowed: count <= limit, retryAfterSeconds: retryAfter(now) };
    },
    close: async () => {},
  };
}

/**
 * Refuses requests past the per-user or per-address rate with HTTP 429, `RATE_LIMITED` and a
 * Retry-After. If the limiter's store is unreachable, requests pass (and it is logged): queries
 * keep working while Redis is down.
 */
export function rateLimitMiddleware(limiter: RateLimiter, limits: RateLimits, jwtSecret: string, logger: Logger) {
  return async (req: express.Request, res: express.Response, next: express.NextFunction) => {
    const token = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '')?.[1];
    const userId = token ? (verifySessionToken(jwtSecret, token)?.userId ?? null) : null;
    try {
      const checks = [limiter.hit(`ip:${req.socket.remoteAddress ?? 'unknown'}`, limits.perIpPerMinute)];
      if (userId) checks.push(limiter.hit(`user:${userId}`, limits.perUserPerMinute));
      const refused = (await Promise.all(checks)).find((check) => !check.allowed);
      if (refused) {
        res.setHeader('retry-after', String(refused.retryAfterSeconds));
        res.status(429).json({ errors: [{ message: `Too many requests; try again in ${refused.retryAfterSeconds} s.`, extensions: { code: ErrorCode.RATE_LIMITED } }] });
        return;
      }
    } catch (error) {
      logger.error('rate limiter unavailable; letting requests through', { error: error instanceof Error ? error.message : String(error) });
    }
    next();
  };
}
