import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@cameo/kernel/logger';
import { createMemoryPubSub, createPubSub } from '@cameo/kernel/pubsub';
import type { RunningServer } from '@cameo/kernel/serve';
import { SESSION_REVOKED_TOPIC, type SessionRevoked } from '@cameo/kernel/session-token';
import { createDb, type UsersDb } from '@cameo/users/db';
import { start as startUsers } from '@cameo/users/server';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { until } from '@cameo/test-helpers/graphql';
import { startRedisProxy } from '@cameo/test-helpers/redis-proxy';
import { testSecrets } from '@cameo/test-helpers/stack';
import { createSessionGuard, type SessionGuardOptions } from '../src/sessions';

/**
 * The gateway's session guard against the real users subgraph, behind a pass-through proxy that
 * counts the calls: a cache hit makes none, the misses of one tick make one.
 */
let database: TestDatabase;
let db: UsersDb;
let users: RunningServer;
let proxy: http.Server;
let proxyUrl: string;
let calls = 0;
let ada: string, bob: string, cy: string;
const logger = createLogger('gateway');

beforeAll(async () => {
  database = await createTestDatabase('gateway_sessions');
  db = createDb(database.url, 2);
  users = await startUsers({ port: 0, host: '127.0.0.1', databaseUrl: database.url, jwtSecret: testSecrets.jwtSecret, keys: testSecrets });
  const target = new URL(users.url);
  proxy = http.createServer((req, res) => {
    calls++;
    const forward = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  [ada, bob, cy] = (
    await Promise.all(['ada', 'bob', 'cy'].map((handle) => db.user.create({ data: { handle, displayName: handle, passwordHash: 'x' } })))
  ).map((user) => user.id) as [string, string, string];
});
afterAll(async () => {
  await new Promise((resolve) => proxy?.close(resolve));
  await users?.stop();
  await db?.$disconnect();
  await database?.drop();
});

const guardOf = (options: Partial<SessionGuardOptions> = {}) =>
  createSessionGuard({ usersBaseUrl: () => proxyUrl, internalCallSecret: testSecrets.internalCallSecret, logger, ...options });

describe('the session guard', () => {
  it('asks users once for the misses of one tick, and not at all on a hit', async () => {
    const guard = guardOf();
    calls = 0;
    const first = await Promise.all(
      Array.from({ length: 30 }, (_, i) => guard.check({ userId: [ada, bob, cy][i % 3]!, sessionVersion: 0 })),
    );
    expect(first.every((status) => status === 'valid')).toBe(true);
    expect(calls).toBe(1);
    const again = await Promise.all(
      Array.from({ length: 300 }, (_, i) => guard.check({ userId: [ada, bob, cy][i % 3]!, sessionVersion: 0 })),
    );
    expect(again.every((status) => status === 'valid')).toBe(true);
    expect(calls).toBe(1);
    await guard.stop();
  });

  it('refuses unknown accounts and older versions, asks again for a newer one, and forgets on an ending', async () => {
    const pubsub = createMemoryPubSub();
    const guard = guardOf({ pubsub });
    const heard: SessionRevoked[] = [];
    guard.onEnded((message) => heard.push(message));
    expect(await guard.check({ userId: '11111111-1111-4111-8111-111111111111', sessionVersion: 0 })).toBe('revoked');
    expect(await guard.check({ userId: bob, sessionVersion: 0 })).toBe('valid');

    await db.user.update({ where: { id: bob }, data: { sessionVersion: 1 } });
    calls = 0;
    // A token newer than the cached version proves the cache stale: users is asked.
    expect(await guard.check({ userId: bob, sessionVersion: 1 })).toBe('valid');
    expect(calls).toBe(1);
    expect(await guard.check({ userId: bob, sessionVersion: 0 })).toBe('revoked');
    expect(calls).toBe(1);

    await db.user.update({ where: { id: bob }, data: { sessionVersion: 2 } });
    await pubsub.publish(SESSION_REVOKED_TOPIC, { userId: bob, sessionVersion: 2 });
    await until('the ending is heard', async () => heard.length === 1);
    expect(heard).toEqual([{ userId: bob, sessionVersion: 2 }]);
    expect(await guard.check({ userId: bob, sessionVersion: 1 })).toBe('revoked');
    expect(calls).toBe(2);
    await guard.stop();
    await pubsub.close();
  });

  it('serves a recent answer for the grace while users is unreachable, then fails closed', async () => {
    // Port 1 refuses connections: users "down" without stopping the shared server.
    let base = proxyUrl;
    const graceful = guardOf({ usersBaseUrl: () => base, ttlMs: 0, graceMs: 60_000 });
    const strict = guardOf({ usersBaseUrl: () => base, ttlMs: 0, graceMs: 0 });
    expect(await graceful.check({ userId: cy, sessionVersion: 0 })).toBe('valid');
    expect(await strict.check({ userId: cy, sessionVersion: 0 })).toBe('valid');
    base = 'http://127.0.0.1:1';
    expect(await graceful.check({ userId: cy, sessionVersion: 0 })).toBe('valid');
    expect(await graceful.check({ userId: cy, sessionVersion: 1 })).toBe('unavailable');
    expect(await graceful.check({ userId: ada, sessionVersion: 0 })).toBe('unavailable');
    expect(await strict.check({ userId: cy, sessionVersion: 0 })).toBe('unavailable');
    await Promise.all([graceful.stop(), strict.stop()]);
  });

  it('forgets what it knew when its Redis connection drops, so an ending announced meanwhile is not missed', async () => {
    const redisProxy = await startRedisProxy();
    const prefix = `sessions-test-${randomUUID()}:`;
    const bus = createPubSub(redisProxy.url, { prefix });
    const guard = guardOf({ pubsub: bus });
    try {
      await guard.ready;
      const dan = (await db.user.create({ data: { handle: `dan${Date.now()}`, displayName: 'dan', passwordHash: 'x' } })).id;
      expect(await guard.check({ userId: dan, sessionVersion: 0 })).toBe('valid');
      const before = calls;
      expect(await guard.check({ userId: dan, sessionVersion: 0 })).toBe('valid');
      expect(calls).toBe(before);

      // The connection drops; dan signs out everywhere meanwhile, and the announcement is lost.
      redisProxy.cut();
      await db.user.update({ where: { id: dan }, data: { sessionVersion: 1 } });
      await until('the guard to ask users again', async () => (await guard.check({ userId: dan, sessionVersion: 0 })) === 'revoked');
      expect(await guard.check({ userId: dan, sessionVersion: 1 })).toBe('valid');
    } finally {
      await guard.stop();
      await bus.close();
      await redisProxy.close();
    }
  }, 20_000);
});
