import type { ObjectRef, SchemaTypes } from '@pothos/core';
import { badInput } from './errors';

/**
 * Relay connections (https://relay.dev/graphql/connections.htm), forward pagination only
 * (`first`/`after`), built the same way in every subgraph. Cursors come from the caller
 * (signed and viewer-bound ones from cursor.ts); this module only shapes the page.
 *
 * `hasPreviousPage` is true exactly when an `after` cursor was given: the spec lets a
 * forward-only connection answer false or whether items exist before `after`, and a cursor the
 * server signed names an item that was on an earlier page, so "after was given" is that answer
 * without another query. `startCursor`/`endCursor` are the first and last edges' cursors (null on
 * an empty page).
 */
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Edge<Node> {
  node: Node;
  cursor: string;
}

export interface Connection<Node> {
  edges: Edge<Node>[];
  pageInfo: PageInfo;
}

/** Checks `first` (default `fallback`, 1 to `max`): BAD_USER_INPUT otherwise. */
export function pageSize(first: number | null | undefined, max: number, fallback: number): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > max) throw badInput(`first must be 1-${max}.`, 'first');
  return size;
}

/** A connection from edges already cut to the page, when the caller knows whether more follow. */
export function connection<Node>(edges: Edge<Node>[], page: { hasNextPage: boolean; after?: string | null }): Connection<Node> {
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: Boolean(page.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * A connection from rows fetched with one extra (`take: size + 1`): the extra row, if it came,
 * only says that another page exists and is not an edge.
 */
export function connectionFromRows<Row>(
  rows: Row[],
  size: number,
  after: string | null | undefined,
  cursorOf: (row: Row) => string,
): Connection<Row> {
  const edges = rows.slice(0, size).map((row) => ({ node: row, cursor: cursorOf(row) }));
  return connection(edges, { hasNextPage: rows.length > size, after });
}

/** The connection with no edges (nothing to show this viewer). */
export const emptyConnection = (after?: string | null): Connection<never> => connection<never>([], { hasNextPage: false, after });

/**
 * The `PageInfo` type, defined by this one function in every subgraph so that the shareable
 * value type is identical wherever it is composed.
 */
export function definePageInfo<Types extends SchemaTypes>(builder: PothosSchemaTypes.SchemaBuilder<Types>): ObjectRef<Types, PageInfo> {
  // Pothos cannot check field options against an unknown builder's types; these fields need none of them.
  const concrete = builder as unknown as PothosSchemaTypes.SchemaBuilder<
    PothosSchemaTypes.ExtendDefaultTypes<{ DefaultFieldNullability: false }>
  >;
  const ref = concrete.objectRef<PageInfo>('PageInfo').implement({
    shareable: true,
    description: 'Where a page of a connection sits (Relay). Forward pagination: hasPreviousPage is true when `after` was given.',
    fields: (t) => ({
      hasNextPage: t.boolean({ nullable: false, shareable: true, resolve: (info) => info.hasNextPage }),
      hasPreviousPage: t.boolean({ nullable: false, shareable: true, resolve: (info) => info.hasPreviousPage }),
      startCursor: t.string({ nullable: true, shareable: true, resolve: (info) => info.startCursor }),
      endCursor: t.string({ nullable: true, shareable: true, resolve: (info) => info.endCursor }),
    }),
  });
  return ref as unknown as ObjectRef<Types, PageInfo>;
}
