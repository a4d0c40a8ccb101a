import { Redis } from 'ioredis';

export interface RateLimits {
  /** Operations (HTTP requests, graphql-ws subscribe messages) one signed-in user may send per minute, across every gateway replica. */
  perUserPerMinute: number;
  /** The same per client address. */
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
      const counted = redis
        .multi()
        .incr(counter)
        .expire(counter, WINDOW_SECONDS * 2)
        .exec() as Promise<[[Error | null, number], unknown]>;
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
