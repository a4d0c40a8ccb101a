import { plainQuery } from '@cameo/kernel/prisma';
import {
  CANDIDATE_WINDOW,
  REMIX_SOURCES,
  TRENDING_POSTS,
  TRENDING_WINDOW,
  toPoolPost,
  type PoolPost,
  type PoolPostRow,
} from './candidate-set';
import type { FeedDb } from './db';

/**
 * A For You first page from the viewer's last ranking: a read and a small re-rank instead of
 * the ~600-candidate gather, when nothing that ranking was made from has changed.
 *
 * A full ranking (the gather, candidate-set.ts) is kept for RANKING_REUSE_MS: a first page
 * within it takes the pinned order of the viewer's last snapshot, drops what they saw since,
 * and ranks its head (RERANK_HEAD posts) again with fresh counts, together with every post that
 * reached the read model since (however old its publication time, as after an event backlog)
 * that the gather would now take: in their candidate set (a followee's, or casting one), among
 * the trending, or remixing what they engaged with. The rest keeps its order. Blocks, mutes,
 * take-downs and revoked consent are filtered on every page as before.
 *
 * Anything that changes how the viewer's candidates are gathered or scored makes the next
 * first page a full ranking: a follow, unfollow or block (they drop the candidate set), "see
 * less" feedback, new steering words, and the viewer's own engagement (affinity, remixes of
 * what they engaged with). What a reused ranking does not see until the window ends: older
 * posts climbing into the trending, and other viewers' engagement with posts below the head.
 */

/** How long a full ranking is reused. */
export const RANKING_REUSE_MS = 2 * 60_000;
/** Posts at the top of a reused ranking scored again (a page is 10 by default, 50 at most). */
export const RERANK_HEAD = 60;
/**
 * Arrivals are told by the time their row was written (projected_at, added_at), which is when
 * the writing transaction began: one still open while the ranking was read commits later with
 * an earlier time, so a little before the ranking counts as new too (re-ranking a post twice is
 * harmless; missing one is not).
 */
const ARRIVAL_MARGIN = '10 seconds';

export interface ReusableRanking {
  /** When the full ranking this one derives from was made (kept by every reuse). */
  rankedAt: Date;
  /** The pinned order, without the posts the viewer saw since. */
  postIds: string[];
  /** Posts that reached the read model since and the gather would take (not in the order yet, not seen). */
  fresh: string[];
}

/**
 * The viewer's last ranking, if it may be reused now (see the rules above), in one statement.
 * The windows and limits are constants written into the text, not parameters: with only the
 * viewer left to bind, PostgreSQL keeps one generic plan for the prepared statement instead of
 * planning this query on every call (0.22 ms of its CPU per first page).
 */
export async function reusableRanking(db: FeedDb, viewerId: string): Promise<ReusableRanking | null> {
  const [row] = await plainQuery<{ ranked_at: number; post_ids: string[]; seen: string[]; fresh: string[] }>(
    db,
    `SELECT (extract(epoch FROM s.ranked_at) * 1000)::float8 AS ranked_at, s.post_ids,
      ARRAY(SELECT seen.post_id FROM "feed"."seen" seen
        WHERE seen.user_id = $1::uuid AND seen.post_id = ANY(s.post_ids) AND seen.at >= s.created_at) AS seen,
      ARRAY(SELECT id FROM (
          (SELECT c.post_id AS id FROM "feed"."candidate" c
            WHERE c.viewer_id = $1::uuid AND c.added_at > s.created_at - '${ARRIVAL_MARGIN}'::interval AND c.published_at > now() - '${CANDIDATE_WINDOW}'::interval)
          UNION
          (SELECT t.id FROM (SELECT id, projected_at FROM "feed"."post" WHERE hidden_at IS NULL AND published_at > now() - '${TRENDING_WINDOW}'::interval
            ORDER BY hot DESC LIMIT ${TRENDING_POSTS}) t WHERE t.projected_at > s.created_at - '${ARRIVAL_MARGIN}'::interval)
          UNION
          (SELECT p.id FROM "feed"."post" p WHERE p.projected_at > s.created_at - '${ARRIVAL_MARGIN}'::interval AND p.remix_of_id IN
            (SELECT post_id FROM "feed"."engaged" WHERE user_id = $1::uuid ORDER BY at DESC LIMIT ${REMIX_SOURCES}))
        ) new
        WHERE NOT (new.id = ANY(s.post_ids))
          AND NOT EXISTS (SELECT 1 FROM "feed"."seen" seen WHERE seen.user_id = $1::uuid AND seen.post_id = new.id)) AS fresh
    FROM (SELECT id, post_ids, created_at, ranked_at FROM "feed"."snapshot"
      WHERE user_id = $1::uuid AND created_at > now() - '${RANKING_REUSE_MS} milliseconds'::interval ORDER BY created_at DESC LIMIT 1) s
    WHERE s.ranked_at > now() - '${RANKING_REUSE_MS} milliseconds'::interval
      AND EXISTS (SELECT 1 FROM "feed"."candidate_set" cs WHERE cs.viewer_id = $1::uuid AND cs.built_at <= s.created_at)
      AND NOT EXISTS (SELECT 1 FROM "feed"."preference" p WHERE p.user_id = $1::uuid AND p.updated_at >= s.created_at)
      AND NOT EXISTS (SELECT 1 FROM "feed"."feedback" f WHERE f.user_id = $1::uuid AND f.at >= s.created_at)
      AND NOT EXISTS (SELECT 1 FROM "feed"."engaged" e WHERE e.user_id = $1::uuid AND e.at >= s.created_at)`,
    [viewerId],
  );
  if (!row) return null;
  const seen = new Set(row.seen);
  return { rankedAt: new Date(row.ranked_at), postIds: row.post_ids.filter((id) => !seen.has(id)), fresh: row.fresh };
}

/** Posts as scoring reads them (like the pool's rows), visible ones only; words only when the viewer steers. */
export async function readScoringPosts(db: FeedDb, viewerId: string, ids: string[], steers: boolean): Promise<PoolPost[]> {
  const rows = await plainQuery<PoolPostRow>(
    db,
    `SELECT post.id, post.creator_id, (extract(epoch FROM post.published_at) * 1000)::float8 AS published_at,
      post.likes, post.comments, post.views, post.remixes,
      CASE WHEN $3 THEN post.caption || ' ' || post.prompt ELSE '' END AS text,
      EXISTS (SELECT 1 FROM "feed"."follow_edge" f WHERE f.follower_id = $1::uuid AND f.followee_id = post.creator_id) AS followed,
      (SELECT a.score FROM "feed"."affinity" a WHERE a.user_id = $1::uuid AND a.creator_id = post.creator_id) AS affinity
    FROM "feed"."post" post WHERE post.id = ANY($2::uuid[]) AND post.hidden_at IS NULL`,
    [viewerId, ids, steers],
  );
  return rows.map(toPoolPost);
}
