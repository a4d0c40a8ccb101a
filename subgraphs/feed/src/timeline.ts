import { plainQuery } from '@cameo/kernel/prisma';
import type { FeedDb } from './db';

/**
 * Following, materialised. Each viewer has a timeline: the newest TIMELINE_SIZE posts of the
 * people they follow, keyed (user_id, published_at, post_id), so a Following page is one range of
 * that key instead of one index probe per followee. The projection keeps it in the same
 * transaction as each event (replays stay idempotent):
 * - a published post is fanned out to its creator's followers, unless the creator has more than
 *   `fanoutMaxFollowers`: then the creator becomes a celebrity, never fanned out again, and every
 *   read merges their posts in (one probe per celebrity followed, never per followee);
 * - a follow copies the followee's newest posts in, an unfollow or a block takes them out, a
 *   hidden post leaves every timeline.
 * A timeline is complete back to its horizon (TimelineState in schema.prisma); a page that reaches
 * below it is read the old way, from the followees' posts, with the same (published_at, id) keys,
 * so cursors work across the boundary and deep pages show exactly what they always did.
 */

type Tx = Parameters<Parameters<FeedDb['$transaction']>[0]>[0];
type Sql = Pick<Tx, '$queryRaw' | '$executeRaw'>;

/** Posts kept per timeline (the newest); a timeline grows by a quarter more before it is trimmed (a trim per 200 posts, not per post). */
export const TIMELINE_SIZE = 800;
/**
 * Followers above which a creator's posts are merged at read time instead of written into each
 * follower's timeline: a post costs at most this many rows, a page one probe per celebrity followed.
 */
export const FANOUT_MAX_FOLLOWERS = 5000;

export interface TimelineOptions {
  /** Default FANOUT_MAX_FOLLOWERS; tests set it low to make celebrities. */
  fanoutMaxFollowers?: number;
  /** Default TIMELINE_SIZE; tests set it low to page across horizons. */
  timelineSize?: number;
}

const sizes = (options: TimelineOptions) => {
  const keep = options.timelineSize ?? TIMELINE_SIZE;
  return { keep, trimAbove: keep + Math.ceil(keep / 4) };
};

/** The key of a post in a timeline and of a Following cursor. */
export interface PostKey {
  publishedAt: Date;
  id: string;
}

/**
 * Serializes what changes one creator's followers with what fans out their posts: a follow applied
 * while a post of theirs is being fanned out would otherwise see neither the post nor be seen by it.
 */
const lockCreator = (tx: Sql, creatorId: string) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${creatorId}, 43))`;

/**
 * Locks the timeline sizes of a creator's followers in user order, the order every other writer
 * of several takes them in (a block touches two), so two writers never wait on each other in a cycle.
 */
const lockFollowerTimelines = (tx: Sql, creatorId: string) => tx.$executeRaw`
  SELECT 1 FROM "feed"."timeline_state" WHERE user_id IN (SELECT follower_id FROM "feed"."follow_edge" WHERE followee_id = ${creatorId}::uuid)
  ORDER BY user_id FOR UPDATE`;

/** Fans a new post out to its creator's followers, or marks the creator a celebrity. */
export async function timelinePublished(tx: Tx, post: PostKey & { creatorId: string }, options: TimelineOptions = {}): Promise<void> {
  await lockCreator(tx, post.creatorId);
  const [reach] = await tx.$queryRaw<{ followers: number; celebrity: boolean }[]>`
    SELECT followers, celebrity FROM "feed"."creator_reach" WHERE creator_id = ${post.creatorId}::uuid`;
  if (reach && (reach.celebrity || reach.followers > (options.fanoutMaxFollowers ?? FANOUT_MAX_FOLLOWERS))) {
    // Set before the first post that is not fanned out: readers merge every post of a celebrity.
    if (!reach.celebrity)
      await tx.$executeRaw`UPDATE "feed"."creator_reach" SET celebrity = true WHERE creator_id = ${post.creatorId}::uuid`;
    return;
  }
  await lockFollowerTimelines(tx, post.creatorId);
  const grown = await tx.$queryRaw<{ user_id: string }[]>`
    WITH added AS (
      INSERT INTO "feed"."timeline" (user_id, published_at, post_id, creator_id)
      SELECT follower_id, ${post.publishedAt}::timestamptz, ${post.id}::uuid, ${post.creatorId}::uuid
      FROM "feed"."follow_edge" WHERE followee_id = ${post.creatorId}::uuid
      ON CONFLICT DO NOTHING RETURNING user_id),
    sized AS (
      UPDATE "feed"."timeline_state" s SET size = s.size + 1 FROM added a WHERE s.user_id = a.user_id RETURNING s.user_id, s.size)
    SELECT user_id::text FROM sized WHERE size > ${sizes(options).trimAbove}`;
  await trim(
    tx,
    grown.map((row) => row.user_id),
    sizes(options).keep,
  );
}

/** A new follow (the edge, the follower count) and the followee's newest posts copied into the follower's timeline. */
export async function timelineFollowed(tx: Tx, followerId: string, followeeId: string, options: TimelineOptions = {}): Promise<void> {
  const { keep, trimAbove } = sizes(options);
  await lockCreator(tx, followeeId);
  const added = await tx.$executeRaw`
    INSERT INTO "feed"."follow_edge" (follower_id, followee_id) VALUES (${followerId}::uuid, ${followeeId}::uuid) ON CONFLICT DO NOTHING`;
  if (added === 0) return;
  const [reach] = await tx.$queryRaw<{ celebrity: boolean }[]>`
    INSERT INTO "feed"."creator_reach" (creator_id, followers) VALUES (${followeeId}::uuid, 1)
    ON CONFLICT (creator_id) DO UPDATE SET followers = creator_reach.followers + 1 RETURNING celebrity`;
  await tx.$executeRaw`INSERT INTO "feed"."timeline_state" (user_id) VALUES (${followerId}::uuid) ON CONFLICT DO NOTHING`;
  if (reach!.celebrity) return;
  // Only what lies within the horizon: older posts are read from the posts table anyway.
  const picked = await tx.$queryRaw<{ id: string; published_at: Date }[]>`
    SELECT p.id::text, p.published_at FROM "feed"."post" p, "feed"."timeline_state" s
    WHERE s.user_id = ${followerId}::uuid AND p.creator_id = ${followeeId}::uuid AND p.hidden_at IS NULL
      AND (s.horizon_at IS NULL OR (p.published_at, p.id) >= (s.horizon_at, s.horizon_id))
    ORDER BY p.published_at DESC, p.id DESC LIMIT ${keep + 1}`;
  const copied = picked.slice(0, keep);
  if (copied.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "feed"."timeline" (user_id, published_at, post_id, creator_id)
    SELECT ${followerId}::uuid, t.published_at, t.id, ${followeeId}::uuid
    FROM unnest(${copied.map((row) => row.published_at.toISOString())}::timestamptz[], ${copied.map((row) => row.id)}::uuid[]) AS t(published_at, id)
    ON CONFLICT DO NOTHING`;
  // A followee with more posts than were copied: the timeline is complete only back to the oldest copied.
  const oldest = picked.length > copied.length ? copied.at(-1)! : null;
  const [state] = await tx.$queryRaw<{ size: number }[]>`
    UPDATE "feed"."timeline_state" SET size = size + ${copied.length},
      horizon_at = CASE WHEN ${oldest !== null} AND (horizon_at IS NULL OR (${oldest?.published_at ?? null}::timestamptz, ${oldest?.id ?? null}::uuid) > (horizon_at, horizon_id))
        THEN ${oldest?.published_at ?? null}::timestamptz ELSE horizon_at END,
      horizon_id = CASE WHEN ${oldest !== null} AND (horizon_at IS NULL OR (${oldest?.published_at ?? null}::timestamptz, ${oldest?.id ?? null}::uuid) > (horizon_at, horizon_id))
        THEN ${oldest?.id ?? null}::uuid ELSE horizon_id END
    WHERE user_id = ${followerId}::uuid RETURNING size`;
  if (state!.size > trimAbove) await trim(tx, [followerId], keep);
}

/** A follow ended (an unfollow, or a block either way): the edge, the count and the followee's posts in the follower's timeline go. */
export async function timelineUnfollowed(tx: Tx, followerId: string, followeeId: string): Promise<void> {
  await lockCreator(tx, followeeId);
  const removed = await tx.$executeRaw`
    DELETE FROM "feed"."follow_edge" WHERE follower_id = ${followerId}::uuid AND followee_id = ${followeeId}::uuid`;
  if (removed === 0) return;
  await tx.$executeRaw`UPDATE "feed"."creator_reach" SET followers = greatest(followers - 1, 0) WHERE creator_id = ${followeeId}::uuid`;
  await tx.$executeRaw`
    WITH gone AS (DELETE FROM "feed"."timeline" WHERE user_id = ${followerId}::uuid AND creator_id = ${followeeId}::uuid RETURNING 1)
    UPDATE "feed"."timeline_state" SET size = greatest(size - (SELECT count(*) FROM gone), 0) WHERE user_id = ${followerId}::uuid`;
}

/** A block ends the follows both ways (creators and timelines locked in user order, so writers never deadlock). */
export async function timelineBlocked(tx: Tx, blockerId: string, blockedId: string): Promise<void> {
  // Postgres orders uuids as their lower-case text.
  const [first, second] = [blockerId, blockedId].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())) as [string, string];
  await lockCreator(tx, first);
  await lockCreator(tx, second);
  await timelineUnfollowed(tx, first, second);
  await timelineUnfollowed(tx, second, first);
}

/** A hidden post leaves every timeline it was fanned out to (its creator's followers). */
export async function timelineHidden(tx: Tx, postId: string): Promise<void> {
  const [post] = await tx.$queryRaw<{ creator_id: string }[]>`SELECT creator_id::text FROM "feed"."post" WHERE id = ${postId}::uuid`;
  if (!post) return;
  await lockCreator(tx, post.creator_id);
  await lockFollowerTimelines(tx, post.creator_id);
  await tx.$executeRaw`
    WITH gone AS (
      DELETE FROM "feed"."timeline" t USING "feed"."follow_edge" f, "feed"."post" p
      WHERE p.id = ${postId}::uuid AND f.followee_id = p.creator_id AND t.user_id = f.follower_id
        AND t.published_at = p.published_at AND t.post_id = p.id
      RETURNING t.user_id)
    UPDATE "feed"."timeline_state" s SET size = greatest(s.size - 1, 0) FROM gone g WHERE s.user_id = g.user_id`;
}

/** Cuts timelines back to their newest `keep` posts; each one's horizon moves up to the oldest it keeps. */
async function trim(tx: Sql, userIds: string[], keep: number): Promise<void> {
  if (userIds.length === 0) return;
  await tx.$executeRaw`
    WITH cut AS (
      SELECT s.user_id, k.published_at, k.post_id FROM "feed"."timeline_state" s CROSS JOIN LATERAL (
        SELECT published_at, post_id FROM "feed"."timeline" t WHERE t.user_id = s.user_id
        ORDER BY published_at DESC, post_id DESC OFFSET ${keep - 1} LIMIT 1) k
      WHERE s.user_id = ANY(${userIds}::uuid[])),
    gone AS (
      DELETE FROM "feed"."timeline" t USING cut c WHERE t.user_id = c.user_id AND (t.published_at, t.post_id) < (c.published_at, c.post_id))
    UPDATE "feed"."timeline_state" s SET size = ${keep},
      horizon_at = CASE WHEN s.horizon_at IS NULL OR (c.published_at, c.post_id) > (s.horizon_at, s.horizon_id) THEN c.published_at ELSE s.horizon_at END,
      horizon_id = CASE WHEN s.horizon_at IS NULL OR (c.published_at, c.post_id) > (s.horizon_at, s.horizon_id) THEN c.post_id ELSE s.horizon_id END
    FROM cut c WHERE s.user_id = c.user_id`;
}

/**
 * One Following page (`limit` posts older than `before`, newest first) as rows of `post`
 * (aliased `post`) with the given columns: the timeline's range merged with the celebrities'
 * newest posts, and those posts' rows, in one statement (the ids and then the rows were two: each
 * round trip to PostgreSQL cost the feed a socket write and PostgreSQL a statement, on every
 * page). Hidden posts are left out. When that page reaches below the viewer's horizon (or the
 * timeline is not built), the page is read from every followee's posts instead, from the same
 * key: the two reads give the same page wherever both are complete.
 *
 * `columns` must be a constant (it is part of the prepared statement's text) and select `post.id`.
 */
export async function followingPagePosts<Row extends { id: string }>(
  db: FeedDb,
  viewerId: string,
  excluded: string[],
  before: PostKey,
  limit: number,
  columns: string,
): Promise<Row[]> {
  // Every Following page asks: a prepared statement (plainQuery). The page's ids are counted and
  // checked against the horizon before hidden posts are dropped, as a read of the ids alone would.
  const rows = await plainQuery<Row & { page_size: number; known: boolean | null; whole: boolean }>(
    db,
    `WITH state AS (SELECT horizon_at, horizon_id FROM "feed"."timeline_state" WHERE user_id = $1::uuid),
    merged AS (
      (SELECT post_id AS id, published_at FROM "feed"."timeline"
       WHERE user_id = $1::uuid AND (published_at, post_id) < ($2::timestamptz, $3::uuid)
         AND NOT (creator_id = ANY($4::uuid[]))
       ORDER BY published_at DESC, post_id DESC LIMIT $5)
      UNION
      (SELECT p.id, p.published_at FROM "feed"."creator_reach" r
       JOIN "feed"."follow_edge" f ON f.follower_id = $1::uuid AND f.followee_id = r.creator_id
       CROSS JOIN LATERAL (
         SELECT id, published_at FROM "feed"."post" WHERE creator_id = r.creator_id AND hidden_at IS NULL
           AND (published_at, id) < ($2::timestamptz, $3::uuid)
         ORDER BY published_at DESC, id DESC LIMIT $5) p
       WHERE r.celebrity AND NOT (r.creator_id = ANY($4::uuid[])))),
    page AS (SELECT id, published_at FROM merged ORDER BY published_at DESC, id DESC LIMIT $5),
    head AS (
      SELECT array_agg(page.id) AS ids, count(page.id)::int AS page_size,
        bool_and(s.horizon_at IS NULL OR (page.published_at, page.id) >= (s.horizon_at, s.horizon_id)) AS known,
        NOT EXISTS (SELECT 1 FROM state WHERE horizon_at IS NOT NULL) AS whole
      FROM page LEFT JOIN state s ON true)
    SELECT head.page_size, head.known, head.whole, ${columns}
    FROM head LEFT JOIN "feed"."post" post ON post.id = ANY(head.ids) AND post.hidden_at IS NULL
    ORDER BY post.published_at DESC, post.id DESC`,
    [viewerId, before.publishedAt, before.id, excluded, limit],
  );
  const head = rows[0]!;
  // A full page is right when its oldest post is within the horizon; a short one only if nothing was ever cut.
  if (head.page_size === limit ? head.known : head.whole) return rows.filter((row) => row.id !== null);
  // From every followee's posts (one index probe per followee): pages beyond the timeline's horizon.
  return plainQuery<Row>(
    db,
    `SELECT ${columns} FROM "feed"."post" post WHERE post.id = ANY(ARRAY(
      SELECT p.id FROM "feed"."follow_edge" f CROSS JOIN LATERAL (
        SELECT id, published_at FROM "feed"."post" WHERE creator_id = f.followee_id AND hidden_at IS NULL
          AND (published_at, id) < ($2::timestamptz, $3::uuid)
        ORDER BY published_at DESC, id DESC LIMIT $5) p
      WHERE f.follower_id = $1::uuid AND NOT (f.followee_id = ANY($4::uuid[]))
      ORDER BY p.published_at DESC, p.id DESC LIMIT $5))
    ORDER BY post.published_at DESC, post.id DESC`,
    [viewerId, before.publishedAt, before.id, excluded, limit],
  );
}
