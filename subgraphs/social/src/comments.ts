import { DomainError, ErrorCode, badInput, forbidden, notFound } from '@cameo/kernel/errors';
import type { SocialContext } from './context';
import { addVideoCounts } from './engagement';
import { emit } from './events';
import { blocked, isUuid, viewerOf, visibleVideo } from './guards';
import { deliver, notify, type NewNotification } from './notifications';

/** Longest comment, in characters (code points). */
export const COMMENT_MAX = 500;

const teenProtected = () =>
  new DomainError(ErrorCode.TEEN_PROTECTED, 'Adults can comment on a teen’s video, or reply to a teen, only when that teen follows them.');

/**
 * The teen rule: an adult may start or join a conversation with a teen (comment on their video,
 * reply to their comment) only when the teen follows the adult — the teen chose the contact.
 */
async function checkTeenRule(ctx: SocialContext, viewerId: string, otherIds: string[]) {
  const others = otherIds.filter((id) => id !== viewerId);
  if (others.length === 0) return;
  const facts = await ctx.users.facts([viewerId, ...others]);
  if (facts.get(viewerId)?.ageBand !== 'ADULT') return;
  for (const id of others) {
    if (facts.get(id)?.ageBand !== 'TEEN') continue;
    const follows = await ctx.db.follow.findUnique({ where: { followerId_followeeId: { followerId: id, followeeId: viewerId } } });
    if (!follows) throw teenProtected();
  }
}

export interface CommentInput {
  generationId: string | number;
  body: string;
  parentId?: string | number | null;
}

/** A comment or a reply. Replies are one level deep: replying to a reply joins its thread. */
export async function createComment(ctx: SocialContext, input: CommentInput) {
  const viewer = viewerOf(ctx);
  const body = input.body.trim();
  if (!body || [...body].length > COMMENT_MAX) throw badInput(`A comment has 1-${COMMENT_MAX} characters.`, 'body');
  const video = await visibleVideo(ctx, viewer, input.generationId);
  let parent: { id: string; authorId: string } | null = null;
  if (input.parentId != null) {
    const parentId = String(input.parentId);
    const found = isUuid(parentId) ? await ctx.db.comment.findUnique({ where: { id: parentId } }) : null;
    if (!found || found.generationId !== video.id) throw badInput('parentId is not a comment on this video.', 'parentId');
    const top = found.parentId ? await ctx.db.comment.findUniqueOrThrow({ where: { id: found.parentId } }) : found;
    parent = { id: top.id, authorId: found.authorId };
    if ((await ctx.loaders.blocks()).either.has(found.authorId)) throw blocked();
  }
  await checkTeenRule(ctx, viewer, [video.creatorId, ...(parent ? [parent.authorId] : [])]);
  const { comment, live } = await ctx.db.$transaction(async (tx) => {
    const comment = await tx.comment.create({ data: { generationId: video.id, authorId: viewer, parentId: parent?.id ?? null, body } });
    await addVideoCounts(tx, video.id, { comments: 1 });
    await emit(tx, 'social.commented', {
      commentId: comment.id,
      userId: viewer,
      generationId: video.id,
      creatorId: video.creatorId,
      parentId: comment.parentId,
    });
    const notices: NewNotification[] = [
      { recipientId: video.creatorId, kind: 'COMMENT', actorId: viewer, generationId: video.id, commentId: comment.id },
    ];
    if (parent && parent.authorId !== video.creatorId) {
      notices.push({ recipientId: parent.authorId, kind: 'REPLY', actorId: viewer, generationId: video.id, commentId: comment.id });
    }
    return { comment, live: await notify(tx, notices) };
  });
  await deliver(ctx.pubsub, live);
  return comment;
}

/** Its author, or the video's creator, may delete a comment (its replies go with it). */
export async function deleteComment(ctx: SocialContext, commentId: string | number) {
  const viewer = viewerOf(ctx);
  const id = String(commentId);
  const comment = isUuid(id)
    ? await ctx.db.comment.findUnique({ where: { id }, include: { _count: { select: { replies: true } } } })
    : null;
  if (!comment) throw notFound('Comment');
  if (comment.authorId !== viewer) {
    const video = (await ctx.generations.facts([comment.generationId])).get(comment.generationId);
    if (video?.creatorId !== viewer) throw forbidden('Only its author or the video’s creator can delete a comment.');
  }
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.comment.deleteMany({ where: { id } });
    if (count === 0) return;
    const removed = 1 + comment._count.replies;
    await addVideoCounts(tx, comment.generationId, { comments: -removed });
    await emit(tx, 'social.comment_deleted', { commentId: id, generationId: comment.generationId, removed });
  });
  return id;
}
