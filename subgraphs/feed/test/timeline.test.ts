import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { createDb, type FeedDb } from '../src/db';
import { applyFeedEvent } from '../src/projection';
import { followingPagePosts, type PostKey, type TimelineOptions } from '../src/timeline';
import { buildTimelineSteps } from '../src/timeline-build';
import { feedEvent, publishedPayload } from './events';

/** Following from timelines: what fan-out, follows, blocks and hides write, and pages that match reading every followee's posts. */
let database: TestDatabase;
let db: FeedDb;
const statements: string[] = [];
let counted: FeedDb;
const TOP: PostKey = { publishedAt: new Date('9999-12-31T00:00:00Z'), id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' };

const apply = (topic: string, payload: Record<string, unknown>, options?: TimelineOptions) =>
  applyFeedEvent(db, feedEvent(topic, payload), options);
const publish = (creatorId: string, publishedAt: Date, options?: TimelineOptions) => {
  const generationId = randomUUID();
  return apply('generation.published', publishedPayload(generationId, creatorId, publishedAt), options).then(() => generationId);
};
const follow = (followerId: string, followeeId: string, options?: TimelineOptions) =>
  apply('social.followed', { followerId, followeeId }, options);
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
/** The ids of one Following page, as the feed reads it (with the posts' ids as their only column). */
const followingPageIds = async (on: FeedDb, viewerId: string, excluded: string[], before: PostKey, limit: number) =>
  (await followingPagePosts<{ id: string }>(on, viewerId, excluded, before, limit, 'post.id')).map((row) => row.id);

const timeline = async (userId: string) =>
  (await db.timelineEntry.findMany({ where: { userId }, orderBy: [{ publishedAt: 'desc' }, { postId: 'desc' }] })).map((row) => row.postId);

/** Every page, `size` at a time, as a client pages with the (published_at, id) of each page's last post. */
async function pages(viewerId: string, size: number, excluded: string[] = [], on = db): Promise<string[]> {
  const seen: string[] = [];
  let before = TOP;
  for (;;) {
    const ids = await followingPageIds(on, viewerId, excluded, before, size + 1);
    seen.push(...ids.slice(0, size));
    if (ids.length <= size) return seen;
    const last = await on.post.findUniqueOrThrow({ where: { id: ids[size - 1]! } });
    before = { publishedAt: last.publishedAt, id: last.id };
  }
}

/** What Following means, said plainly: every visible post of everyone followed, newest first. */
const everyFolloweePost = async (viewerId: string, excluded: string[] = [], on = db) =>
  (
    await on.$queryRaw<{ id: string }[]>`
      SELECT p.id::text FROM "feed"."post" p JOIN "feed"."follow_edge" f ON f.followee_id = p.creator_id
      WHERE f.follower_id = ${viewerId}::uuid AND p.hidden_at IS NULL AND NOT (p.creator_id = ANY(${excluded}::uuid[]))
      ORDER BY p.published_at DESC, p.id DESC`
  ).map((row) => row.id);

beforeAll(async () => {
  database = await createTestDatabase('feed_timeline');
  db = createDb(database.url, 4);
  counted = createDb(database.url, { poolSize: 1, onQuery: (sql) => statements.push(sql) });
});
afterAll(async () => {
  await counted?.$disconnect();
  await db?.$disconnect();
  await database?.drop();
});

it('fans a new post out to its followers, and a page is one statement', async () => {
  const [creator, fan, other] = [randomUUID(), randomUUID(), randomUUID()];
  await follow(fan, creator);
  const post = await publish(creator, minutesAgo(1));
  expect(await timeline(fan)).toEqual([post]);
  expect(await timeline(other)).toEqual([]);
  statements.length = 0;
  expect(await followingPageIds(counted, fan, [], TOP, 11)).toEqual([post]);
  expect(statements).toHaveLength(1);
});

it('a follow brings the followee’s posts in; an unfollow or a block either way takes them out', async () => {
  const [creator, fan] = [randomUUID(), randomUUID()];
  const posts = [await publish(creator, minutesAgo(3)), await publish(creator, minutesAgo(2))];
  await follow(fan, creator);
  expect(await timeline(fan)).toEqual([...posts].reverse());
  await apply('social.unfollowed', { followerId: fan, followeeId: creator });
  expect(await timeline(fan)).toEqual([]);
  await follow(fan, creator);
  await apply('social.blocked', { blockerId: creator, blockedId: fan });
  expect(await timeline(fan)).toEqual([]);
  expect(await pages(fan, 10)).toEqual([]);
  await follow(fan, creator);
  await apply('social.blocked', { blockerId: fan, blockedId: creator });
  expect(await pages(fan, 10)).toEqual([]);
  expect((await db.creatorReach.findUniqueOrThrow({ where: { creatorId: creator } })).followers).toBe(0);
});

it('never shows a hidden post or an excluded (blocked or muted) creator', async () => {
  const [creator, muted, fan] = [randomUUID(), randomUUID(), randomUUID()];
  await follow(fan, creator);
  await follow(fan, muted);
  const hidden = await publish(creator, minutesAgo(2));
  const shown = await publish(creator, minutesAgo(1));
  await publish(muted, minutesAgo(1));
  await apply('generation.hidden', { generationId: hidden, creatorId: creator, reason: 'CAMEO_CONSENT_REVOKED' });
  expect(await timeline(fan)).not.toContain(hidden);
  expect(await pages(fan, 1, [muted])).toEqual([shown]);
});

it('merges the posts of creators with too many followers at read time, still in one statement', async () => {
  const options = { fanoutMaxFollowers: 1 };
  const [star, friend, fan, other] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  await follow(fan, star, options);
  await follow(other, star, options);
  await follow(fan, friend, options);
  const early = await publish(star, minutesAgo(5), options);
  const friendPost = await publish(friend, minutesAgo(4), options);
  const late = await publish(star, minutesAgo(3), options);
  expect((await db.creatorReach.findUniqueOrThrow({ where: { creatorId: star } })).celebrity).toBe(true);
  expect(await timeline(fan)).toEqual([friendPost]);
  statements.length = 0;
  expect(await followingPageIds(counted, fan, [], TOP, 3)).toEqual([late, friendPost, early]);
  expect(statements).toHaveLength(1);
  expect(await pages(fan, 1)).toEqual([late, friendPost, early]);
  expect(await pages(fan, 2, [star])).toEqual([friendPost]);
  // A follow after the cut-off copies nothing: the merge covers it.
  const newcomer = randomUUID();
  await follow(newcomer, star, options);
  expect(await timeline(newcomer)).toEqual([]);
  expect(await pages(newcomer, 2)).toEqual([late, early]);
});

it('keeps the newest posts only, and pages past the horizon read the posts themselves', async () => {
  const options = { timelineSize: 6 };
  const [prolific, quiet, fan] = [randomUUID(), randomUUID(), randomUUID()];
  const old = [await publish(quiet, minutesAgo(500), options), await publish(quiet, minutesAgo(400), options)];
  for (let i = 0; i < 8; i++) await publish(prolific, minutesAgo(100 - i), options);
  await follow(fan, quiet, options);
  await follow(fan, prolific, options);
  // Six of eight copied: complete only back to the sixth newest, yet the quiet one's older posts are still there.
  expect(await timeline(fan)).toHaveLength(8);
  expect(await timeline(fan)).toEqual(expect.arrayContaining(old));
  const expected = await everyFolloweePost(fan);
  expect(expected).toHaveLength(10);
  for (const size of [1, 2, 3, 5, 9, 10]) expect(await pages(fan, size)).toEqual(expected);
  for (let i = 0; i < 3; i++) await publish(quiet, minutesAgo(50 - i), options);
  expect((await timeline(fan)).length).toBeLessThanOrEqual(8);
  const now = await everyFolloweePost(fan);
  for (const size of [1, 2, 3, 4, 12, 13]) expect(await pages(fan, size)).toEqual(now);
  // Deep in the posts, a page is the old per-followee read: a second statement, never a third.
  const last = await db.post.findUniqueOrThrow({ where: { id: now[6]! } });
  statements.length = 0;
  expect(await followingPageIds(counted, fan, [], { publishedAt: last.publishedAt, id: last.id }, 3)).toEqual(now.slice(7, 10));
  expect(statements).toHaveLength(2);
});

it('pages exactly like every followee’s posts, whatever the follows, posts, hides and cut-offs (property)', async () => {
  const action = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({ kind: fc.constant('publish' as const), creator: fc.nat(5), minutes: fc.integer({ min: 1, max: 10_000 }) }),
    },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('follow' as const), a: fc.nat(5), b: fc.nat(5) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('unfollow' as const, 'block' as const), a: fc.nat(5), b: fc.nat(5) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('hide' as const), nth: fc.nat() }) },
  );
  await fc.assert(
    fc.asyncProperty(
      fc.array(action, { minLength: 20, maxLength: 60, size: 'max' }),
      fc.integer({ min: 0, max: 4 }),
      fc.integer({ min: 1, max: 8 }),
      fc.integer({ min: 1, max: 3 }),
      fc.subarray([0, 1, 2, 3, 4, 5]),
      async (actions, fanoutMaxFollowers, timelineSize, pageSize, excludedUsers) => {
        const options = { fanoutMaxFollowers, timelineSize };
        const users = Array.from({ length: 6 }, () => randomUUID());
        const posts: string[] = [];
        for (const step of actions) {
          if (step.kind === 'publish') posts.push(await publish(users[step.creator]!, minutesAgo(step.minutes), options));
          else if (step.kind === 'hide') {
            if (posts.length) await apply('generation.hidden', { generationId: posts[step.nth % posts.length] }, options);
          } else if (step.a !== step.b) {
            const [a, b] = [users[step.a]!, users[step.b]!];
            if (step.kind === 'follow') await follow(a, b, options);
            else if (step.kind === 'unfollow') await apply('social.unfollowed', { followerId: a, followeeId: b }, options);
            else await apply('social.blocked', { blockerId: a, blockedId: b }, options);
          }
        }
        const excluded = excludedUsers.map((n) => users[n]!);
        for (const viewer of users) expect(await pages(viewer, pageSize, excluded)).toEqual(await everyFolloweePost(viewer, excluded));
      },
    ),
    { numRuns: 25 },
  );
});

it('builds timelines for a data set written without them, with pages unchanged', async () => {
  const fresh = await createTestDatabase('feed_timeline_build');
  const built = createDb(fresh.url, 2);
  try {
    const users = Array.from({ length: 8 }, () => randomUUID());
    // Written as the seed writes: straight into the read model, no events.
    await built.post.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({ id: randomUUID(), creatorId: users[i % 5]!, publishedAt: minutesAgo(i * 7) })),
    });
    await built.followEdge.createMany({
      data: users.flatMap((follower, i) =>
        users.filter((_, j) => j !== i && (i + j) % 3 !== 0).map((followee) => ({ followerId: follower, followeeId: followee })),
      ),
    });
    const client = new pg.Client({ connectionString: fresh.url });
    await client.connect();
    try {
      for (const { sql } of buildTimelineSteps({ timelineSize: 10, fanoutMaxFollowers: 4 })) await client.query(sql);
    } finally {
      await client.end();
    }
    expect(await built.timelineEntry.count()).toBeGreaterThan(0);
    expect(await built.creatorReach.count({ where: { celebrity: true } })).toBeGreaterThan(0);
    for (const viewer of users) expect(await pages(viewer, 7, [], built)).toEqual(await everyFolloweePost(viewer, [], built));
  } finally {
    await built.$disconnect();
    await fresh.drop();
  }
});
