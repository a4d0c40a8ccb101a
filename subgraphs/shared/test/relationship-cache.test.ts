import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { until } from '@cameo/test-helpers/graphql';
import { startRedisProxy } from '@cameo/test-helpers/redis-proxy';
import { createEventTransport } from '../src/event-transport';
import { createLogger } from '../src/logger';
import { createMemoryPubSub, createRedisPubSub, type PubSub } from '../src/pubsub';
import { rawDb } from '../src/raw-db';
import { createRelationshipCache, type RelationshipCache } from '../src/relationship-cache';
import { RELATIONSHIP_CHANGED_TOPIC, type RelationshipChanged } from '../src/relationship-events';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `cameo-test-${randomBytes(4).toString('hex')}:`;
const logger = createLogger('relationship-cache-test');

/** Stands in for social: what it answers now, and how often it was asked. */
function fakeSocial() {
  const answers = new Map<string, string>();
  const asked: string[] = [];
  return {
    asked,
    set: (userId: string, answer: string) => answers.set(userId, answer),
    fetch: async (userId: string) => {
      asked.push(userId);
      return answers.get(userId) ?? 'nobody';
    },
  };
}

/** Announces a change and waits until a second reader on the same bus heard it (the cache subscribed first). */
async function announce(bus: PubSub, observer: PubSub, userIds: [string, string]) {
  const probe = observer.subscribe(RELATIONSHIP_CHANGED_TOPIC);
  await probe.ready;
  await bus.publish(RELATIONSHIP_CHANGED_TOPIC, { userIds } satisfies RelationshipChanged);
  await probe.next();
  await probe.return();
  await new Promise((resolve) => setImmediate(resolve));
}

const implementations: [string, () => { cacheBus: PubSub; socialBus: PubSub; close(): Promise<void> }][] = [
  [
    'in-process',
    () => {
      const bus = createMemoryPubSub();
      return { cacheBus: bus, socialBus: bus, close: () => bus.close() };
    },
  ],
  [
    'redis',
    () => {
      // Social and the cache in different processes: two connections to one Redis.
      const cacheBus = createRedisPubSub(REDIS_URL, { prefix });
      const socialBus = createRedisPubSub(REDIS_URL, { prefix });
      return { cacheBus, socialBus, close: async () => void (await Promise.all([cacheBus.close(), socialBus.close()])) };
    },
  ],
];

describe.each(implementations)('relationship cache on the %s bus', (_name, createBuses) => {
  let buses: ReturnType<typeof createBuses>;
  let caches: RelationshipCache<string>[];
  const cacheWith = async (options: { ttlMs?: number; maxEntries?: number } = {}) => {
    const cache = createRelationshipCache<string>({ pubsub: buses.cacheBus, logger, ...options });
    caches.push(cache);
    await cache.ready;
    return cache;
  };
  beforeEach(() => {
    buses = createBuses();
    caches = [];
  });
  afterEach(async () => {
    for (const cache of caches) await cache.stop();
    await buses.close();
  });

  it('asks social once per viewer while the bus is heard, sharing a call already out', async () => {
    const social = fakeSocial();
    const cache = await cacheWith();
    const [viewer, other] = [randomUUID(), randomUUID()];
    social.set(viewer, 'blocked: x');
    expect(await Promise.all([cache.get(viewer, social.fetch), cache.get(viewer, social.fetch)])).toEqual(['blocked: x', 'blocked: x']);
    expect(await cache.get(viewer, social.fetch)).toBe('blocked: x');
    await cache.get(other, social.fetch);
    expect(social.asked).toEqual([viewer, other]);
  });

  it('drops both people’s answers when a change between them is announced, and no one else’s', async () => {
    const social = fakeSocial();
    const cache = await cacheWith();
    const [blocker, blocked, bystander] = [randomUUID(), randomUUID(), randomUUID()];
    for (const userId of [blocker, blocked, bystander]) await cache.get(userId, social.fetch);
    social.set(blocker, `blocked: ${blocked}`);
    social.set(blocked, `blocked: ${blocker}`);
    await announce(buses.socialBus, buses.cacheBus, [blocker, blocked]);
    expect(await cache.get(blocker, social.fetch)).toBe(`blocked: ${blocked}`);
    expect(await cache.get(blocked, social.fetch)).toBe(`blocked: ${blocker}`);
    expect(await cache.get(bystander, social.fetch)).toBe('nobody');
    expect(social.asked).toEqual([blocker, blocked, bystander, blocker, blocked]);
  });

  it('does not keep an answer fetched while a change for its viewer was announced, nor share it with later callers', async () => {
    const social = fakeSocial();
    const cache = await cacheWith();
    const [viewer, target] = [randomUUID(), randomUUID()];
    let answerOld!: (value: string) => void;
    const slow = cache.get(viewer, () => new Promise<string>((resolve) => (answerOld = resolve)));
    social.set(viewer, `blocked: ${target}`);
    await announce(buses.socialBus, buses.cacheBus, [viewer, target]);
    // A caller after the announcement does not join the call that predates it.
    expect(await cache.get(viewer, social.fetch)).toBe(`blocked: ${target}`);
    answerOld('nobody');
    expect(await slow).toBe('nobody');
    expect(await cache.get(viewer, social.fetch)).toBe(`blocked: ${target}`);
    expect(social.asked).toEqual([viewer]);
  });

  it('forgets everything when its subscription ends', async () => {
    const social = fakeSocial();
    const cache = await cacheWith();
    const viewer = randomUUID();
    await cache.get(viewer, social.fetch);
    // The bus ends every stream (a closed bus, an overflow): announcements may have been missed.
    await buses.cacheBus.close();
    social.set(viewer, 'changed while deaf');
    expect(await cache.get(viewer, social.fetch)).toBe('changed while deaf');
    expect(social.asked).toEqual([viewer, viewer]);
  });

  it('asks again after the TTL and keeps at most maxEntries viewers, the oldest going first', async () => {
    const social = fakeSocial();
    const expiring = await cacheWith({ ttlMs: 0 });
    const viewer = randomUUID();
    await expiring.get(viewer, social.fetch);
    await expiring.get(viewer, social.fetch);
    expect(social.asked).toEqual([viewer, viewer]);

    const small = await cacheWith({ maxEntries: 2 });
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    for (const userId of [a, b, c]) await small.get(userId, social.fetch);
    social.asked.length = 0;
    for (const userId of [c, b, a]) await small.get(userId, social.fetch);
    expect(social.asked).toEqual([a]);
  });

  it('does not keep a failed call', async () => {
    const social = fakeSocial();
    const cache = await cacheWith();
    const viewer = randomUUID();
    await expect(cache.get(viewer, () => Promise.reject(new Error('social is down')))).rejects.toThrow('social is down');
    expect(await cache.get(viewer, social.fetch)).toBe('nobody');
    expect(social.asked).toEqual([viewer]);
  });
});

describe('relationship cache with no bus', () => {
  it('asks social every time, as before caching', async () => {
    const social = fakeSocial();
    const cache = createRelationshipCache<string>({ logger });
    const viewer = randomUUID();
    await Promise.all([cache.get(viewer, social.fetch), cache.get(viewer, social.fetch)]);
    await cache.get(viewer, social.fetch);
    expect(social.asked).toEqual([viewer, viewer, viewer]);
    await cache.stop();
  });
});

describe('relationship cache when the Redis connection drops', () => {
  it('forgets everything, stores nothing while deaf, and caches again once Redis confirms the subscription', async () => {
    const proxy = await startRedisProxy(REDIS_URL);
    const cacheBus = createRedisPubSub(proxy.url, { prefix });
    const socialBus = createRedisPubSub(REDIS_URL, { prefix });
    const cache = createRelationshipCache<string>({ pubsub: cacheBus, logger });
    try {
      await cache.ready;
      const social = fakeSocial();
      const viewer = randomUUID();
      await cache.get(viewer, social.fetch);
      await cache.get(viewer, social.fetch);
      expect(social.asked).toHaveLength(1);

      proxy.cut();
      // Announced while the cache cannot hear: lost for it.
      social.set(viewer, 'blocked while deaf');
      await socialBus.publish(RELATIONSHIP_CHANGED_TOPIC, { userIds: [viewer, randomUUID()] });
      await until('the cache to forget what it knew', async () => (await cache.get(viewer, social.fetch)) === 'blocked while deaf');
      const asked = social.asked.length;
      await cache.get(viewer, social.fetch);
      expect(social.asked).toHaveLength(asked + 1);

      proxy.restore();
      // Heard again: the next answer is kept.
      await until('the cache to keep answers again', async () => {
        const before = social.asked.length;
        await cache.get(viewer, social.fetch);
        await cache.get(viewer, social.fetch);
        return social.asked.length - before <= 1;
      });
    } finally {
      await cache.stop();
      await Promise.all([cacheBus.close(), socialBus.close()]);
      await proxy.close();
    }
  }, 20_000);
});

describe.each(['postgres', 'redis'] as const)('relationship caches following social’s durable events on %s', (kind) => {
  let database: TestDatabase;
  let db: ReturnType<typeof rawDb>;
  const namespace = `cameo-test-${randomBytes(4).toString('hex')}`;
  const redis = new Redis(REDIS_URL);
  beforeAll(async () => {
    database = await createTestDatabase(`relcache_events_${kind}`);
    db = rawDb(database.url);
  });
  afterAll(async () => {
    await db.end();
    await database.drop();
    const keys = await redis.keys(`${namespace}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('drops a change whose announcement was lost at every replica, once social’s event arrives', async () => {
    const transport = (subgraph: string) =>
      createEventTransport({ kind, subgraph, db, redisUrl: REDIS_URL, namespace, onError: () => {}, pollMs: 50 });
    const socialSide = transport('social');
    socialSide.startRelay(db);
    // Two feed replicas on one bus that never carries the announcement (social ended after its commit).
    const bus = createMemoryPubSub();
    const replicas = [transport('feed'), transport('feed')];
    const caches = replicas.map((events) => createRelationshipCache<string>({ pubsub: bus, events, logger }));
    const social = fakeSocial();
    const [blocker, blocked, bystander] = [randomUUID(), randomUUID(), randomUUID()];
    try {
      await until('both replicas keeping answers', async () => {
        const before = social.asked.length;
        for (const cache of caches) await cache.get(bystander, social.fetch);
        for (const cache of caches) await cache.get(bystander, social.fetch);
        return social.asked.length - before === 0;
      });
      for (const cache of caches) for (const userId of [blocker, blocked]) await cache.get(userId, social.fetch);
      social.asked.length = 0;

      social.set(blocker, `blocked: ${blocked}`);
      social.set(blocked, `blocked: ${blocker}`);
      await db.$executeRawUnsafe(
        `INSERT INTO "social"."outbox" (topic, payload) VALUES ('social.blocked', $1::jsonb)`,
        JSON.stringify({ blockerId: blocker, blockedId: blocked }),
      );
      await until('every replica to ask social again', async () => {
        const answers = await Promise.all(caches.map((cache) => cache.get(blocker, social.fetch)));
        return answers.every((answer) => answer === `blocked: ${blocked}`);
      });
      expect(await Promise.all(caches.map((cache) => cache.get(blocked, social.fetch)))).toEqual([
        `blocked: ${blocker}`,
        `blocked: ${blocker}`,
      ]);
      social.asked.length = 0;
      for (const cache of caches) await cache.get(bystander, social.fetch);
      expect(social.asked).toEqual([]);
    } finally {
      for (const cache of caches) await cache.stop();
      for (const events of [...replicas, socialSide]) await events.close();
      await bus.close();
    }
  });
});
