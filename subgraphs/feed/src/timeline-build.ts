import { FANOUT_MAX_FOLLOWERS, TIMELINE_SIZE, type TimelineOptions } from './timeline';

/**
 * Builds every viewer's timeline at once with set-based SQL, for a data set written without the
 * projection (the seed) or from before timelines (its viewers' horizon is 'infinity', so their
 * pages read the posts until this runs). Run the statements in order on one session (they share
 * a temporary table). Writing every follower's share of every post would be hundreds of millions
 * of rows; instead only the newest posts are fanned out, as many as give the average viewer one and
 * a half timelines' worth of rows, and each viewer keeps their newest `timelineSize` of those. A
 * viewer's horizon is then the oldest post they keep if they were cut, else the oldest post of
 * that window.
 */
/** True when the data set has follows but no timeline built (no viewer with a horizon other than 'infinity'). */
export const TIMELINES_MISSING_SQL = `SELECT EXISTS (SELECT 1 FROM "feed"."follow_edge")
  AND NOT EXISTS (SELECT 1 FROM "feed"."timeline_state" WHERE horizon_at IS DISTINCT FROM 'infinity') AS missing`;

export function buildTimelineSteps(options: TimelineOptions = {}): { what: string; sql: string }[] {
  const keep = Number(options.timelineSize ?? TIMELINE_SIZE);
  const fanoutMaxFollowers = Number(options.fanoutMaxFollowers ?? FANOUT_MAX_FOLLOWERS);
  return [
    { what: 'timelines: empty', sql: 'TRUNCATE "feed"."timeline", "feed"."timeline_state", "feed"."creator_reach"' },
    {
      what: 'timelines: follower counts',
      sql: `INSERT INTO "feed"."creator_reach" (creator_id, followers, celebrity)
      SELECT followee_id, count(*), count(*) > ${fanoutMaxFollowers} FROM "feed"."follow_edge" GROUP BY followee_id`,
    },
    {
      // The newest posts whose followers add up to the budget; the last one bounds the window.
      what: 'timelines: window',
      sql: `CREATE TEMPORARY TABLE timeline_window ON COMMIT PRESERVE ROWS AS
      SELECT published_at, id FROM (
        SELECT p.published_at, p.id, sum(r.followers) OVER (ORDER BY p.published_at DESC, p.id DESC) AS reach
        FROM "feed"."post" p JOIN "feed"."creator_reach" r ON r.creator_id = p.creator_id AND NOT r.celebrity
        WHERE p.hidden_at IS NULL) w
      WHERE reach >= ${Math.round(keep * 1.5)} * (SELECT count(DISTINCT follower_id) FROM "feed"."follow_edge")
      ORDER BY published_at DESC, id DESC LIMIT 1`,
    },
    {
      what: 'timelines: fan-out',
      sql: `INSERT INTO "feed"."timeline" (user_id, published_at, post_id, creator_id)
      SELECT user_id, published_at, id, creator_id FROM (
        SELECT f.follower_id AS user_id, p.published_at, p.id, p.creator_id,
          row_number() OVER (PARTITION BY f.follower_id ORDER BY p.published_at DESC, p.id DESC) AS n
        FROM "feed"."post" p
        JOIN "feed"."creator_reach" r ON r.creator_id = p.creator_id AND NOT r.celebrity
        JOIN "feed"."follow_edge" f ON f.followee_id = p.creator_id
        WHERE p.hidden_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM timeline_window w WHERE (p.published_at, p.id) < (w.published_at, w.id))) fanned
      WHERE n <= ${keep}`,
    },
    {
      what: 'timelines: horizons',
      sql: `INSERT INTO "feed"."timeline_state" (user_id, horizon_at, horizon_id, size)
      SELECT u.user_id,
        CASE WHEN o.size >= ${keep} THEN o.published_at ELSE w.published_at END,
        CASE WHEN o.size >= ${keep} THEN o.post_id ELSE w.id END,
        coalesce(o.size, 0)
      FROM (SELECT DISTINCT follower_id AS user_id FROM "feed"."follow_edge") u
      LEFT JOIN (
        SELECT DISTINCT ON (user_id) user_id, published_at, post_id, count(*) OVER (PARTITION BY user_id) AS size
        FROM "feed"."timeline" ORDER BY user_id, published_at, post_id) o ON o.user_id = u.user_id
      LEFT JOIN timeline_window w ON true`,
    },
    { what: 'timelines: done', sql: 'DROP TABLE timeline_window' },
  ];
}

/** Tables the build writes, for a VACUUM ANALYZE after it (index-only range reads need the visibility map). */
export const TIMELINE_TABLES = ['"feed"."timeline"', '"feed"."timeline_state"', '"feed"."creator_reach"'];
