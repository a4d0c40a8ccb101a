import { readKeysetCursor, signKeysetCursor, type KeysetPosition } from '@cameo/kernel/cursor';
import { connectionFromRows, definePageInfo, pageSize as checkedPageSize, type Connection, type Edge } from '@cameo/kernel/connection';
import { builder } from '../builder';
import type { GenerationsContext } from '../context';
import { Generation } from './generation';

/** Page sizes: `first` defaults to 20 and is capped at 100. */
export const PAGE_DEFAULT = 20;
export const PAGE_MAX = 100;

const scope = (ctx: GenerationsContext, connection: string) => ({ viewerId: ctx.viewer?.userId ?? null, connection });

/**
 * Keyset cursors over (createdAt desc, id desc): stable while rows are added. Signed and bound to
 * the viewer and the list (`connection`: field and the arguments that pick its rows, e.g.
 * `User.generations:<id>`), so a crafted, altered or borrowed cursor is BAD_USER_INPUT.
 */
export const encodeCursor = (ctx: GenerationsContext, connection: string, row: KeysetPosition) =>
  signKeysetCursor(ctx.cursorKey, scope(ctx, connection), row);

export const decodeCursor = (ctx: GenerationsContext, connection: string, cursor: string): KeysetPosition =>
  readKeysetCursor(ctx.cursorKey, scope(ctx, connection), cursor);

export const pageSize = (first: number | null | undefined) => checkedPageSize(first, PAGE_MAX, PAGE_DEFAULT);

/** Where-clause for rows after the cursor in (createdAt desc, id desc) order. */
export const afterCursor = (ctx: GenerationsContext, connection: string, after: string | null | undefined) => {
  if (!after) return {};
  const { createdAt, id } = decodeCursor(ctx, connection, after);
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] };
};

export const newestFirst = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

type GenerationRow = typeof Generation.$inferType;

/** A page of rows fetched with `take: size + 1`. */
export const toConnection = (
  ctx: GenerationsContext,
  connection: string,
  rows: GenerationRow[],
  size: number,
  after: string | null | undefined,
) => connectionFromRows(rows, size, after, (row) => encodeCursor(ctx, connection, row));

const PageInfo = definePageInfo(builder);

const GenerationEdge = builder.objectRef<Edge<GenerationRow>>('GenerationEdge').implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: Generation, resolve: (edge) => edge.node }),
  }),
});

export const GenerationConnection = builder.objectRef<Connection<GenerationRow>>('GenerationConnection').implement({
  fields: (t) => ({
    edges: t.field({ type: [GenerationEdge], resolve: (page) => page.edges }),
    pageInfo: t.field({ type: PageInfo, resolve: (page) => page.pageInfo }),
  }),
});
