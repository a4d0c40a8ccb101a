import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { freePort } from '../src/listen';
import { eventStream, startStreamConsumer, toStreamFields, type DomainEvent } from '../src/events';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const namespace = `cameo-test-${randomBytes(4).toString('hex')}`;

describe('stream consumer', () => {
  const redis = new Redis(REDIS_URL);
  afterAll(async () => {
    const keys = await redis.keys(`${namespace}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('hands every event to its handler once and acknowledges it', async () => {
    const stream = eventStream('producer', namespace);
    const handled: DomainEvent[] = [];
    const consumer = startStreamConsumer({ redisUrl: REDIS_URL, stream, group: 'reader', onError: () => {}, handle: async (event) => void handled.push(event) });
    for (const n of [1, 2]) await redis.xadd(stream, '*', ...toStreamFields({ id: `producer:${n}`, topic: 'thing.made', payload: { n }, at: '' }));
    while (handled.length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    await consumer.stop();
    expect(handled.map((event) => event.payload)).toEqual([{ n: 1 }, { n: 2 }]);
    // Acknowledged: nothing is left pending for the group.
    expect((await redis.xpending(stream, 'reader'))[0]).toBe(0);
  });

  it('stops while its Redis is unreachable instead of waiting for it to return', async () => {
    const errors: unknown[] = [];
    const consumer = startStreamConsumer({
      redisUrl: `redis://127.0.0.1:${await freePort()}`,
      stream: eventStream('producer', namespace),
      group: 'stranded',
      onError: (error) => errors.push(error),
      handle: async () => {},
    });
    // Several refused connections later the client is between reconnect attempts, its first
    // command queued: the state a shutdown during a Redis outage finds it in.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await consumer.stop();
    expect(errors).toEqual([]);
  }, 10_000);
});
