import { DomainError, ErrorCode, forbidden, notFound, unauthenticated } from '@cameo/kernel/errors';
import type { UsersContext } from '../context';
import { isUuid } from './user';

export function requireViewer(ctx: UsersContext): string {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer.userId;
}

/** Loads a cameo the viewer owns: NOT_FOUND when there is none, FORBIDDEN when it is someone else's. */
export async function ownedCameo(ctx: UsersContext, id: string | number) {
  const viewerId = requireViewer(ctx);
  const cameo = isUuid(String(id)) ? await ctx.db.cameo.findUnique({ where: { id: String(id) } }) : null;
  if (!cameo) throw notFound('Cameo');
  if (cameo.ownerId !== viewerId) throw forbidden('Only the cameo’s owner can do this.');
  return cameo;
}

export const invalidState = (message: string) => new DomainError(ErrorCode.INVALID_CAMEO_STATE, message);
