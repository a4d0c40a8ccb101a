import { builder } from '../builder';
import { connectionSize } from '@cameo/kernel/federation';
import { COMMENT_MAX, createComment, deleteComment } from '../comments';
import type { SocialContext } from '../context';
import { like, recordView, unlike } from '../engagement';
import { viewerOf } from '../guards';
import { connectionFromRows, type Connection, type Edge } from '@cameo/kernel/connection';
import { PAGE_MAX, PageInfo, decodeCursor, encodeCursor, pageSize } from './paging';
import { GenerationRef, UserRef } from './refs';

interface CommentRow {
  id: string;
  generationId: string;
  authorId: string;
  parentId: string | null;
  body: string;
  createdAt: Date;
}

/**
 * Comments in a thread: top-level ones on a video newest first, replies oldest first (read as
 * a conversation). Authors blocked either way with the viewer are left out.
 */
async function commentPage(
  ctx: SocialContext,
  where: { generationId: string; parentId: null } | { parentId: string },
  order: 'asc' | 'desc',
  args: { first?: number | null; after?: string | null },
): Promise<Connection<CommentRow>> {
  const size = pageSize(args.first);
  const hidden = [...(await ctx.loaders.blocks()).either];
  const connection = `comments:${JSON.stringify(where)}:${order}`;
  const after = args.after ? decodeCursor(ctx, connection, args.after) : null;
  const beyond = order === 'desc' ? 'lt' : 'gt';
  const rows = await ctx.db.comment.findMany({
    where: {
      ...where,
      ...(hidden.length ? { authorId: { notIn: hidden } } : {}),
      ...(after ? { OR: [{ createdAt: { [beyond]: after.createdAt } }, { createdAt: after.createdAt, id: { [beyond]: after.key } }] } : {}),
    },
    orderBy: [{ createdAt: order }, { id: order }],
    take: size + 1,
  });
  return connectionFromRows(rows, size, args.after, (row) => encodeCursor(ctx, connection, row.createdAt, row.id));
}

export const Comment = builder.objectRef<CommentRow>('Comment');

const CommentEdge = builder.objectRef<Edge<CommentRow>>('CommentEdge').implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: Comment, resolve: (edge) => edge.node }),
  }),
});

const CommentConnection = builder.objectRef<Connection<CommentRow>>('CommentConnection').implement({
  fields: (t) => ({
    edges: t.field({ type: [CommentEdge], resolve: (page) => page.edges }),
    pageInfo: t.field({ type: PageInfo, resolve: (page) => page.pageInfo }),
  }),
});

Comment.implement({
  description: `A comment on a video (1-${COMMENT_MAX} characters), or a reply to one; replies are one level deep.`,
  fields: (t) => ({
    id: t.exposeID('id'),
    body: t.exposeString('body'),
    author: t.field({ type: UserRef, resolve: (row) => ({ id: row.authorId }) }),
    video: t.field({ type: GenerationRef, resolve: (row) => ({ id: row.generationId }) }),
    parentId: t.exposeID('parentId', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    replies: t.field({
      type: CommentConnection,
      description: 'Replies, oldest first (empty on a reply).',
      args: { first: t.arg.int(), after: t.arg.string() },
      directives: connectionSize(PAGE_MAX),
      resolve: (row, args, ctx) => commentPage(ctx, { parentId: row.id }, 'asc', args),
    }),
  }),
});

builder.objectFields(GenerationRef, (t) => ({
  likeCount: t.int({ resolve: async (video, _args, ctx) => (await ctx.loaders.videoFacts.load(video.id)).likes }),
  commentCount: t.int({ resolve: async (video, _args, ctx) => (await ctx.loaders.videoFacts.load(video.id)).comments }),
  viewCount: t.int({
    description: 'People who watched it (each counted once).',
    resolve: async (video, _args, ctx) => (await ctx.loaders.videoFacts.load(video.id)).views,
  }),
  viewerHasLiked: t.boolean({ resolve: async (video, _args, ctx) => (await ctx.loaders.videoFacts.load(video.id)).viewerLiked }),
  comments: t.field({
    type: CommentConnection,
    description: 'Top-level comments, newest first.',
    args: { first: t.arg.int(), after: t.arg.string() },
    directives: connectionSize(PAGE_MAX),
    resolve: (video, args, ctx) => commentPage(ctx, { generationId: video.id, parentId: null }, 'desc', args),
  }),
}));

const CreateCommentInput = builder.inputType('CreateCommentInput', {
  fields: (t) => ({
    generationId: t.id({ required: true }),
    body: t.string({ required: true, description: `1-${COMMENT_MAX} characters.` }),
    parentId: t.id({ description: 'Reply to this comment (a reply to a reply joins its thread).' }),
  }),
});

builder.mutationFields((t) => ({
  likeGeneration: t.field({
    type: GenerationRef,
    description: 'Likes a published video (idempotent).',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => ({ id: await like(ctx, id) }),
  }),
  unlikeGeneration: t.field({
    type: GenerationRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => ({ id: await unlike(ctx, id) }),
  }),
  recordView: t.field({
    type: GenerationRef,
    description: 'Counts you as a viewer of a published video (once per person).',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => ({ id: await recordView(ctx, id) }),
  }),
  createComment: t.field({
    type: Comment,
    args: { input: t.arg({ type: CreateCommentInput, required: true }) },
    resolve: (_root, { input }, ctx) => createComment(ctx, input),
  }),
  deleteComment: t.id({
    description: 'Deletes a comment and its replies: its author or the video’s creator may.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => {
      viewerOf(ctx);
      return deleteComment(ctx, id);
    },
  }),
}));
