import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { quietFor, until } from '@cameo/test-helpers/graphql';
import { rawDb } from '../src/raw-db';
import { freePort } from '../src/listen';
import { createStreamHub, eventStream, followStream, startStreamConsumer, toStreamFields, type DomainEvent } from '../src/events';

/** A few of ioredis' reconnect attempts (50, 100, 150 ms apart) against a closed port. */
const RECONNECT_WINDOW_MS = 300;

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const namespace = `cameo-test-${randomBytes(4).toString('hex')}`;
const redis = new Redis(REDIS_URL);
let database: TestDatabase;
let db: ReturnType<typeof rawDb>;
beforeAll(async () => {
  database = await createTestDatabase('events');
  db = rawDb(database.url);
});
afterAll(async () => {
  await db.end();
  await database.drop();
  const keys = await redis.keys(`${namespace}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe('stream consumer', () => {
  it('hands every event to its handler once and acknowledges it', async () => {
    const stream = eventStream('producer', namespace);
    const handled: DomainEvent[] = [];
    const consumer = startStreamConsumer({
      redisUrl: REDIS_URL,
      stream,
      group: 'feed',
      source: 'producer',
      db,
      onError: () => {},
      handle: async (event) => void handled.push(event),
    });
    for (const n of [1, 2])
      await redis.xadd(stream, '*', ...toStreamFields({ id: `producer:${n}`, topic: 'thing.made', payload: { n }, at: '' }));
    await until('both events handled', () => handled.length >= 2);
    await consumer.stop();
    expect(handled.map((event) => event.payload)).toEqual([{ n: 1 }, { n: 2 }]);
    // Acknowledged: nothing is left pending for the group.
    expect((await redis.xpending(stream, 'feed'))[0]).toBe(0);
  });

  it('stops while its Redis is unreachable instead of waiting for it to return', async () => {
    const errors: unknown[] = [];
    const consumer = startStreamConsumer({
      redisUrl: `redis://127.0.0.1:${await freePort()}`,
      stream: eventStream('producer', namespace),
      group: 'feed',
      source: 'producer',
      db,
      onError: (error) => errors.push(error),
      handle: async () => {},
    });
    // The outage is seen; then ioredis (retrying every 50-150 ms) is refused a few more times,
    // its first command queued: the state a shutdown during a Redis outage finds it in. Those
    // later attempts must report nothing, so this waits out a window rather than an event.
    await until('the outage reported', () => errors.length > 0);
    await quietFor(RECONNECT_WINDOW_MS);
    await consumer.stop();
    // The outage is reported once, not once per reconnect attempt.
    expect(errors.map(String)).toEqual([expect.stringContaining('ECONNREFUSED')]);
  }, 10_000);
});

describe('stream follower', () => {
  const add = (stream: string, n: number) =>
    redis.xadd(stream, '*', ...toStreamFields({ id: `producer:${n}`, topic: 'thing.changed', payload: { n }, at: '' }));

  it('hands over every event added after it started, in order, and is live', async () => {
    const stream = eventStream('followed', namespace);
    await add(stream, 0);
    const seen: unknown[] = [];
    const follower = followStream({
      redisUrl: REDIS_URL,
      stream,
      handle: (event) => void seen.push(event.payload),
      onGap: () => {},
      onError: () => {},
    });
    try {
      await until('live', async () => follower.isLive());
      for (const n of [1, 2, 3]) await add(stream, n);
      await until('three events', async () => seen.length === 3);
      expect(seen).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    } finally {
      await follower.stop();
    }
    expect(follower.isLive()).toBe(false);
  });

  it('reports a gap when it loses Redis, then reads on from where it was', async () => {
    const stream = eventStream('interrupted', namespace);
    const seen: unknown[] = [];
    let gaps = 0;
    // Only this follower's own connection is cut (other test files share the server): the
    // follower connection that was not there before it started.
    const followerIds = async () =>
      ((await redis.client('LIST')) as string)
        .split('\n')
        .filter((line) => line.includes('name=cameo-stream-follower'))
        .map((line) => /id=(\d+)/.exec(line)![1]!);
    const before = new Set(await followerIds());
    const follower = followStream({
      redisUrl: REDIS_URL,
      stream,
      handle: (event) => void seen.push(event.payload),
      onGap: () => gaps++,
      onError: () => {},
      blockMs: 100,
    });
    try {
      await until('live', async () => follower.isLive());
      const own = (await followerIds()).filter((id) => !before.has(id));
      expect(own).toHaveLength(1);
      await add(stream, 1);
      await redis.client('KILL', 'ID', own[0]!);
      await add(stream, 2);
      await until('both events', async () => seen.length === 2);
      await until('live again', async () => follower.isLive());
      expect(gaps).toBeGreaterThanOrEqual(1);
      expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
    } finally {
      await follower.stop();
    }
  });

  it('is not live while its Redis is unreachable, says so once, and stops', async () => {
    const errors: unknown[] = [];
    const follower = followStream({
      redisUrl: `redis://127.0.0.1:${await freePort()}`,
      stream: eventStream('nowhere', namespace),
      handle: () => {},
      onGap: () => {},
      onError: (error) => errors.push(error),
    });
    // As above: a few more refused reconnects must neither make it live nor be reported again.
    await until('the outage reported', () => errors.length > 0);
    await quietFor(RECONNECT_WINDOW_MS);
    expect(follower.isLive()).toBe(false);
    await follower.stop();
    expect(errors.map(String)).toEqual([expect.stringContaining('ECONNREFUSED')]);
  }, 10_000);
});

describe('stream hub', () => {
  const add = (stream: string, n: number) =>
    redis.xadd(stream, '*', ...toStreamFields({ id: `producer:${n}`, topic: 'thing.changed', payload: { n }, at: '' }));
  /** Ids of the connections following this stream (each names its stream). */
  const readersOf = async (stream: string) =>
    ((await redis.client('LIST')) as string)
      .split('\n')
      .filter((line) => line.includes(`name=cameo-stream-follower:${stream} `))
      .map((line) => /id=(\d+)/.exec(line)![1]!);

  it('gives every part of a process that follows a source each event and each gap, over one connection', async () => {
    const hub = createStreamHub({ redisUrl: REDIS_URL, eventNamespace: namespace, onError: () => {} });
    const stream = eventStream('shared', namespace);
    const cache = { seen: [] as unknown[], gaps: 0 };
    const guard = { seen: [] as unknown[], gaps: 0 };
    const listen = (part: typeof cache) =>
      hub.follow('shared', { handle: (event) => void part.seen.push(event.payload), onGap: () => part.gaps++ });
    const cacheFollower = listen(cache);
    const guardFollower = listen(guard);
    try {
      await until('live', async () => cacheFollower.isLive() && guardFollower.isLive());
      const readers = await readersOf(stream);
      expect(readers).toHaveLength(1);

      await add(stream, 1);
      await until('both heard it', async () => cache.seen.length === 1 && guard.seen.length === 1);
      await redis.client('KILL', 'ID', readers[0]!);
      await until('both told of the gap', async () => cache.gaps >= 1 && guard.gaps >= 1);
      await until('live again', async () => cacheFollower.isLive());

      // One part stopping leaves the other following, on the same connection.
      await cacheFollower.stop();
      expect(cacheFollower.isLive()).toBe(false);
      await add(stream, 2);
      await until('the guard heard it', async () => guard.seen.length === 2);
      expect(cache.seen).toEqual([{ n: 1 }]);
      expect(guard.seen).toEqual([{ n: 1 }, { n: 2 }]);
      expect(await readersOf(stream)).toHaveLength(1);

      // The last part stopping closes the connection.
      await guardFollower.stop();
      await until('no reader left', async () => (await readersOf(stream)).length === 0);
    } finally {
      await hub.stop();
    }
  });

  it('makes a part whose handler throws drop what it derived (a gap), and leaves the others be', async () => {
    const errors: unknown[] = [];
    const hub = createStreamHub({ redisUrl: REDIS_URL, eventNamespace: namespace, onError: (_source, error) => errors.push(error) });
    const stream = eventStream('throwing', namespace);
    let brokenGaps = 0;
    const heard: unknown[] = [];
    const broken = hub.follow('throwing', {
      handle: () => {
        throw new Error('cannot apply');
      },
      onGap: () => brokenGaps++,
    });
    const healthy = hub.follow('throwing', { handle: (event) => void heard.push(event.payload), onGap: () => {} });
    try {
      await until('live', async () => broken.isLive() && healthy.isLive());
      await add(stream, 1);
      await add(stream, 2);
      await until('the healthy part heard both', async () => heard.length === 2);
      expect(brokenGaps).toBe(2);
      expect(errors.map(String)).toEqual(['Error: cannot apply', 'Error: cannot apply']);
      expect(healthy.isLive()).toBe(true);
    } finally {
      await hub.stop();
    }
  });

  it('follows each source on a connection of its own', async () => {
    const hub = createStreamHub({ redisUrl: REDIS_URL, eventNamespace: namespace, onError: () => {} });
    try {
      const followers = ['users', 'social'].map((source) => hub.follow(source, { handle: () => {}, onGap: () => {} }));
      await until('live', async () => followers.every((follower) => follower.isLive()));
      expect(await readersOf(eventStream('users', namespace))).toHaveLength(1);
      expect(await readersOf(eventStream('social', namespace))).toHaveLength(1);
    } finally {
      await hub.stop();
    }
    await until('no reader left', async () => (await readersOf(eventStream('users', namespace))).length === 0);
  });
});
