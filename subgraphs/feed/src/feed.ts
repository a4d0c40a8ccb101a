import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, badInput, unauthenticated } from '@cameo/kernel/errors';
import type { FeedContext } from './context';
import { readCursor, signCursor, type CursorScope } from '@cameo/kernel/cursor';
import { connection, emptyConnection, pageSize as checkedPageSize, type Connection } from '@cameo/kernel/connection';
import { plainQuery } from '@cameo/kernel/prisma';
import type { Post } from './generated/prisma/client.js';
import { buildCandidateSet, CANDIDATE_SET_TTL_MS, readCandidatePool, type PoolPost } from './candidate-set';
import { readScoringPosts, RERANK_HEAD, reusableRanking } from './ranking-reuse';
import { isShown, rank, scorePost, type Candidate, type Scored, type ViewerSignals } from './ranking';
import { followingPagePosts } from './timeline';

/** Page sizes: `first` defaults to 10 and is capped at 50. */
export const PAGE_DEFAULT = 10;
export const PAGE_MAX = 50;
/** Posts a For You ranking pins; paging past them ends the feed until a fresh first page. */
export const SNAPSHOT_SIZE = 500;
/** How long a pinned ranking (and its cursors) lasts. */
export const SNAPSHOT_TTL_MS = 60 * 60 * 1000;

/** A page of the feed: a Relay connection of posts. */
export type FeedPage = Connection<Post>;

const pageSize = (first: number | null | undefined) => checkedPageSize(first, PAGE_MAX, PAGE_DEFAULT);

interface PostColumns {
  id: string;
  creator_id: string;
  caption: string;
  prompt: string;
  remix_of_id: string | null;
  cameo_ids: string[];
  cameo_owner_ids: string[];
  published_at: Date;
  likes: number;
  comments: number;
  views: number;
  remixes: number;
  hot: number;
  hidden_at: Date | null;
  projected_at: Date;
}

/** PostColumns of the table aliased `post`, listed: a prepared statement may not select `*` (see plainQuery). */
const POST_COLUMNS = `post.id, post.creator_id, post.caption, post.prompt, post.remix_of_id, post.cameo_ids, post.cameo_owner_ids,
  post.published_at, post.likes, post.comments, post.views, post.remixes, post.hot, post.hidden_at, post.projected_at`;

const toPost = (row: PostColumns): Post => ({
  id: row.id,
  creatorId: row.creator_id,
  caption: row.caption,
  prompt: row.prompt,
  remixOfId: row.remix_of_id,
  cameoIds: row.cameo_ids,
  cameoOwnerIds: row.cameo_owner_ids,
  publishedAt: row.published_at,
  likes: row.likes,
  comments: row.comments,
  views: row.views,
  remixes: row.remixes,
  hot: row.hot,
  hiddenAt: row.hidden_at,
  projectedAt: row.projected_at,
});

const toCandidate = (post: Post): Candidate => ({
  id: post.id,
  creatorId: post.creatorId,
  publishedAt: post.publishedAt,
  likes: post.likes,
  comments: post.comments,
  views: post.views,
  remixes: post.remixes,
  text: `${post.caption} ${post.prompt}`,
});

/** Creators the viewer must not see now: blocked either way or muted (asked of social). */
async function excludedCreators(ctx: FeedContext): Promise<Set<string>> {
  if (!ctx.viewer) return new Set();
  const { blocked, muted } = await ctx.clients.exclusions(ctx.viewer.userId);
  return new Set([...blocked, ...muted]);
}

/** How many more items a teen may be served today (Infinity for everyone else). */
async function remainingToday(ctx: FeedContext): Promise<number> {
  if (!ctx.viewer || !(await ctx.clients.isTeen(ctx.viewer.userId))) return Number.POSITIVE_INFINITY;
  const served = await ctx.db.servedDaily.findUnique({ where: { userId_day: { userId: ctx.viewer.userId, day: today() } } });
  return Math.max(0, ctx.settings.teenDailyCap - (served?.count ?? 0));
}

const today = () => new Date(new Date().toISOString().slice(0, 10));

async function countServed(ctx: FeedContext, remaining: number, served: number) {
  if (!ctx.viewer || remaining === Number.POSITIVE_INFINITY || served === 0) return;
  await ctx.db.$executeRaw`
    INSERT INTO "feed"."served_daily" (user_id, day, count) VALUES (${ctx.viewer.userId}::uuid, ${today()}::date, ${served})
    ON CONFLICT (user_id, day) DO UPDATE SET count = served_daily.count + EXCLUDED.count`;
}

/** What a first page ranks: a pool, then (when a ranking is reused) the ids that keep their order after it. */
interface RankingInputs {
  pool: PoolPost[];
  kept: string[];
  /** When the full ranking was made: now for a fresh one, the reused ranking's time otherwise. */
  rankedAt: Date | null;
  viewer: ViewerSignals & { lessPosts: Set<string> };
}

/**
 * The first page's pool and signals. A signed-in viewer's last ranking is reused when it may
 * be (ranking-reuse.ts): its head and the posts new to their candidate set are ranked again.
 * Otherwise the pool comes from the viewer's candidate set (see candidate-set.ts), gathered
 * first when they have none or an old one, with what scoring needs of each creator.
 */
async function scoringInputs(ctx: FeedContext): Promise<RankingInputs> {
  const viewerId = ctx.viewer?.userId ?? null;
  const [feedback, reusable] = await Promise.all([signals(ctx, []), viewerId ? reusableRanking(ctx.db, viewerId) : null]);
  if (viewerId && reusable) {
    const head = reusable.postIds.slice(0, RERANK_HEAD);
    const steers = feedback.more.length > 0 || feedback.less.length > 0;
    const pool = await readScoringPosts(ctx.db, viewerId, [...head, ...reusable.fresh], steers);
    return { pool, kept: reusable.postIds.slice(RERANK_HEAD), rankedAt: reusable.rankedAt, viewer: withCreators(feedback, pool) };
  }
  const gatherNeeded = (builtAt: Date | null) => !builtAt || Date.now() - builtAt.getTime() > CANDIDATE_SET_TTL_MS;
  // A first visit (or a set past its lifetime) is told by the signals' statement, so the set is
  // gathered before the pool is read, not after a read that could only miss its followees.
  if (viewerId && gatherNeeded(feedback.candidateSetBuiltAt)) await buildCandidateSet(ctx.db, viewerId);
  let read = await readCandidatePool(ctx.db, viewerId);
  // Dropped in between (a follow or a block): gathered again, as the read says.
  if (viewerId && gatherNeeded(read.builtAt)) {
    await buildCandidateSet(ctx.db, viewerId);
    read = await readCandidatePool(ctx.db, viewerId);
  }
  const { pool, steers } = read;
  // The pool carries words only if it saw the viewer steer (a change between the two reads
  // applies from the next first page).
  const viewer = withCreators({ ...feedback, more: steers ? feedback.more : [], less: steers ? feedback.less : [] }, pool);
  return { pool, kept: [], rankedAt: null, viewer };
}

/** The viewer's signals with whom they follow and their affinity, as read with the pool's posts. */
const withCreators = (feedback: Signals, pool: PoolPost[]) => ({
  ...feedback,
  following: new Set(pool.filter((post) => post.followed).map((post) => post.creatorId)),
  affinity: new Map(pool.filter((post) => post.affinity !== null).map((post) => [post.creatorId, post.affinity!])),
});

/**
 * The viewer's own signals (their "see less" and their words), as columns of signals' statement,
 * and when their For You candidate set was gathered (null: none yet).
 */
const VIEWER_SIGNALS = `(SELECT coalesce(json_agg(json_build_array(post_id, creator_id)), '[]') FROM
    (SELECT post_id, creator_id FROM "feed"."feedback" WHERE user_id = $1::uuid ORDER BY at DESC LIMIT 500) f) AS feedback,
  (SELECT more FROM "feed"."preference" WHERE user_id = $1::uuid) AS more,
  (SELECT less FROM "feed"."preference" WHERE user_id = $1::uuid) AS less,
  (SELECT (extract(epoch FROM built_at) * 1000)::float8 FROM "feed"."candidate_set" WHERE viewer_id = $1::uuid) AS set_built_at`;

type Signals = ViewerSignals & { lessPosts: Set<string>; candidateSetBuiltAt: Date | null };

/** Everything scoring needs about the viewer, in a fixed number of statements. */
async function signals(ctx: FeedContext, creatorIds: string[]): Promise<Signals> {
  const viewer = ctx.viewer?.userId;
  if (!viewer)
    return {
      now: new Date(),
      following: new Set(),
      affinity: new Map(),
      lessOfCreator: new Map(),
      more: [],
      less: [],
      lessPosts: new Set(),
      candidateSetBuiltAt: null,
    };
  // One round trip; arrays as parameters, not hundreds of placeholders.
  // Every For You first page asks, with no creators (the pool brings follows and affinity): a
  // prepared statement with only the viewer to bind, so PostgreSQL keeps its plan (plainQuery).
  const [row] = await plainQuery<{
    following: string[];
    affinity: [string, number][];
    feedback: [string, string][];
    more: string[] | null;
    less: string[] | null;
    set_built_at: number | null;
  }>(
    ctx.db,
    creatorIds.length === 0
      ? `SELECT '{}'::text[] AS following, '[]'::json AS affinity, ${VIEWER_SIGNALS}`
      : `SELECT
          ARRAY(SELECT followee_id::text FROM "feed"."follow_edge" WHERE follower_id = $1::uuid AND followee_id = ANY($2::uuid[])) AS following,
          (SELECT coalesce(json_agg(json_build_array(creator_id, score)), '[]') FROM "feed"."affinity" WHERE user_id = $1::uuid AND creator_id = ANY($2::uuid[])) AS affinity,
          ${VIEWER_SIGNALS}`,
    creatorIds.length === 0 ? [viewer] : [viewer, creatorIds],
  );
  const lessOfCreator = new Map<string, number>();
  for (const [, creatorId] of row!.feedback) lessOfCreator.set(creatorId, (lessOfCreator.get(creatorId) ?? 0) + 1);
  return {
    now: new Date(),
    following: new Set(row!.following),
    affinity: new Map(row!.affinity),
    lessOfCreator,
    more: row!.more ?? [],
    less: row!.less ?? [],
    lessPosts: new Set(row!.feedback.map(([postId]) => postId)),
    candidateSetBuiltAt: row!.set_built_at === null ? null : new Date(row!.set_built_at),
  };
}

/** Cursors are bound to the viewer and to their list: one viewer's cursor is refused for another. */
const cursorScope = (ctx: FeedContext, connection: 'Query.forYou' | 'Query.following'): CursorScope => ({
  viewerId: ctx.viewer?.userId ?? null,
  connection,
});

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

interface ForYouCursor extends Record<string, unknown> {
  k: 'Y';
  s: string;
  o: number;
}
const isForYouCursor = (value: unknown): value is ForYouCursor =>
  isRecord(value) && value.k === 'Y' && typeof value.s === 'string' && Number.isInteger(value.o) && (value.o as number) >= 0;

/**
 * For You. The first page ranks and pins up to SNAPSHOT_SIZE posts; each cursor names the
 * pinned ranking and a position in it, so paging never repeats or skips while scores change.
 * What may be shown is checked again on every page (a revoked cameo, a new block or mute).
 */
export async function forYou(ctx: FeedContext, args: { first?: number | null; after?: string | null }): Promise<FeedPage> {
  const size = pageSize(args.first);
  const viewer = ctx.viewer?.userId ?? null;
  // A first page's reads start with the calls to social and users, not after them.
  const [remaining, excluded, inputs] = await Promise.all([
    remainingToday(ctx),
    excludedCreators(ctx),
    args.after ? null : scoringInputs(ctx),
  ]);
  const take = Math.min(size, remaining);
  let snapshot: { id: string; postIds: string[] };
  let offset = 0;
  let page: { posts: Post[]; positions: number[] };
  if (!inputs) {
    const cursor = readCursor(ctx.settings.cursorKey, cursorScope(ctx, 'Query.forYou'), args.after!, isForYouCursor);
    const pinned = await ctx.db.snapshot.findUnique({ where: { id: cursor.s } });
    // The cursor is signed for this viewer: a ranking it names that is gone was swept, or lost
    // in a crash (the table is unlogged). Either way the feed has moved on.
    if (pinned && pinned.userId !== viewer) throw badInput('after is not a cursor from this feed.', 'after');
    if (!pinned || Date.now() - pinned.createdAt.getTime() > SNAPSHOT_TTL_MS)
      throw new DomainError(ErrorCode.CURSOR_EXPIRED, 'This feed has moved on: load its first page again.');
    if (take === 0) return emptyConnection(args.after);
    snapshot = pinned;
    offset = cursor.o;
    page = await readPinned(ctx, snapshot.postIds, offset, take, excluded);
  } else {
    if (remaining === 0) return emptyConnection();
    const filters = { excludedCreators: excluded, excludedPosts: inputs.viewer.lessPosts };
    // The pool holds visible posts only (hidden_at IS NULL in the query).
    const shown = inputs.pool.filter((post) => isShown({ id: post.id, creatorId: post.creatorId, hidden: false }, filters));
    const ranked = rank(shown, inputs.viewer).map((item) => item.candidate.id);
    const postIds = [...ranked, ...inputs.kept].slice(0, SNAPSHOT_SIZE);
    snapshot = { id: randomUUID(), postIds };
    page = await pinFirstPage(ctx, { ...snapshot, rankedAt: inputs.rankedAt }, take, excluded);
  }
  const { posts, positions } = page;
  await countServed(ctx, remaining, posts.length);
  const last = positions.at(-1) ?? offset;
  return connection(
    posts.map((post, i) => ({
      node: post,
      cursor: signCursor(ctx.settings.cursorKey, cursorScope(ctx, 'Query.forYou'), { k: 'Y', s: snapshot.id, o: positions[i]! + 1 }),
    })),
    { hasNextPage: posts.length === take && take < remaining && last + 1 < snapshot.postIds.length, after: args.after },
  );
}

/**
 * Pins a fresh ranking and reads its first page's posts in one statement. They were ranked a
 * moment ago with this request's filters; one taken down since is skipped, as readPinned would,
 * and so is one by an excluded creator (a reused ranking's kept posts were not filtered now).
 */
async function pinFirstPage(
  ctx: FeedContext,
  snapshot: { id: string; postIds: string[]; rankedAt: Date | null },
  take: number,
  excluded: Set<string>,
) {
  // A little more than a page, so a post gone since the ranking costs no second read.
  const window = snapshot.postIds.slice(0, take + 10);
  const rows = await plainQuery<PostColumns>(
    ctx.db,
    `WITH pinned AS (INSERT INTO "feed"."snapshot" (id, user_id, post_ids, ranked_at)
      VALUES ($1::uuid, $2::uuid, $3::uuid[], coalesce($5::timestamptz, now())))
    SELECT ${POST_COLUMNS} FROM "feed"."post" post WHERE id = ANY($4::uuid[]) AND hidden_at IS NULL`,
    [snapshot.id, ctx.viewer?.userId ?? null, snapshot.postIds, window, snapshot.rankedAt],
  );
  const byId = new Map(rows.map((row) => [row.id, toPost(row)]));
  const posts: Post[] = [];
  const positions: number[] = [];
  for (const [position, id] of window.entries()) {
    const post = byId.get(id);
    if (!post || excluded.has(post.creatorId)) continue;
    posts.push(post);
    positions.push(position);
    if (posts.length === take) break;
  }
  return { posts, positions };
}

/** The next `take` showable posts of a pinned ranking from `offset`, with their positions. */
async function readPinned(ctx: FeedContext, ids: string[], offset: number, take: number, excluded: Set<string>) {
  const posts: Post[] = [];
  const positions: number[] = [];
  let position = offset;
  while (posts.length < take && position < ids.length) {
    // A little more than a page, so a few posts gone since pinning cost no second read.
    const window = ids.slice(position, position + take + 10);
    const rows = new Map((await ctx.db.post.findMany({ where: { id: { in: window } } })).map((post) => [post.id, post]));
    for (const id of window) {
      const post = rows.get(id);
      if (
        post &&
        isShown({ id, creatorId: post.creatorId, hidden: post.hiddenAt !== null }, { excludedCreators: excluded, excludedPosts: new Set() })
      ) {
        posts.push(post);
        positions.push(position);
      }
      position++;
      if (posts.length === take) break;
    }
  }
  return { posts, positions };
}

interface FollowingCursor extends Record<string, unknown> {
  k: 'F';
  t: string;
  id: string;
}
const isFollowingCursor = (value: unknown): value is FollowingCursor =>
  isRecord(value) &&
  value.k === 'F' &&
  typeof value.t === 'string' &&
  !Number.isNaN(Date.parse(value.t)) &&
  typeof value.id === 'string' &&
  /^[0-9a-f-]{36}$/i.test(value.id);

/** Following: posts of the people you follow, newest first, by keyset (a range of the viewer's timeline; see timeline.ts). */
export async function following(ctx: FeedContext, args: { first?: number | null; after?: string | null }): Promise<FeedPage> {
  if (!ctx.viewer) throw unauthenticated();
  const size = pageSize(args.first);
  const viewer = ctx.viewer.userId;
  const cursor = args.after ? readCursor(ctx.settings.cursorKey, cursorScope(ctx, 'Query.following'), args.after, isFollowingCursor) : null;
  const [remaining, excluded] = await Promise.all([remainingToday(ctx), excludedCreators(ctx)]);
  const take = Math.min(size, remaining);
  if (take === 0) return emptyConnection(args.after);
  const before = {
    publishedAt: cursor ? new Date(cursor.t) : new Date('9999-12-31T00:00:00Z'),
    id: cursor?.id ?? 'ffffffff-ffff-ffff-ffff-ffffffffffff',
  };
  const rows = await followingPagePosts<PostColumns>(ctx.db, viewer, [...excluded], before, take + 1, POST_COLUMNS);
  const posts = rows.slice(0, take).map(toPost);
  await countServed(ctx, remaining, posts.length);
  // Fetched with one extra row; the teen cap may also end the feed before the rows do.
  return connection(
    posts.map((post) => ({
      node: post,
      cursor: signCursor(ctx.settings.cursorKey, cursorScope(ctx, 'Query.following'), {
        k: 'F',
        t: post.publishedAt.toISOString(),
        id: post.id,
      }),
    })),
    { hasNextPage: rows.length > take && take < remaining, after: args.after },
  );
}

/** Deletes pinned rankings past their lifetime (the server runs it every few minutes). */
export async function sweepSnapshots(db: FeedContext['db']): Promise<number> {
  const { count } = await db.snapshot.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - SNAPSHOT_TTL_MS) } } });
  return count;
}

export interface Explanation {
  postId: string;
  score: number;
  shown: boolean;
  reasons: Scored['reasons'];
}

/** Why a post ranks where it does for the viewer (the same scoring as For You). */
export async function explain(ctx: FeedContext, postId: string): Promise<Explanation | null> {
  if (!/^[0-9a-f-]{36}$/i.test(postId)) return null;
  const post = await ctx.db.post.findUnique({ where: { id: postId } });
  if (!post) return null;
  const [excluded, viewer] = await Promise.all([excludedCreators(ctx), signals(ctx, [post.creatorId])]);
  const scored = scorePost(toCandidate(post), viewer);
  const shown = isShown(
    { id: post.id, creatorId: post.creatorId, hidden: post.hiddenAt !== null },
    { excludedCreators: excluded, excludedPosts: viewer.lessPosts },
  );
  return { postId: post.id, score: scored.score, shown, reasons: scored.reasons };
}
