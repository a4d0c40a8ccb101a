import { badInput } from '../../../shared/src/errors';
import { builder } from '../builder';

/** Page sizes: `first` defaults to 20 and is capped at 100. */
export const PAGE_DEFAULT = 20;
export const PAGE_MAX = 100;

export interface Page<Row> {
  rows: Row[];
  hasNextPage: boolean;
  cursorOf: (row: Row) => string;
}

/** Opaque keyset cursors over (createdAt, key): stable while rows are added or removed. */
export const encodeCursor = (createdAt: Date, key: string) => Buffer.from(JSON.stringify([createdAt.toISOString(), key])).toString('base64url');

export function decodeCursor(cursor: string): { createdAt: Date; key: string } {
  try {
    const [createdAt, key] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(createdAt);
    if (typeof key === 'string' && !Number.isNaN(date.getTime())) return { createdAt: date, key };
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
