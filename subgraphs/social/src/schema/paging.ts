import { readKeysetCursor, signKeysetCursor } from '@cameo/kernel/cursor';
import { definePageInfo, pageSize as checkedPageSize } from '@cameo/kernel/connection';
import type { SocialContext } from '../context';
import { builder } from '../builder';

/** Page sizes: `first` defaults to 20 and is capped at 100. */
export const PAGE_DEFAULT = 20;
export const PAGE_MAX = 100;

const scope = (ctx: SocialContext, connection: string) => ({ viewerId: ctx.viewer?.userId ?? null, connection });

/**
 * Keyset cursors over (createdAt, key): stable while rows are added or removed. Signed and bound
 * to the viewer and the list (`connection`: field and the arguments that pick its rows), so a
 * crafted, altered or borrowed cursor is BAD_USER_INPUT before any query runs.
 */
export const encodeCursor = (ctx: SocialContext, connection: string, createdAt: Date, key: string) =>
  signKeysetCursor(ctx.cursorKey, scope(ctx, connection), { createdAt, id: key });

export function decodeCursor(ctx: SocialContext, connection: string, cursor: string): { createdAt: Date; key: string } {
  const { createdAt, id } = readKeysetCursor(ctx.cursorKey, scope(ctx, connection), cursor);
  return { createdAt, key: id };
}

export const pageSize = (first: number | null | undefined) => checkedPageSize(first, PAGE_MAX, PAGE_DEFAULT);

export const PageInfo = definePageInfo(builder);
