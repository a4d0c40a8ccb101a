import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { until } from '@cameo/test-helpers/graphql';
import { createMemoryPubSub, createRedisPubSub, type EventStream, type PubSub } from '../src/pubsub';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `cameo-test-${randomBytes(4).toString('hex')}:`;

async function take(stream: EventStream, count: number): Promise<unknown[]> {
  const values: unknown[] = [];
  while (values.length < count) {
    const next = await stream.next();
    if (next.done) break;
    values.push(next.value);
  }
  return values;
}

const implementations: [string, (bufferSize?: number) => PubSub][] = [
  ['memory', (bufferSize) => createMemoryPubSub({ bufferSize })],
  ['redis', (bufferSize) => createRedisPubSub(REDIS_URL, { prefix, bufferSize })],
];

describe.each(implementations)('%s pub/sub', (_name, create) => {
  let bus: PubSub;
  beforeEach(() => {
    bus = create(3);
  });
  afterEach(() => bus.close());

  it('delivers events in order to every subscriber of the topic, and nothing else', async () => {
    const a = bus.subscribe('progress:1');
    const b = bus.subscribe('progress:1');
    const other = bus.subscribe('progress:2');
    await Promise.all([a.ready, b.ready, other.ready]);
    for (const n of [1, 2, 3]) await bus.publish('progress:1', { n });
    await bus.publish('progress:2', { n: 99 });
    expect(await take(a, 3)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(await take(b, 3)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(await take(other, 1)).toEqual([{ n: 99 }]);
  });

  it('ends a subscriber that falls more than its buffer behind', async () => {
    const slow = bus.subscribe('busy');
    await slow.ready;
    for (const n of [1, 2, 3, 4]) await bus.publish('busy', n);
    // Wait until the overflow has happened: the first three are still readable, then the error.
    const fast = bus.subscribe('busy-marker');
    await fast.ready;
    await bus.publish('busy-marker', 'sent');
    await take(fast, 1);
    expect(await take(slow, 3)).toEqual([1, 2, 3]);
    await expect(slow.next()).rejects.toMatchObject({ code: 'SUBSCRIBER_OVERFLOW' });
  });

  it('return() ends a stream parked on a quiet topic at once', async () => {
    const quiet = bus.subscribe('quiet');
    await quiet.ready;
    const pending = quiet.next();
    await quiet.return();
    expect(await pending).toEqual({ value: undefined, done: true });
  });

  it('close() ends every open stream', async () => {
    const stream = bus.subscribe('closing');
    await stream.ready;
    const pending = stream.next();
    await bus.close();
    expect(await pending).toEqual({ value: undefined, done: true });
    bus = create();
  });
});

const numsub = async (redis: Redis, channel: string) => Number(((await redis.pubsub('NUMSUB', channel)) as [string, number])[1]);

describe('redis pub/sub across processes', () => {
  it('carries events between two instances and unsubscribes from Redis when the last reader leaves', async () => {
    const publisherSide = createRedisPubSub(REDIS_URL, { prefix });
    const subscriberSide = createRedisPubSub(REDIS_URL, { prefix });
    const inspector = new Redis(REDIS_URL);
    try {
      const first = subscriberSide.subscribe('cross');
      const second = subscriberSide.subscribe('cross');
      await Promise.all([first.ready, second.ready]);
      expect(await inspector.pubsub('NUMSUB', `${prefix}cross`)).toEqual([`${prefix}cross`, 1]);
      await publisherSide.publish('cross', { from: 'elsewhere' });
      expect(await take(first, 1)).toEqual([{ from: 'elsewhere' }]);
      expect(await take(second, 1)).toEqual([{ from: 'elsewhere' }]);

      await first.return();
      expect(await inspector.pubsub('NUMSUB', `${prefix}cross`)).toEqual([`${prefix}cross`, 1]);
      await second.return();
      // UNSUBSCRIBE is sent asynchronously when the last reader leaves: wait for Redis to see it.
      await until('Redis to see the UNSUBSCRIBE', async () => (await numsub(inspector, `${prefix}cross`)) === 0);
      expect(await numsub(inspector, `${prefix}cross`)).toBe(0);
      await subscriberSide.close();
    } finally {
      await publisherSide.close();
      inspector.disconnect();
    }
  });
});

describe('redis pub/sub while Redis is unreachable', () => {
  it('close() ends the open streams and returns instead of waiting for Redis', async () => {
    // A "Redis" that drops every connection: ioredis retries, the SUBSCRIBE stays queued.
    const attempts: Socket[] = [];
    const unreachable = createServer((socket) => {
      attempts.push(socket);
      socket.destroy();
    });
    await new Promise<void>((resolve) => unreachable.listen(0, '127.0.0.1', resolve));
    try {
      const bus = createRedisPubSub(`redis://127.0.0.1:${(unreachable.address() as AddressInfo).port}`, { prefix });
      const stream = bus.subscribe('stranded');
      // Both connections have been dropped at least once: the SUBSCRIBE waits on a retrying
      // connection, and close() must not wait on it.
      await until('ioredis retrying', () => attempts.length >= 3);
      await bus.close();
      expect(await stream.next()).toEqual({ done: true, value: undefined });
    } finally {
      unreachable.close();
    }
  }, 10_000);
});
