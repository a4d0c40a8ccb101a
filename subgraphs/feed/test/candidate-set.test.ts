import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { CANDIDATE_SET_TTL_MS, buildCandidateSet, readCandidatePool, sweepCandidateSets } from '../src/candidate-set';
import { createDb, type FeedDb } from '../src/db';
import { applyFeedEvent } from '../src/projection';
import { feedEvent as event, publishedPayload } from './events';

/**
 * For You's candidate sets, kept fresh by events, give the pool the gather query gave when it
 * ran on every first page (below as it was): same posts, whatever happened since the set was built.
 */
let database: TestDatabase;
let db: FeedDb;
const HOUR = 3_600_000;
const publish = async (creatorId: string, hoursAgo: number, extra: Record<string, unknown> = {}) => {
  const postId = randomUUID();
  await applyFeedEvent(
    db,
    event('generation.published', publishedPayload(postId, creatorId, new Date(Date.now() - hoursAgo * HOUR), extra)),
  );
  return postId;
};
const follow = (followerId: string, followeeId: string) => applyFeedEvent(db, event('social.followed', { followerId, followeeId }));

/** The gather For You ran on every first page before candidate sets. */
const gathered = async (viewer: string) =>
  (
    await db.$queryRaw<{ id: string }[]>`
    WITH following AS (SELECT followee_id FROM "feed"."follow_edge" WHERE follower_id = ${viewer}::uuid),
    pool AS (
      (SELECT p.id FROM following f CROSS JOIN LATERAL (
         SELECT id, published_at FROM "feed"."post" WHERE creator_id = f.followee_id AND hidden_at IS NULL
         ORDER BY published_at DESC, id DESC LIMIT 3) p
       WHERE p.published_at > now() - interval '14 days' ORDER BY p.published_at DESC LIMIT 200)
      UNION
      (SELECT id FROM "feed"."post" WHERE hidden_at IS NULL AND published_at > now() - interval '48 hours' ORDER BY hot DESC LIMIT 300)
      UNION
      (SELECT p.id FROM "feed"."post" p WHERE p.hidden_at IS NULL AND p.remix_of_id IN
         (SELECT post_id FROM "feed"."engaged" WHERE user_id = ${viewer}::uuid ORDER BY at DESC LIMIT 50) LIMIT 100)
      UNION
      (SELECT c.post_id FROM following f CROSS JOIN LATERAL (
         SELECT post_id, published_at FROM "feed"."post_cast" WHERE owner_id = f.followee_id ORDER BY published_at DESC LIMIT 3) c
       WHERE c.published_at > now() - interval '14 days' ORDER BY c.published_at DESC LIMIT 100)
    )
    SELECT p.id FROM "feed"."post" p WHERE p.id = ANY(ARRAY(SELECT id FROM pool)) AND p.hidden_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM "feed"."seen" s WHERE s.user_id = ${viewer}::uuid AND s.post_id = p.id)`
  )
    .map((row) => row.id)
    .sort();
const pool = async (viewer: string) => (await readCandidatePool(db, viewer)).pool.map((post) => post.id).sort();
const hasSet = async (viewer: string) => (await db.candidateSet.count({ where: { viewerId: viewer } })) === 1;

beforeAll(async () => {
  database = await createTestDatabase('feed_candidate_set');
  db = createDb(database.url, 4);
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

it('reads what the gather read, and stays so as followees post, cast each other and are taken down', async () => {
  const viewer = randomUUID();
  const followees = Array.from({ length: 5 }, () => randomUUID());
  for (const followee of followees) await follow(viewer, followee);
  // Older than 48 hours, so trending does not hide what the set gets wrong; some past 14 days.
  for (const [i, followee] of followees.entries()) for (let n = 0; n < 5; n++) await publish(followee, 50 + i * 20 + n * 70);
  await publish(randomUUID(), 60, { cameoIds: [randomUUID()], cameoOwnerIds: [followees[0]] });
  await buildCandidateSet(db, viewer);
  expect((await readCandidatePool(db, viewer)).builtAt).not.toBeNull();
  expect(await pool(viewer)).toEqual(await gathered(viewer));

  const fresh = await publish(followees[1]!, 49);
  await publish(randomUUID(), 49, { cameoIds: [randomUUID()], cameoOwnerIds: [followees[2]] });
  expect(await pool(viewer)).toContain(fresh);
  expect(await pool(viewer)).toEqual(await gathered(viewer));
  expect(await db.candidate.count({ where: { viewerId: viewer, sourceId: followees[1]! } })).toBeLessThanOrEqual(3);

  // A take-down lets an older post of the same followee back in: the set is gathered again.
  await applyFeedEvent(db, event('generation.hidden', { generationId: fresh, creatorId: followees[1], reason: 'REMOVED' }));
  expect(await hasSet(viewer)).toBe(false);
  await buildCandidateSet(db, viewer);
  expect(await pool(viewer)).not.toContain(fresh);
  expect(await pool(viewer)).toEqual(await gathered(viewer));
});

it('drops a set when its viewer follows, unfollows, blocks or is blocked', async () => {
  const [viewer, followee, other] = [randomUUID(), randomUUID(), randomUUID()];
  await follow(viewer, followee);
  const post = await publish(followee, 60);
  for (const [topic, payload] of [
    ['social.unfollowed', { followerId: viewer, followeeId: followee }],
    ['social.followed', { followerId: viewer, followeeId: other }],
    ['social.blocked', { blockerId: followee, blockedId: viewer }],
  ] as const) {
    await buildCandidateSet(db, viewer);
    expect(await hasSet(viewer)).toBe(true);
    await applyFeedEvent(db, event(topic, payload));
    expect(await hasSet(viewer)).toBe(false);
  }
  await buildCandidateSet(db, viewer);
  expect(await pool(viewer)).not.toContain(post);
  expect(await pool(viewer)).toEqual(await gathered(viewer));
});

it('sweeps the sets of viewers who stayed away, and writes new posts to the sets that remain only', async () => {
  const [away, active, followee] = [randomUUID(), randomUUID(), randomUUID()];
  await follow(away, followee);
  await follow(active, followee);
  await buildCandidateSet(db, away);
  await buildCandidateSet(db, active);
  await db.candidateSet.update({ where: { viewerId: away }, data: { builtAt: new Date(Date.now() - CANDIDATE_SET_TTL_MS - 1000) } });
  expect(await sweepCandidateSets(db)).toBeGreaterThanOrEqual(1);
  expect([await hasSet(away), await hasSet(active)]).toEqual([false, true]);
  const post = await publish(followee, 60);
  expect(await db.candidate.findMany({ where: { postId: post }, select: { viewerId: true } })).toEqual([{ viewerId: active }]);
});

it('reads times to the millisecond, and each post’s words only for a viewer who steers', async () => {
  const [viewer, followee] = [randomUUID(), randomUUID()];
  await follow(viewer, followee);
  const publishedAt = new Date(Date.now() - 2 * HOUR + 123);
  const postId = randomUUID();
  await applyFeedEvent(
    db,
    event('generation.published', publishedPayload(postId, followee, publishedAt, { caption: 'two cats', prompt: 'on a boat' })),
  );
  await buildCandidateSet(db, viewer);
  const { builtAt } = (await db.candidateSet.findUnique({ where: { viewerId: viewer } }))!;

  const plain = await readCandidatePool(db, viewer);
  expect(plain.builtAt).toEqual(builtAt);
  expect(plain.steers).toBe(false);
  expect(plain.pool.find((post) => post.id === postId)).toMatchObject({ publishedAt, text: '' });

  await db.preference.create({ data: { userId: viewer, text: 'more cats', more: ['cats'], less: [] } });
  const steering = await readCandidatePool(db, viewer);
  expect(steering.steers).toBe(true);
  expect(steering.pool.find((post) => post.id === postId)).toMatchObject({ publishedAt, text: 'two cats on a boat' });

  // Terms set and then cleared: nothing to steer by.
  await db.preference.update({ where: { userId: viewer }, data: { more: [], less: [] } });
  expect((await readCandidatePool(db, viewer)).steers).toBe(false);
});
