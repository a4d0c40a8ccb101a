import { DomainError, ErrorCode, badInput, notFound, unauthenticated } from '@cameo/kernel/errors';
import type { SocialContext } from './context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

export function viewerOf(ctx: SocialContext): string {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer.userId;
}

export const blocked = () => new DomainError(ErrorCode.BLOCKED, 'You cannot interact with this account.');

/** Another existing user: not yourself (`CANNOT_TARGET_SELF`), not unknown (`NOT_FOUND`). */
export async function otherUser(ctx: SocialContext, viewerId: string, userId: string | number) {
  const id = String(userId);
  if (id === viewerId) throw new DomainError(ErrorCode.CANNOT_TARGET_SELF, 'You cannot do this to yourself.');
  if (!isUuid(id)) throw notFound('User');
  const user = (await ctx.users.facts([id])).get(id);
  if (!user) throw notFound('User');
  return user;
}

/** A published, visible video (`NOT_FOUND` otherwise) whose creator has no block with the viewer. */
export async function visibleVideo(ctx: SocialContext, viewerId: string, generationId: string | number) {
  const id = String(generationId);
  if (!isUuid(id)) throw badInput('generationId is not a video id.', 'generationId');
  const video = (await ctx.generations.facts([id])).get(id);
  if (!video?.visible) throw notFound('Video');
  if ((await ctx.loaders.blocks()).either.has(video.creatorId) && video.creatorId !== viewerId) throw blocked();
  return video;
}
