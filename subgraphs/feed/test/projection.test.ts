import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { createDb, type FeedDb } from '../src/db';
import { applyFeedEvent } from '../src/projection';
import { feedEvent as event, publishedPayload } from './events';

/** The feed's read model from events: idempotent, and indifferent to which stream arrives first. */
let database: TestDatabase;
let db: FeedDb;
const published = (postId: string, creatorId: string, extra: Record<string, unknown> = {}) =>
  event('generation.published', publishedPayload(postId, creatorId, new Date(), extra));

beforeAll(async () => {
  database = await createTestDatabase('feed_projection');
  db = createDb(database.url, 4);
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

it('keeps likes, comments and views that arrive before their post', async () => {
  const postId = randomUUID();
  const creatorId = randomUUID();
  const fan = randomUUID();
  await applyFeedEvent(db, event('social.liked', { userId: fan, generationId: postId, creatorId }));
  await applyFeedEvent(
    db,
    event('social.commented', { userId: fan, generationId: postId, creatorId, commentId: randomUUID(), parentId: null }),
  );
  await applyFeedEvent(db, event('social.viewed', { userId: fan, generationId: postId, creatorId }));
  await applyFeedEvent(db, published(postId, creatorId));
  expect(await db.post.findUniqueOrThrow({ where: { id: postId } })).toMatchObject({ likes: 1, comments: 1, views: 1 });
  expect(await db.pendingCounts.count({ where: { postId } })).toBe(0);
  expect(await db.affinity.findUniqueOrThrow({ where: { userId_creatorId: { userId: fan, creatorId } } })).toMatchObject({ score: 3.2 });
});

it('applies each event once, and concurrent likes racing the post all count', async () => {
  const postId = randomUUID();
  const creatorId = randomUUID();
  const likes = Array.from({ length: 30 }, () => event('social.liked', { userId: randomUUID(), generationId: postId, creatorId }));
  const post = published(postId, creatorId);
  const results = await Promise.all([...likes.slice(0, 15), post, ...likes.slice(15)].map((item) => applyFeedEvent(db, item)));
  expect(results.every(Boolean)).toBe(true);
  expect(await applyFeedEvent(db, likes[0]!)).toBe(false);
  expect(await applyFeedEvent(db, post)).toBe(false);
  expect((await db.post.findUniqueOrThrow({ where: { id: postId } })).likes).toBe(30);
});

it('counts remixes on the source, hides taken-down posts, and ignores what it does not know', async () => {
  const source = randomUUID();
  const remix = randomUUID();
  const creatorId = randomUUID();
  await applyFeedEvent(db, published(source, creatorId));
  await applyFeedEvent(db, published(remix, randomUUID(), { remixOfId: source }));
  expect((await db.post.findUniqueOrThrow({ where: { id: source } })).remixes).toBe(1);
  await applyFeedEvent(db, event('generation.hidden', { generationId: source, creatorId, reason: 'CAMEO_CONSENT_REVOKED' }));
  expect((await db.post.findUniqueOrThrow({ where: { id: source } })).hiddenAt).not.toBeNull();
  expect(await applyFeedEvent(db, event('social.liked', { userId: 'not-a-uuid', generationId: source }))).toBe(true);
  expect(await applyFeedEvent(db, event('something.else', {}))).toBe(true);
  expect((await db.post.findUniqueOrThrow({ where: { id: source } })).likes).toBe(0);
});
