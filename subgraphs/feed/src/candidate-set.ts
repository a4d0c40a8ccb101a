import { plainQuery } from '@cameo/kernel/prisma';
import type { FeedDb } from './db';
import type { Prisma } from './generated/prisma/client.js';
import type { Candidate } from './ranking';

/**
 * For You's per-viewer candidate sets: the part of the gather that costs one index probe per
 * followee (their newest posts, and the newest videos casting them), kept as rows so a first
 * page reads a few hundred rows instead. A set is built by the gather query the first time a
 * viewer needs it, then kept fresh by the projection: a new post joins the sets of its
 * creator's (and cast owners') followers; what would change the gather otherwise (a follow,
 * unfollow, block, take-down) drops the sets it touches, and the next first page gathers again.
 *
 * Invariant: per viewer and source (a followee), the set holds a newest-first prefix of that
 * source's newest CANDIDATES_PER_SOURCE posts, and every post among the newest
 * FOLLOWEE_CANDIDATES (CAST_CANDIDATES) of all of them. A new post is newer than everything,
 * so no older post ever climbs back into that window: reading the newest rows of the set gives
 * what the gather would.
 */

/** Newest posts per followee the gather takes (its LIMIT 3 per probe). */
export const CANDIDATES_PER_SOURCE = 3;
/** Posts of followees, and videos casting them, a ranking starts from (the gather's limits). */
export const FOLLOWEE_CANDIDATES = 200;
export const CAST_CANDIDATES = 100;
/** How far back followees' posts count (the gather's window). */
export const CANDIDATE_WINDOW = '14 days';
/** Every pool also holds the hottest posts of the last two days, and remixes of what the viewer engaged with lately. */
export const TRENDING_POSTS = 300;
export const TRENDING_WINDOW = '48 hours';
export const REMIX_SOURCES = 50;
export const REMIX_CANDIDATES = 100;
/**
 * A set older than this is gathered again: it sheds the rows that aged out of the window, and
 * a post published while its set was being built (and so missed by both) comes back. Sets of
 * viewers who stayed away that long are swept, so new posts are written only to active viewers.
 */
export const CANDIDATE_SET_TTL_MS = 6 * 60 * 60 * 1000;

type Tx = Prisma.TransactionClient;

/** Gathers a viewer's set from scratch, replacing any old one (one transaction, two statements). */
export async function buildCandidateSet(db: FeedDb, viewerId: string): Promise<void> {
  await db.$transaction([
    db.$executeRaw`DELETE FROM "feed"."candidate_set" WHERE viewer_id = ${viewerId}::uuid`,
    db.$executeRaw`
      WITH header AS (
        INSERT INTO "feed"."candidate_set" (viewer_id, built_at) VALUES (${viewerId}::uuid, now())
        ON CONFLICT (viewer_id) DO UPDATE SET built_at = now() RETURNING viewer_id)
      INSERT INTO "feed"."candidate" (viewer_id, kind, source_id, post_id, published_at)
      SELECT (SELECT viewer_id FROM header), kind, source_id, post_id, published_at FROM (
        (SELECT 'followee' AS kind, f.followee_id AS source_id, p.id AS post_id, p.published_at
         FROM "feed"."follow_edge" f CROSS JOIN LATERAL (
           SELECT id, published_at FROM "feed"."post" WHERE creator_id = f.followee_id AND hidden_at IS NULL
           ORDER BY published_at DESC, id DESC LIMIT ${CANDIDATES_PER_SOURCE}) p
         WHERE f.follower_id = ${viewerId}::uuid AND p.published_at > now() - ${CANDIDATE_WINDOW}::interval
         ORDER BY p.published_at DESC LIMIT ${FOLLOWEE_CANDIDATES})
        UNION ALL
        (SELECT 'cast', f.followee_id, c.post_id, c.published_at
         FROM "feed"."follow_edge" f CROSS JOIN LATERAL (
           SELECT post_id, published_at FROM "feed"."post_cast" WHERE owner_id = f.followee_id
           ORDER BY published_at DESC LIMIT ${CANDIDATES_PER_SOURCE}) c
         WHERE f.follower_id = ${viewerId}::uuid AND c.published_at > now() - ${CANDIDATE_WINDOW}::interval
         ORDER BY c.published_at DESC LIMIT ${CAST_CANDIDATES})
      ) gathered
      ON CONFLICT DO NOTHING`,
  ]);
}

/**
 * A new post joins the sets of its creator's followers and of its cast's owners' followers
 * (only viewers who have a set), and pushes out what is no longer among its source's newest.
 */
export async function addPublishedPost(
  tx: Tx,
  post: { postId: string; creatorId: string; castOwnerIds: string[]; publishedAt: Date },
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "feed"."candidate" (viewer_id, kind, source_id, post_id, published_at)
    SELECT s.viewer_id, src.kind, src.source_id, ${post.postId}::uuid, ${post.publishedAt}
    FROM (SELECT 'followee' AS kind, ${post.creatorId}::uuid AS source_id
          UNION SELECT 'cast', unnest(${post.castOwnerIds}::uuid[])) src
    JOIN "feed"."follow_edge" f ON f.followee_id = src.source_id
    JOIN "feed"."candidate_set" s ON s.viewer_id = f.follower_id
    ON CONFLICT DO NOTHING`;
  await tx.$executeRaw`
    DELETE FROM "feed"."candidate" c USING (
      SELECT x.viewer_id, x.kind, x.source_id, x.post_id
      FROM (SELECT DISTINCT viewer_id, kind, source_id FROM "feed"."candidate" WHERE post_id = ${post.postId}::uuid) touched
      CROSS JOIN LATERAL (
        SELECT viewer_id, kind, source_id, post_id FROM "feed"."candidate"
        WHERE viewer_id = touched.viewer_id AND kind = touched.kind AND source_id = touched.source_id
        ORDER BY published_at DESC, post_id DESC OFFSET ${CANDIDATES_PER_SOURCE}) x
    ) old
    WHERE c.viewer_id = old.viewer_id AND c.kind = old.kind AND c.source_id = old.source_id AND c.post_id = old.post_id`;
}

/** A follow, unfollow or block changes whom the viewers gather from: their sets are gathered again. */
export async function dropCandidateSets(tx: Tx, viewerIds: string[]): Promise<void> {
  await tx.$executeRaw`DELETE FROM "feed"."candidate_set" WHERE viewer_id = ANY(${viewerIds}::uuid[])`;
}

/**
 * A post taken down leaves its creator's newest posts: the sets it was in as a followee's post
 * are gathered again (the read filters hidden posts anyway; this brings the next one in).
 */
export async function dropSetsHoldingPost(tx: Tx, postId: string): Promise<void> {
  await tx.$executeRaw`
    DELETE FROM "feed"."candidate_set" WHERE viewer_id IN (
      SELECT viewer_id FROM "feed"."candidate" WHERE post_id = ${postId}::uuid AND kind = 'followee')`;
}

/** Deletes sets past their lifetime (the server runs it with the snapshot sweep). */
export async function sweepCandidateSets(db: FeedDb): Promise<number> {
  return db.$executeRaw`DELETE FROM "feed"."candidate_set" WHERE built_at < ${new Date(Date.now() - CANDIDATE_SET_TTL_MS)}`;
}

/** A candidate post as scoring sees it, and what scoring needs of its creator for this viewer. */
export interface PoolPost extends Candidate {
  followed: boolean;
  affinity: number | null;
}

/**
 * A viewer's For You pool in one statement: the newest rows of their set (the gather's windows
 * and limits), trending (the `hot` index, last 48 h) and remixes of what they engaged with, as
 * visible posts they have not seen, each with whether the viewer follows its creator and their
 * affinity. `builtAt` is null when the viewer has no set (then the pool holds no followees' posts).
 *
 * Six hundred rows on every first page, so only what scoring reads, decoded cheaply: times as
 * epoch milliseconds (pg's date parser was 8% of the feed's CPU on For You), and each post's
 * words only for a viewer who steers (`steers`, read in this statement: with it false the texts
 * are empty and the ranking must not steer). Its windows and limits are written into the text
 * (constants), so the prepared statement keeps one generic plan (see reusableRanking).
 */
export async function readCandidatePool(
  db: FeedDb,
  viewerId: string | null,
): Promise<{ builtAt: Date | null; steers: boolean; pool: PoolPost[] }> {
  const rows = await plainQuery<Omit<PoolPostRow, 'id'> & { built_at: number | null; steers: boolean; id: string | null }>(
    db,
    `SELECT s.built_at, s.steers, p.*,
      EXISTS (SELECT 1 FROM "feed"."follow_edge" f WHERE f.follower_id = $1::uuid AND f.followee_id = p.creator_id) AS followed,
      (SELECT a.score FROM "feed"."affinity" a WHERE a.user_id = $1::uuid AND a.creator_id = p.creator_id) AS affinity
    FROM (SELECT
      (SELECT (extract(epoch FROM built_at) * 1000)::float8 FROM "feed"."candidate_set" WHERE viewer_id = $1::uuid) AS built_at,
      EXISTS (SELECT 1 FROM "feed"."preference" WHERE user_id = $1::uuid AND (cardinality(more) > 0 OR cardinality(less) > 0)) AS steers) s
    LEFT JOIN LATERAL (
      WITH pool AS (
        (SELECT post_id AS id FROM "feed"."candidate" WHERE viewer_id = $1::uuid AND kind = 'followee'
           AND published_at > now() - '${CANDIDATE_WINDOW}'::interval ORDER BY published_at DESC LIMIT ${FOLLOWEE_CANDIDATES})
        UNION
        (SELECT post_id FROM "feed"."candidate" WHERE viewer_id = $1::uuid AND kind = 'cast'
           AND published_at > now() - '${CANDIDATE_WINDOW}'::interval ORDER BY published_at DESC LIMIT ${CAST_CANDIDATES})
        UNION
        (SELECT id FROM "feed"."post" WHERE hidden_at IS NULL AND published_at > now() - '${TRENDING_WINDOW}'::interval ORDER BY hot DESC LIMIT ${TRENDING_POSTS})
        UNION
        (SELECT p.id FROM "feed"."post" p WHERE p.hidden_at IS NULL AND p.remix_of_id IN
           (SELECT post_id FROM "feed"."engaged" WHERE user_id = $1::uuid ORDER BY at DESC LIMIT ${REMIX_SOURCES}) LIMIT ${REMIX_CANDIDATES})
      )
      -- Only what scoring reads (all columns took a fifth longer to decode).
      SELECT post.id, post.creator_id, (extract(epoch FROM post.published_at) * 1000)::float8 AS published_at,
        post.likes, post.comments, post.views, post.remixes,
        CASE WHEN s.steers THEN post.caption || ' ' || post.prompt ELSE '' END AS text
      FROM "feed"."post" post
      -- An id list, not a join: a few hundred primary-key probes, never a scan of every post.
      WHERE post.id = ANY(ARRAY(SELECT id FROM pool)) AND post.hidden_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM "feed"."seen" seen WHERE seen.user_id = $1::uuid AND seen.post_id = post.id)
    ) p ON true`,
    [viewerId],
  );
  const builtAt = rows[0]?.built_at;
  return {
    builtAt: builtAt == null ? null : new Date(builtAt),
    steers: rows[0]?.steers ?? false,
    pool: rows.flatMap((row) => (row.id === null ? [] : [toPoolPost({ ...row, id: row.id })])),
  };
}

/** A pool post's row as both pool reads select it (times as epoch milliseconds). */
export interface PoolPostRow {
  id: string;
  creator_id: string;
  published_at: number;
  likes: number;
  comments: number;
  views: number;
  remixes: number;
  text: string;
  followed: boolean;
  affinity: number | null;
}

export const toPoolPost = (row: PoolPostRow): PoolPost => ({
  id: row.id,
  creatorId: row.creator_id,
  publishedAt: new Date(row.published_at),
  likes: row.likes,
  comments: row.comments,
  views: row.views,
  remixes: row.remixes,
  text: row.text,
  followed: row.followed,
  affinity: row.affinity,
});
