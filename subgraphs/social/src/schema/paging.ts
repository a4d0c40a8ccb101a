import { readCursor, signCursor } from '../../../shared/src/cursor';
import { definePageInfo, pageSize as checkedPageSize } from '../../../shared/src/connection';
import type { SocialContext } from '../context';
import { builder } from '../builder';

/** Page sizes: `first` defaults to 20 and is capped at 100. */
export const PAGE_DEFAULT = 20;
export const PAGE_MAX = 100;

interface Position {
  createdAt: Date;
  key: string;
}

const isPosition = (value: unknown): value is [string, string] =>
  Array.isArray(value) &&
  value.length === 2 &&
  typeof value[0] === 'string' &&
  typeof value[1] === 'string' &&
  !Number.isNaN(new Date(value[0]).getTime()) &&
  UUID.test(value[1]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Keyset cursors over (createdAt, key): stable while rows are added or removed. Signed and bound
 * to the viewer and the list (`connection`: field and the arguments that pick its rows), so a
 * crafted, altered or borrowed cursor is BAD_USER_INPUT before any query runs.
 */
export const encodeCursor = (ctx: SocialContext, connection: string, createdAt: Date, key: string) =>
  signCursor(ctx.cursorKey, scope(ctx, connection), [createdAt.toISOString(), key]);

export function decodeCursor(ctx: SocialContext, connection: string, cursor: string): Position {
  const [createdAt, key] = readCursor(ctx.cursorKey, scope(ctx, connection), cursor, isPosition);
  return { createdAt: new Date(createdAt), key };
}

const scope = (ctx: SocialContext, connection: string) => ({ viewerId: ctx.viewer?.userId ?? null, connection });

export const pageSize = (first: number | null | undefined) => checkedPageSize(first, PAGE_MAX, PAGE_DEFAULT);

export const PageInfo = definePageInfo(builder);
