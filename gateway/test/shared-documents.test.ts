import { parse } from 'graphql';
import { createSharedDocuments } from '../src/subscriptions/shared-documents';

/** Subscriptions sent with the same text share one parsed document (pure). */
describe('createSharedDocuments', () => {
  const A = 'subscription A { a }';
  const B = 'subscription B { b }';

  it('hands every subscription of one text the first document parsed from it, and other texts their own', () => {
    const shared = createSharedDocuments(10);
    const first = shared(A, parse(A));
    expect(shared(A, parse(A))).toBe(first);
    const other = shared(B, parse(B));
    expect(other).not.toBe(first);
    expect(other).toEqual(parse(B));
  });

  it('remembers at most `limit` texts, forgetting the oldest', () => {
    const shared = createSharedDocuments(1);
    const first = shared(A, parse(A));
    shared(B, parse(B));
    const again = parse(A);
    expect(shared(A, again)).toBe(again);
    expect(shared(A, parse(A))).not.toBe(first);
  });
});
