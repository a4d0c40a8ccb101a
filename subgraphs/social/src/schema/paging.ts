import { readCursor, signCursor } from '../../../shared/src/cursor';
import { badInput } from '../../../shared/src/errors';
import type { SocialContext } from '../context';
import { builder } from '../builder';

/** Page sizes: `first` defaults to 20 and is capped at 100. */
export const PAGE_DEFAULT = 20;
export const PAGE_MAX = 100;

export interface Page<Row> {
  rows: Row[];
  hasNextPage: boolean;
  cursorOf: (row: Row) => string;
}

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

export function pageSize(first: number | null | undefined): number {
  const size = first ?? PAGE_DEFAULT;
  if (!Number.isInteger(size) || size < 1 || size > PAGE_MAX) throw badInput(`first must be 1-${PAGE_MAX}.`, 'first');
  return size;
}

/** Cuts the one extra row fetched to learn whether another page exists. */
export function toPage<Row>(rows: Row[], size: number, cursorOf: (row: Row) => string): Page<Row> {
  return { rows: rows.slice(0, size), hasNextPage: rows.length > size, cursorOf };
}

export const PageInfo = builder.objectRef<{ hasNextPage: boolean; endCursor: string | null }>('PageInfo').implement({
  shareable: true,
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage', { shareable: true }),
    endCursor: t.exposeString('endCursor', { nullable: true, shareable: true }),
  }),
});

export const pageInfo = <Row>(page: Page<Row>) => ({
  hasNextPage: page.hasNextPage,
  endCursor: page.rows.length ? page.cursorOf(page.rows.at(-1)!) : null,
});
