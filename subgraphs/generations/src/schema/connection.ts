import { badInput } from '../../../shared/src/errors';
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

export function pageSize(first: number | null | undefined): number {
  const size = first ?? PAGE_DEFAULT;
  if (!Number.isInteger(size) || size < 1 || size > PAGE_MAX) throw badInput(`first must be 1-${PAGE_MAX}.`, 'first');
  return size;
}

/** Where-clause for rows after the cursor in (createdAt desc, id desc) order. */
export const afterCursor = (after: string | null | undefined) => {
  if (!after) return {};
  const { createdAt, id } = decodeCursor(after);
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] };
};

export const newestFirst = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

interface Page<Row> {
  rows: Row[];
  hasNextPage: boolean;
}

/** Cuts one extra row fetched to learn whether another page exists. */
export function toPage<Row>(rows: Row[], size: number): Page<Row> {
  return { rows: rows.slice(0, size), hasNextPage: rows.length > size };
}

// Shared with other subgraphs' connections: the same value type everywhere.
const PageInfo = builder.objectRef<{ hasNextPage: boolean; endCursor: string | null }>('PageInfo').implement({
  shareable: true,
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage', { shareable: true }),
    endCursor: t.exposeString('endCursor', { nullable: true, shareable: true }),
  }),
});

type GenerationRow = typeof Generation.$inferType;

const GenerationEdge = builder.objectRef<GenerationRow>('GenerationEdge').implement({
  fields: (t) => ({
    cursor: t.string({ resolve: (row) => encodeCursor(row) }),
    node: t.field({ type: Generation, resolve: (row) => row }),
  }),
});

export const GenerationConnection = builder.objectRef<Page<GenerationRow>>('GenerationConnection').implement({
  fields: (t) => ({
    edges: t.field({ type: [GenerationEdge], resolve: (page) => page.rows }),
    pageInfo: t.field({
      type: PageInfo,
      resolve: (page) => ({ hasNextPage: page.hasNextPage, endCursor: page.rows.length ? encodeCursor(page.rows.at(-1)!) : null }),
    }),
  }),
});
