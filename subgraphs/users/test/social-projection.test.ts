import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { eventStream, toStreamFields } from '../../shared/src/events';
import { createEventTransport } from '../../shared/src/event-transport';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database';
import { createDb, type UsersDb } from '../src/db';
import { applySocialEvent, startSocialProjection } from '../src/social-projection';

let database: TestDatabase;
let db: UsersDb;
const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

beforeAll(async () => {
  database = await createTestDatabase('users_social_projection');
  db = createDb(database.url, 2);
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const edges = async () => ({
  follows: (await db.followEdge.findMany()).map((edge) => `${edge.followerId === A ? 'A' : 'B'}->${edge.followeeId === A ? 'A' : 'B'}`).sort(),
  blocks: (await db.blockEdge.findMany()).map((edge) => `${edge.blockerId === A ? 'A' : 'B'}x${edge.blockedId === A ? 'A' : 'B'}`),
});

describe('the social projection', () => {
  it('applies follows once, even when an event is replayed', async () => {
    expect(await applySocialEvent(db, { id: 's-1', topic: 'social.followed', payload: { followerId: A, followeeId: B } })).toBe(true);
    expect(await applySocialEvent(db, { id: 's-1', topic: 'social.followed', payload: { followerId: A, followeeId: B } })).toBe(false);
    await applySocialEvent(db, { id: 's-2', topic: 'social.followed', payload: { followerId: B, followeeId: A } });
    expect(await edges()).toEqual({ follows: ['A->B', 'B->A'], blocks: [] });
  });

  it('a block removes follows both ways; an unblock does not restore them', async () => {
    await applySocialEvent(db, { id: 's-3', topic: 'social.blocked', payload: { blockerId: B, blockedId: A } });
    expect(await edges()).toEqual({ follows: [], blocks: ['BxA'] });
    await applySocialEvent(db, { id: 's-4', topic: 'social.unblocked', payload: { blockerId: B, blockedId: A } });
    expect(await edges()).toEqual({ follows: [], blocks: [] });
  });

  it('an unfollow replayed after a new follow does not undo it', async () => {
    await applySocialEvent(db, { id: 's-5', topic: 'social.followed', payload: { followerId: A, followeeId: B } });
    await applySocialEvent(db, { id: 's-6', topic: 'social.unfollowed', payload: { followerId: A, followeeId: B } });
    await applySocialEvent(db, { id: 's-7', topic: 'social.followed', payload: { followerId: A, followeeId: B } });
    expect(await applySocialEvent(db, { id: 's-6', topic: 'social.unfollowed', payload: { followerId: A, followeeId: B } })).toBe(false);
    expect(await edges()).toEqual({ follows: ['A->B'], blocks: [] });
  });
});

describe('the projection fed from the social event stream', () => {
  it('applies each event once, skips malformed ones, and picks up events written before it started', async () => {
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const namespace = `cameo-test-${randomBytes(4).toString('hex')}`;
    const stream = eventStream('social', namespace);
    const redis = new Redis(redisUrl);
    const C = '33333333-3333-4333-8333-333333333333';
    const publish = (id: string, topic: string, payload: unknown) =>
      redis.xadd(stream, '*', ...toStreamFields({ id, topic, payload, at: new Date().toISOString() }));
    const errors: unknown[] = [];
    await publish('social:1', 'social.followed', { followerId: C, followeeId: A });
    const transport = createEventTransport({ kind: 'redis', subgraph: 'users', db, redisUrl, namespace, onError: (error) => errors.push(error) });
    startSocialProjection(db, transport);
    try {
      await publish('social:1', 'social.followed', { followerId: C, followeeId: A }); // redelivered duplicate
      await publish('social:2', 'social.followed', { followerId: 'not-a-uuid', followeeId: A });
      await publish('social:3', 'social.liked', { postId: 'x' });
      await publish('social:4', 'social.followed', { followerId: A, followeeId: C });
      // Wait until the consumer group has acknowledged all five entries.
      for (let attempt = 0; attempt < 200; attempt++) {
        const groups = (await redis.xinfo('GROUPS', stream)) as unknown[][];
        const info = Object.fromEntries(
          (groups[0] ?? []).reduce<unknown[][]>((pairs, value, i, all) => (i % 2 ? pairs : [...pairs, [value, all[i + 1]]]), []),
        );
        if (info['entries-read'] === 5 && info.pending === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const follows = await db.followEdge.findMany({ where: { OR: [{ followerId: C }, { followeeId: C }] } });
      expect(follows.map((edge) => `${edge.followerId === C ? 'C' : 'A'}->${edge.followeeId === C ? 'C' : 'A'}`).sort()).toEqual(['A->C', 'C->A']);
      expect(await db.processedEvent.count({ where: { eventId: { startsWith: 'social:' } } })).toBe(2);
      expect(errors).toEqual([]);
    } finally {
      await transport.close();
      await redis.del(stream);
      redis.disconnect();
    }
  });
});
