import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { ErrorCode } from '@cameo/kernel/errors';
import { createSignInThrottle, type SignInThrottle } from '../src/sign-in-throttle';

// The throttle on its own, against the machine's Redis: what the e2e test (one handle from many
// addresses) does not reach — one address trying many handles, and replicas sharing counters.
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `cameo-test-${randomBytes(4).toString('hex')}`;
const throttles: SignInThrottle[] = [];
const open = (options: Parameters<typeof createSignInThrottle>[0]) => {
  const throttle = createSignInThrottle({ prefix, ...options });
  throttles.push(throttle);
  return throttle;
};
afterAll(async () => {
  for (const throttle of throttles) await throttle.close();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

const fail = async (throttle: SignInThrottle, handle: string, address: string) => (await throttle.begin(handle, address)).failed();
const refusal = (attempt: Promise<unknown>) =>
  attempt.then(
    () => null,
    (error: { extensions?: { code?: string } }) => error.extensions?.code,
  );

it('locks an address that fails on many handles, while another address still signs in', async () => {
  const throttle = open({ addressFailuresPerHour: 4 });
  for (let n = 0; n < 4; n++) await fail(throttle, `victim${n}`, '203.0.113.7');
  expect(await refusal(throttle.begin('victim9', '203.0.113.7'))).toBe(ErrorCode.SIGN_IN_THROTTLED);
  expect(await refusal(throttle.begin('victim9', '203.0.113.8'))).toBeNull();
});

it('shares its counters between replicas through Redis', async () => {
  const [a, b] = [open({ redisUrl: REDIS_URL, handleFailures: 3 }), open({ redisUrl: REDIS_URL, handleFailures: 3 })];
  await fail(a, 'shared', '198.51.100.1');
  await fail(b, 'shared', '198.51.100.2');
  await fail(a, 'shared', '198.51.100.3');
  // The fourth try, at either replica, is over the limit the three failures reached together.
  expect(await refusal(b.begin('shared', '198.51.100.4'))).toBe(ErrorCode.SIGN_IN_THROTTLED);
  expect(await refusal(a.begin('shared', '198.51.100.5'))).toBe(ErrorCode.SIGN_IN_THROTTLED);
});

it('keeps counting in the process while its Redis is unreachable', async () => {
  const throttle = open({ redisUrl: 'redis://127.0.0.1:9', handleFailures: 2 });
  await fail(throttle, 'offline', '192.0.2.1');
  await fail(throttle, 'offline', '192.0.2.2');
  expect(await refusal(throttle.begin('offline', '192.0.2.3'))).toBe(ErrorCode.SIGN_IN_THROTTLED);
}, 20_000);
