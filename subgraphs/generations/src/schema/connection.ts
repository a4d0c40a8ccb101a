import { badInput } from '../../../shared/src/errors';
import { connectionFromRows, definePageInfo, pageSize as checkedPageSize, type Connection, type Edge } from '../../../shared/src/connection';
import { builder } from '../builder';
import { Generation } from './generation';

/** Page sizes: `first` defaults to 20 and is capped at 100. */
export const PAGE_DEFAULT = 20;
export const PAGE_MAX = 100;

/** Opaque keyset cursors over (createdAt desc, id desc): stable while rows are added. */
export const encodeCursor = (row: { createdAt: Date; id: string }) =>
  Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(createdAt);
    if (typeof id === 'string' && !Number.isNaN(date.getTime())) return { createdAt: date, id };
  } catch {
    // fall through
  }
  throw badInput('after is not a cursor from this list.', 'after');
}

export const pageSize = (first: number | null | undefined) => checkedPageSize(first, PAGE_MAX, PAGE_DEFAULT);

/** Where-clause for rows after the cursor in (createdAt desc, id desc) order. */
export const afterCursor = (after: string | null | undefined) => {
  if (!after) return {};
  const { createdAt, id } = decodeCursor(after);
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] };
};

export const newestFirst = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

type GenerationRow = typeof Generation.$inferType;

/** A page of rows fetched with `take: size + 1`. */
export const toConnection = (rows: GenerationRow[], size: number, after: string | null | undefined) => connectionFromRows(rows, size, after, encodeCursor);

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
