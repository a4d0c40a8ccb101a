import { builder } from '../builder';
import { connectionSize } from '@cameo/kernel/federation';
import type { SocialContext } from '../context';
import { block, follow, mute, unblock, unfollow } from '../relationships';
import { connectionFromRows, type Connection, type Edge } from '@cameo/kernel/connection';
import { PAGE_MAX, PageInfo, decodeCursor, encodeCursor, pageSize } from './paging';
import { UserRef } from './refs';

interface FollowRow {
  userId: string;
  createdAt: Date;
}

const FollowEdge = builder.objectRef<Edge<FollowRow>>('FollowEdge').implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: UserRef, resolve: (edge) => ({ id: edge.node.userId }) }),
    followedAt: t.field({ type: 'DateTime', description: 'When the follow began.', resolve: (edge) => edge.node.createdAt }),
  }),
});

const FollowConnection = builder.objectRef<Connection<FollowRow> & { totalCount: Promise<number> }>('FollowConnection').implement({
  fields: (t) => ({
    edges: t.field({ type: [FollowEdge], resolve: (page) => page.edges }),
    pageInfo: t.field({ type: PageInfo, resolve: (page) => page.pageInfo }),
    totalCount: t.int({ resolve: (page) => page.totalCount }),
  }),
});

/**
 * One page of a user's followers (or the people they follow), newest first, by keyset on the
 * (user, created_at desc, other user desc) index: one query per page whatever the list's size.
 * People blocked either way with the viewer are left out.
 */
export async function followPage(
  ctx: SocialContext,
  userId: string,
  direction: 'followers' | 'following',
  args: { first?: number | null; after?: string | null },
) {
  const size = pageSize(args.first);
  const hidden = [...(await ctx.loaders.blocks()).either];
  const own = direction === 'followers' ? 'followeeId' : 'followerId';
  const other = direction === 'followers' ? 'followerId' : 'followeeId';
  const connection = `User.${direction}:${userId}`;
  const after = args.after ? decodeCursor(ctx, connection, args.after) : null;
  const rows = await ctx.db.follow.findMany({
    where: {
      [own]: userId,
      ...(hidden.length ? { [other]: { notIn: hidden } } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, [other]: { lt: after.key } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { [other]: 'desc' }],
    take: size + 1,
    select: { followerId: true, followeeId: true, createdAt: true },
  });
  const page = connectionFromRows(
    rows.map((row) => ({ userId: row[other], createdAt: row.createdAt })),
    size,
    args.after,
    (row) => encodeCursor(ctx, connection, row.createdAt, row.userId),
  );
  const totalCount = ctx.loaders.userCounts.load(userId).then((counts) => counts[direction]);
  return { ...page, totalCount };
}

builder.objectFields(UserRef, (t) => ({
  followers: t.field({
    type: FollowConnection,
    description: 'People who follow this user, newest first.',
    args: { first: t.arg.int(), after: t.arg.string() },
    directives: connectionSize(PAGE_MAX),
    resolve: (user, args, ctx) => followPage(ctx, user.id, 'followers', args),
  }),
  following: t.field({
    type: FollowConnection,
    description: 'People this user follows, newest first.',
    args: { first: t.arg.int(), after: t.arg.string() },
    directives: connectionSize(PAGE_MAX),
    resolve: (user, args, ctx) => followPage(ctx, user.id, 'following', args),
  }),
  followerCount: t.int({ resolve: async (user, _args, ctx) => (await ctx.loaders.userCounts.load(user.id)).followers }),
  followingCount: t.int({ resolve: async (user, _args, ctx) => (await ctx.loaders.userCounts.load(user.id)).following }),
  isFollowedByViewer: t.boolean({
    description: 'You follow this user.',
    resolve: (user, _args, ctx) => ctx.loaders.viewerFollows.load(user.id),
  }),
  followsViewer: t.boolean({
    description: 'This user follows you.',
    resolve: (user, _args, ctx) => ctx.loaders.followsViewer.load(user.id),
  }),
  isMutual: t.boolean({
    description: 'You follow each other (what MUTUALS cameo consent means).',
    resolve: async (user, _args, ctx) => (await ctx.loaders.viewerFollows.load(user.id)) && (await ctx.loaders.followsViewer.load(user.id)),
  }),
  isBlockedByViewer: t.boolean({ resolve: async (user, _args, ctx) => (await ctx.loaders.blocks()).byViewer.has(user.id) }),
  isMutedByViewer: t.boolean({ resolve: (user, _args, ctx) => ctx.loaders.viewerMutes.load(user.id) }),
}));

type UserMutation = { description: string; run: (ctx: SocialContext, userId: string) => Promise<string> };
const userMutation = (description: string, run: UserMutation['run']): UserMutation => ({ description, run });

const mutations: Record<string, UserMutation> = {
  follow: userMutation('Follows a user (idempotent). BLOCKED across a block; CANNOT_TARGET_SELF.', (ctx, id) => follow(ctx, id)),
  unfollow: userMutation('Stops following a user (idempotent).', (ctx, id) => unfollow(ctx, id)),
  block: userMutation('Blocks a user: follows both ways end, and nothing passes between you.', (ctx, id) => block(ctx, id)),
  unblock: userMutation('Lifts a block (follows do not come back).', (ctx, id) => unblock(ctx, id)),
  mute: userMutation('Hides a user’s videos from your feeds without telling them.', (ctx, id) => mute(ctx, id, true)),
  unmute: userMutation('Shows a muted user’s videos again.', (ctx, id) => mute(ctx, id, false)),
};

builder.mutationFields((t) =>
  Object.fromEntries(
    Object.entries(mutations).map(([name, { description, run }]) => [
      name,
      t.field({
        type: UserRef,
        description,
        args: { userId: t.arg.id({ required: true }) },
        resolve: async (_root, { userId }, ctx) => ({ id: await run(ctx, String(userId)) }),
      }),
    ]),
  ),
);
