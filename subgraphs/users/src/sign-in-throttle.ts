import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract, type RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError, ErrorCode } from '@cameo/kernel/errors';
import { closeRedis } from '@cameo/kernel/redis';

/**
 * How hard password guessing is made. Counted per handle (whoever guesses, from however many
 * addresses) and per client address (one guesser trying many handles).
 */
export interface SignInThrottleOptions {
  /** Failed sign-ins in a row for one handle before it is locked. Default: 5. */
  handleFailures?: number;
  /** The first lockout of a handle; each further lockout within a day doubles it. Default: 60 s. */
  lockoutSeconds?: number;
  /** The longest lockout. Default: 3600 s. */
  maxLockoutSeconds?: number;
  /** Failed sign-ins per client address per hour before that address may not sign in. Default: 50. */
  addressFailuresPerHour?: number;
  /** Counters shared by every users replica; without it, counters live in this process. */
  redisUrl?: string;
  /** Redis key prefix (tests isolate stacks with it). Default: "cameo". */
  prefix?: string;
}

const DAY = 24 * 60 * 60;
const HOUR = 60 * 60;

export const signInThrottled = (retryAfterSeconds: number) =>
  new DomainError(ErrorCode.SIGN_IN_THROTTLED, 'Too many sign-in attempts. Try again later.', { retryAfterSeconds });

/** One attempt's reservation: say how it ended. */
export interface SignInAttempt {
  failed(): Promise<void>;
  succeeded(): Promise<void>;
}

export interface SignInThrottle {
  /**
   * Reserves an attempt before any password is checked, or throws SIGN_IN_THROTTLED. Decided by
   * the handle as typed (normalized), never by whether it exists: the answer is the same.
   */
  begin(handle: string, address: string | undefined): Promise<SignInAttempt>;
  close(): Promise<void>;
}

export function createSignInThrottle(options: SignInThrottleOptions = {}): SignInThrottle {
  const handleFailures = options.handleFailures ?? 5;
  const lockoutSeconds = options.lockoutSeconds ?? 60;
  const maxLockoutSeconds = options.maxLockoutSeconds ?? HOUR;
  const addressFailures = options.addressFailuresPerHour ?? 50;
  const prefix = `${options.prefix ?? 'cameo'}:sign-in`;
  // A command waits at most 250 ms: with Redis away, sign-ins fall back to this process's counters
  // (the insurance limiter below) instead of hanging.
  const redis = options.redisUrl ? new Redis(options.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 250 }) : undefined;
  redis?.on('error', () => {});
  const limiter = (name: string, points: number, duration: number): RateLimiterAbstract => {
    const settings = { keyPrefix: `${prefix}:${name}`, points, duration };
    // Redis down: this process's own counters keep guessing slow rather than open.
    return redis
      ? new RateLimiterRedis({ ...settings, storeClient: redis, insuranceLimiter: new RateLimiterMemory(settings) })
      : new RateLimiterMemory(settings);
  };
  // Attempts in a row per handle, kept a day; a lockout is a block of this counter.
  const byHandle = limiter('handle', handleFailures, DAY);
  // Lockouts per handle in the last day: each one doubles the next.
  const lockouts = limiter('lockouts', 1_000_000, DAY);
  const byAddress = limiter('address', addressFailures, HOUR);
  const seconds = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

  return {
    async begin(rawHandle, address) {
      const handle = rawHandle.slice(0, 64);
      const fromAddress = address ? await byAddress.get(address) : null;
      if (fromAddress && fromAddress.consumedPoints >= addressFailures) throw signInThrottled(seconds(fromAddress));
      // Counted before the password is checked, so parallel guesses cannot outrun the lockout.
      const attempt = await byHandle.penalty(handle, 1);
      if (attempt.consumedPoints > handleFailures) throw signInThrottled(seconds(attempt));
      if (address) await byAddress.penalty(address, 1);
      return {
        async failed() {
          if (attempt.consumedPoints < handleFailures) return;
          const { consumedPoints } = await lockouts.penalty(handle, 1);
          await byHandle.block(handle, Math.min(maxLockoutSeconds, lockoutSeconds * 2 ** (consumedPoints - 1)));
        },
        async succeeded() {
          await Promise.all([byHandle.delete(handle), lockouts.delete(handle), address ? byAddress.reward(address, 1) : undefined]);
        },
      };
    },
    async close() {
      if (redis) await closeRedis(redis);
    },
  };
}
