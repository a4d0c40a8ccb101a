import DataLoader from 'dataloader';
import { plainQuery } from '@cameo/kernel/prisma';
import type { SocialDb } from './db';

export interface Counts {
  followers: number;
  following: number;
}

export interface VideoFacts {
  likes: number;
  comments: number;
  views: number;
  /** Whether the viewer likes it (false without a viewer). */
  viewerLiked: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NO_FACTS: VideoFacts = { likes: 0, comments: 0, views: 0, viewerLiked: false };

export interface ViewerBlocks {
  /** Users the viewer blocked. */
  byViewer: Set<string>;
  /** Users blocked either way: nothing passes between them and the viewer. */
  either: Set<string>;
}

const NO_BLOCKS: ViewerBlocks = { byViewer: new Set(), either: new Set() };

/** A loader answering "is `id` in the set the query returns" for a batch of ids. */
function membership(query: (ids: string[]) => Promise<string[]>) {
  return new DataLoader<string, boolean>(async (ids) => {
    const found = new Set(await query([...ids]));
    return ids.map((id) => found.has(id));
  });
}

/** Batches every per-row fact of one request into one query per kind of fact. */
export function createLoaders(db: SocialDb, viewerId: string | null) {
  let blocks: Promise<ViewerBlocks> | undefined;
  const whenViewer = (query: (viewer: string, ids: string[]) => Promise<string[]>) =>
    membership(async (ids) => (viewerId ? query(viewerId, ids) : []));
  return {
    userCounts: new DataLoader<string, Counts>(async (ids) => {
      const rows = await db.userCounts.findMany({ where: { userId: { in: [...ids] } } });
      const byId = new Map(rows.map((row) => [row.userId, row]));
      return ids.map((id) => byId.get(id) ?? { followers: 0, following: 0 });
    }),
    /**
     * A page of videos' counts and the viewer's likes in one statement (a feed page asks both of
     * every video): one primary-key probe per video in each table.
     */
    videoFacts: new DataLoader<string, VideoFacts>(async (ids) => {
      const valid = ids.filter((id) => UUID.test(id));
      const rows = valid.length
        ? // Every feed page asks this: pg's row parsing, not Prisma's raw-query layer (see plainQuery).
          await plainQuery<{ generation_id: string } & VideoFacts>(
            db,
            `SELECT g.id::text AS generation_id, coalesce(c.likes, 0)::int AS likes, coalesce(c.comments, 0)::int AS comments,
              coalesce(c.views, 0)::int AS views,
              EXISTS (SELECT 1 FROM "social"."like" l WHERE l.generation_id = g.id AND l.user_id = $1::uuid) AS "viewerLiked"
            FROM unnest($2::uuid[]) AS g(id) LEFT JOIN "social"."video_counts" c ON c.generation_id = g.id`,
            [viewerId, valid],
          )
        : [];
      const byId = new Map(rows.map((row) => [row.generation_id, row]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? NO_FACTS);
    }),
    viewerFollows: whenViewer(async (viewer, ids) =>
      (await db.follow.findMany({ where: { followerId: viewer, followeeId: { in: ids } }, select: { followeeId: true } })).map(
        (row) => row.followeeId,
      ),
    ),
    followsViewer: whenViewer(async (viewer, ids) =>
      (await db.follow.findMany({ where: { followeeId: viewer, followerId: { in: ids } }, select: { followerId: true } })).map(
        (row) => row.followerId,
      ),
    ),
    viewerMutes: whenViewer(async (viewer, ids) =>
      (await db.mute.findMany({ where: { muterId: viewer, mutedId: { in: ids } }, select: { mutedId: true } })).map((row) => row.mutedId),
    ),
    /** The viewer's blocks, read once per request. */
    blocks: (): Promise<ViewerBlocks> => {
      if (!viewerId) return Promise.resolve(NO_BLOCKS);
      blocks ??= db.block.findMany({ where: { OR: [{ blockerId: viewerId }, { blockedId: viewerId }] } }).then((rows) => {
        const byViewer = new Set(rows.filter((row) => row.blockerId === viewerId).map((row) => row.blockedId));
        const either = new Set(rows.map((row) => (row.blockerId === viewerId ? row.blockedId : row.blockerId)));
        return { byViewer, either };
      });
      return blocks;
    },
  };
}

export type SocialLoaders = ReturnType<typeof createLoaders>;
