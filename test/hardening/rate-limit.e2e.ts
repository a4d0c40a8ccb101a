import { randomBytes } from 'node:crypto';
import type { Gateway } from '@cameo/gateway/gateway';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { request } from '@cameo/test-helpers/graphql';
import { TEST_REDIS_URL, startReplicaGateway, startStack, type TestStack } from '@cameo/test-helpers/stack';
import { signUp, type TestUser } from '@cameo/test-helpers/users';

// Raw GraphQL text on purpose: hardening tests probe the gateway at the wire with what no generated
// client sends (malformed, over-limit, introspection, misspelt or bare documents, exact bytes), so
// they do not use the typed documents of @cameo/test-helpers/generated.

/** Rate limits per user and per address, counted in Redis so they hold across gateway replicas. */
let database: TestDatabase;
let stack: TestStack;
const gateways: Gateway[] = [];
let ada: TestUser, bob: TestUser;

async function replica(
  limits: { perUserPerMinute: number; perIpPerMinute: number },
  prefix: string,
  redisUrl = TEST_REDIS_URL,
): Promise<string> {
  const { gateway, url } = await startReplicaGateway(stack, { rateLimits: limits, redisUrl, rateLimitPrefix: prefix });
  gateways.push(gateway);
  return url;
}

beforeAll(async () => {
  database = await createTestDatabase('hardening_rate_limit');
  stack = await startStack(database.url);
  [ada, bob] = await Promise.all([signUp(stack.gatewayUrl, 'ada'), signUp(stack.gatewayUrl, 'bob')]);
});
afterAll(async () => {
  for (const gateway of gateways) await gateway.stop();
  await stack?.stop();
  await database?.drop();
});

it('limits a user across two replicas sharing Redis, with 429, RATE_LIMITED and Retry-After', async () => {
  const prefix = `cameo-test-rl-${randomBytes(4).toString('hex')}:`;
  const [a, b] = await Promise.all([
    replica({ perUserPerMinute: 5, perIpPerMinute: 1000 }, prefix),
    replica({ perUserPerMinute: 5, perIpPerMinute: 1000 }, prefix),
  ]);
  const me = (url: string, user: TestUser) => request(url, '{ me { handle } }', { token: user.token });
  for (const url of [a, b, a, b, a]) expect((await me(url, ada)).data).toEqual({ me: { handle: 'ada' } });
  const refused = await fetch(b, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ada.token}` },
    body: JSON.stringify({ query: '{ me { handle } }' }),
  });
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('RATE_LIMITED');
  // Someone else is not affected.
  expect((await me(a, bob)).data).toEqual({ me: { handle: 'bob' } });
});

it('limits an address, signed in or not', async () => {
  const url = await replica({ perUserPerMinute: 1000, perIpPerMinute: 3 }, `cameo-test-rl-${randomBytes(4).toString('hex')}:`);
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) statuses.push((await request(url, '{ __typename }')).status);
  expect(statuses).toEqual([200, 200, 200, 429]);
});

it('lets requests through when Redis is unreachable', async () => {
  const url = await replica({ perUserPerMinute: 1, perIpPerMinute: 1 }, 'unused:', 'redis://127.0.0.1:1');
  for (let i = 0; i < 3; i++) expect((await request(url, '{ __typename }')).data).toEqual({ __typename: 'Query' });
});
