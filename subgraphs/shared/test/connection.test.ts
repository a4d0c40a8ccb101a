import fc from 'fast-check';
import { connection, connectionFromRows, emptyConnection, pageSize } from '../src/connection';
import { cursorKey, readCursor, signCursor } from '../src/cursor';

const key = cursorKey('a-cursor-secret-of-the-platform-that-is-long-enough');
const scope = { viewerId: 'viewer-1', connection: 'Test.items' };
const cursorOf = (row: number) => signCursor(key, scope, row);
const isIndex = (value: unknown): value is number => Number.isInteger(value);

/** What a resolver does: rows after the cursor's position, `take: size + 1`, then the helper. */
function fetchPage(list: number[], size: number, after: string | null) {
  const from = after === null ? 0 : list.indexOf(readCursor(key, scope, after, isIndex)) + 1;
  return connectionFromRows(list.slice(from, from + size + 1), size, after, cursorOf);
}

describe('connectionFromRows', () => {
  it('pages cover the list in order with no gap or duplicate, and pageInfo agrees with the edges', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer(), { maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 20 }),
        (list, sizes) => {
          const seen: number[] = [];
          let after: string | null = null;
          for (let i = 0; ; i++) {
            const size = sizes[i % sizes.length]!;
            const page = fetchPage(list, size, after);
            const { pageInfo, edges } = page;
            expect(edges.length).toBeLessThanOrEqual(size);
            expect(edges.every((edge) => edge.cursor === cursorOf(edge.node))).toBe(true);
            expect(pageInfo.startCursor).toBe(edges[0]?.cursor ?? null);
            expect(pageInfo.endCursor).toBe(edges.at(-1)?.cursor ?? null);
            expect(pageInfo.hasPreviousPage).toBe(after !== null);
            // A full page unless it is the last one; the last one says so.
            expect(pageInfo.hasNextPage).toBe(seen.length + edges.length < list.length);
            if (pageInfo.hasNextPage) expect(edges).toHaveLength(size);
            seen.push(...edges.map((edge) => edge.node));
            if (!pageInfo.hasNextPage) break;
            after = pageInfo.endCursor;
          }
          expect(seen).toEqual(list);
        },
      ),
    );
  });

  it('never makes an edge of the extra row', () => {
    const page = connectionFromRows([1, 2, 3], 2, null, String);
    expect(page.edges.map((edge) => edge.node)).toEqual([1, 2]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: '1', endCursor: '2' });
  });
});

describe('connection', () => {
  it('an empty page has null cursors; hasPreviousPage follows `after`', () => {
    expect(emptyConnection().pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
    expect(emptyConnection('c').pageInfo.hasPreviousPage).toBe(true);
    expect(connection([{ node: 'a', cursor: 'x' }], { hasNextPage: false, after: '' }).pageInfo.hasPreviousPage).toBe(false);
  });
});

describe('pageSize', () => {
  it('defaults, accepts 1..max, refuses the rest as BAD_USER_INPUT on `first`', () => {
    expect(pageSize(undefined, 50, 10)).toBe(10);
    expect(pageSize(null, 50, 10)).toBe(10);
    expect(pageSize(50, 50, 10)).toBe(50);
    for (const bad of [0, -1, 51, 1.5]) {
      expect(() => pageSize(bad, 50, 10)).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
      );
    }
  });
});
