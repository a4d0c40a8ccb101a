import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database';
import { createDb, type UsersDb } from '../src/db';
import { applySocialEvent } from '../src/social-projection';

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
