import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { request } from '@cameo/test-helpers/graphql';
import { startStack, type TestStack } from '@cameo/test-helpers/stack';
import { signUp, verifiedCameo, type TestUser } from '@cameo/test-helpers/users';
import { createDb, type UsersDb } from '../src/db';
import { relayOutbox } from '@cameo/kernel/outbox';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const stream = `cameo-test:events:${randomBytes(4).toString('hex')}`;

let database: TestDatabase;
let stack: TestStack;
let db: UsersDb;
let redis: Redis;
let owner: TestUser, friend: TestUser;
let cameoId: string;

beforeAll(async () => {
  database = await createTestDatabase('users_outbox');
  stack = await startStack(database.url);
  db = createDb(database.url, 4);
  redis = new Redis(REDIS_URL);
  [owner, friend] = await Promise.all([signUp(stack.gatewayUrl, 'owner'), signUp(stack.gatewayUrl, 'friend')]);
  cameoId = await verifiedCameo(stack.gatewayUrl, owner);
});
afterAll(async () => {
  await redis?.del(stream);
  redis?.disconnect();
  await db?.$disconnect();
  await stack?.stop();
  await database?.drop();
});

const as = (user: TestUser, query: string, variables: Record<string, unknown> = {}) =>
  request(stack.gatewayUrl, query, { token: user.token, variables: { id: cameoId, ...variables } });
const revocations = () => db.outboxEvent.findMany({ where: { topic: 'cameo.consent_revoked' }, orderBy: { id: 'asc' } });

describe('cameo.consent_revoked', () => {
  it('is written once per revoking change, in the same transaction, and never for a widening one', async () => {
    const policy = (p: string) => as(owner, `mutation ($id: ID!) { setCameoPolicy(cameoId: $id, input: { policy: ${p} }) { id } }`);
    await policy('EVERYONE'); // widening: no event
    expect(await revocations()).toHaveLength(0);
    await policy('MUTUALS'); // narrowing: one event
    await policy('MUTUALS'); // no change: nothing
    await as(owner, `mutation ($id: ID!) { grantCameoAccess(cameoId: $id, handle: "friend") { id } }`);
    await as(owner, `mutation ($id: ID!, $u: ID!) { revokeCameoAccess(cameoId: $id, userId: $u) { id } }`, { u: friend.id });
    // Removing the same grant again changes nothing: no second event.
    await as(owner, `mutation ($id: ID!, $u: ID!) { revokeCameoAccess(cameoId: $id, userId: $u) { id } }`, { u: friend.id });

    const events = await revocations();
    expect(events.map((event) => event.payload)).toEqual([
      { cameoId, ownerId: owner.id, cause: 'POLICY_CHANGED', policyVersion: 3 },
      { cameoId, ownerId: owner.id, cause: 'GRANT_REMOVED', policyVersion: 5, userId: friend.id },
    ]);
    expect(events.every((event) => event.publishedAt === null)).toBe(true);
  });

  it('waits in the outbox while Redis is down, then is relayed exactly once', async () => {
    const down = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    try {
      await expect(relayOutbox(db, down, { subgraph: 'users', stream })).rejects.toThrow();
    } finally {
      down.disconnect();
    }
    expect((await revocations()).every((event) => event.publishedAt === null)).toBe(true);
    expect(await redis.xlen(stream)).toBe(0);

    // Redis is back: two relays (replicas) race; each event is published by exactly one.
    const published = await Promise.all([
      relayOutbox(db, redis, { subgraph: 'users', stream }),
      relayOutbox(db, redis, { subgraph: 'users', stream }),
    ]);
    const total = await db.outboxEvent.count();
    expect(published[0] + published[1]).toBe(total);
    expect(await relayOutbox(db, redis, { subgraph: 'users', stream })).toBe(0);

    const entries = await redis.xrange(stream, '-', '+');
    expect(entries).toHaveLength(total);
    const fields = entries.map(([, values]) =>
      Object.fromEntries(values.reduce<string[][]>((pairs, value, i) => (i % 2 ? pairs : [...pairs, [value, values[i + 1]!]]), [])),
    );
    const revoked = fields.filter((entry) => entry.topic === 'cameo.consent_revoked');
    expect(revoked.map((entry) => JSON.parse(entry.payload!).cause)).toEqual(['POLICY_CHANGED', 'GRANT_REMOVED']);
    expect(new Set(fields.map((entry) => entry.id)).size).toBe(total);
    expect((await revocations()).every((event) => event.publishedAt instanceof Date)).toBe(true);
  });
});

describe('user.updated', () => {
  it('is written with a profile change, naming the fields changed, and not for an empty one', async () => {
    const updates = () => db.outboxEvent.findMany({ where: { topic: 'user.updated' }, orderBy: { id: 'asc' } });
    const update = (input: string) => as(friend, `mutation { updateProfile(input: ${input}) { displayName bio } }`);
    expect((await update(`{ displayName: "Friend", bio: "hi" }`)).data).toEqual({ updateProfile: { displayName: 'Friend', bio: 'hi' } });
    expect((await update(`{}`)).data).toEqual({ updateProfile: { displayName: 'Friend', bio: 'hi' } });
    // Refused input changes nothing and says nothing.
    expect((await update(`{ avatarUrl: "http://insecure.example/a.png" }`)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await updates()).map((event) => event.payload)).toEqual([{ userId: friend.id, fields: ['displayName', 'bio'] }]);
  });
});
