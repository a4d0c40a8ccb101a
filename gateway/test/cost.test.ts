import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { getOperationAST, parse, type GraphQLObjectType } from 'graphql';
import { createMeasureCache, measureOperation } from '../src/cost';
import { DEFAULT_LIMITS, checkLimits } from '../src/limits';

// Raw GraphQL text on purpose: these documents are built to hit the cost and size limits (deep,
// fragment-heavy, over-budget), which no generated client would send.

/** The committed supergraph, as the gateway loads it: the cost declarations live there. */
const supergraph = Supergraph.build(readFileSync(path.join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8'));
const schema = supergraph.schema.toGraphQLJSSchema();
const apiSchema = supergraph.apiSchema().toGraphQLJSSchema();

const measure = (query: string, variables: Record<string, unknown> = {}, on = schema) => {
  const document = parse(query);
  return measureOperation(on, document, getOperationAST(document)!, variables);
};
const code = (query: string, variables: Record<string, unknown> = {}) =>
  checkLimits(measure(query, variables), DEFAULT_LIMITS)?.extensions.code ?? null;

/** n fragments, each spreading the next twice: 2^n fields once expanded, n fragments to read. */
const chain = (n: number) => {
  let query = 'query Chain { me { ...F0 } }\n';
  for (let i = 0; i < n; i++) query += `fragment F${i} on User { handle ${i + 1 < n ? `...F${i + 1} ...F${i + 1}` : ''} }\n`;
  return query;
};

describe('operation cost', () => {
  it('measures each fragment once, however often it is spread', () => {
    const document = parse(chain(40));
    const visits: string[] = [];
    const result = measureOperation(schema, document, getOperationAST(document)!, {}, { onFragmentVisit: (name) => visits.push(name) });
    expect(visits).toEqual(Array.from({ length: 40 }, (_, i) => `F${i}`));
    // me (1) + F0, where F_i = 1 + 2·F_{i+1} and F39 = 1: the expanded count, computed, not walked.
    expect(result).toMatchObject({ cost: 2 ** 40, depth: 2, rootFields: 1, fragments: 40 });
    expect(checkLimits(result, DEFAULT_LIMITS)?.extensions.code).toBe('QUERY_TOO_COSTLY');
  });

  it('refuses more than 50 fragment definitions with TOO_MANY_FRAGMENTS', () => {
    const fragments = (n: number) =>
      `query Many { me { ${Array.from({ length: n }, (_, i) => `...G${i}`).join(' ')} } }\n` +
      Array.from({ length: n }, (_, i) => `fragment G${i} on User { id }`).join('\n');
    expect(code(fragments(50))).toBeNull();
    expect(code(fragments(51))).toBe('TOO_MANY_FRAGMENTS');
  });

  it('refuses more than 50 directives with TOO_MANY_DIRECTIVES, counting a fragment at each spread', () => {
    const spreads = (n: number) =>
      `query D { me { ...H ${Array.from({ length: n }, () => '...H').join(' ')} } } fragment H on User { id @include(if: true) }`;
    expect(code(spreads(49))).toBeNull();
    expect(code(spreads(50))).toBe('TOO_MANY_DIRECTIVES');
  });

  it('reads page sizes from coerced variables, defaults included', () => {
    const nested = `query Nested($f: Int = 100) { me { followers(first: $f) { edges { node { followers(first: $f) { edges { node { followers(first: $f) { edges { node { handle } } } } } } } } } } }`;
    const literal = nested.replace('($f: Int = 100)', '').replaceAll('$f', '100');
    expect(measure(nested).cost).toBe(measure(literal).cost);
    expect(code(nested)).toBe('QUERY_TOO_COSTLY');
    expect(code(nested, { f: 2 })).toBeNull();
    // A variable that does not coerce is unknown: the field's maximum, never 0 or 1.
    expect(measure(nested, { f: 'many' }).cost).toBe(measure(literal).cost);
  });

  it('reads @listSize and @cost from the supergraph; an open page size counts as the maximum', () => {
    const feed = (schema.getQueryType() as GraphQLObjectType).getFields().feed!;
    expect(feed.astNode?.directives?.map((directive) => directive.name.value)).toEqual(expect.arrayContaining(['listSize', 'cost']));
    // feed: @cost(weight: 10), @listSize(assumedSize: 50, sizedFields: ["edges"]) → 10 + edges (1 + 50 × (node + id)).
    expect(measure(`{ feed(kind: FOR_YOU) { edges { node { id } } } }`).cost).toBe(10 + 1 + 50 * 2);
    expect(measure(`{ feed(kind: FOR_YOU, first: 3) { edges { node { id } } } }`).cost).toBe(10 + 1 + 3 * 2);
    // followers: assumedSize 100 (the page cap), not a guess of 10.
    expect(measure(`{ me { followers { edges { node { id } } } } }`).cost).toBe(1 + 1 + 1 + 100 * 2);
    // The API schema carries no declarations: every field weighs 1 and edges is an undeclared list.
    expect(measure(`{ feed(kind: FOR_YOU, first: 3) { edges { node { id } } } }`, {}, apiSchema).cost).toBe(1 + 1 + 100 * 2);
    // A declared small list (a generation's cast) against an undeclared one (a user's cameos).
    expect(measure(`{ generation(id: "g") { cameos { id } } }`).cost).toBe(1 + 1 + 10);
    expect(measure(`{ myCameos { id } }`).cost).toBe(1 + 100);
  });

  it('sizes a connection through a fragment by the field that spreads it', () => {
    const query = `{ me { a: followers(first: 3) { ...Page } b: followers(first: 5) { ...Page } } } fragment Page on FollowConnection { edges { node { id } } }`;
    expect(measure(query).cost).toBe(1 + (1 + 1 + 3 * 2) + (1 + 1 + 5 * 2));
  });

  it('keeps introspection affordable', () => {
    expect(code(`{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }`)).toBeNull();
  });
});

it('counts directives in a doubling fragment chain without overflowing into an error', () => {
  const query = chain(60).replaceAll('{ handle', '{ handle @include(if: true)');
  const document = parse(query);
  const result = measureOperation(schema, document, getOperationAST(document)!);
  expect(result.directives).toBeGreaterThan(2 ** 59);
  expect(checkLimits(result, DEFAULT_LIMITS)?.extensions.code).toBe('TOO_MANY_FRAGMENTS');
});

describe('measures remembered per document', () => {
  const query =
    'query Page($kind: FeedKind!, $first: Int, $after: String) { feed(kind: $kind, first: $first, after: $after) { edges { node { id caption } } } }';
  const fresh = (variables: Record<string, unknown>) => measure(query, variables);

  it('reuses a measure when only the cursor changes, and measures a new page size anew, as measureOperation would', () => {
    const cached = createMeasureCache();
    const document = parse(query);
    const operation = getOperationAST(document)!;
    const first = cached(schema, document, operation, { kind: 'FOLLOWING', first: 10, after: 'a' });
    expect(cached(schema, document, operation, { kind: 'FOLLOWING', first: 10, after: 'b' })).toBe(first);
    expect(first).toEqual(fresh({ kind: 'FOLLOWING', first: 10 }));
    const larger = cached(schema, document, operation, { kind: 'FOLLOWING', first: 50, after: 'a' });
    expect(larger).toEqual(fresh({ kind: 'FOLLOWING', first: 50 }));
    expect(larger.cost).toBeGreaterThan(first.cost);
  });

  it('never stores the measure of variables that do not coerce, so it cannot stand in for valid ones', () => {
    const cached = createMeasureCache();
    const document = parse(query);
    const operation = getOperationAST(document)!;
    // An unknown enum value: coercion fails, and the page size counts as open (the field's maximum).
    const invalid = cached(schema, document, operation, { kind: 'NOPE', first: 2 });
    expect(invalid).toEqual(measureOperation(schema, document, operation, { kind: 'NOPE', first: 2 }));
    const valid = cached(schema, document, operation, { kind: 'FOLLOWING', first: 2 });
    expect(valid).toEqual(fresh({ kind: 'FOLLOWING', first: 2 }));
    expect(valid.cost).not.toBe(invalid.cost);
  });

  it('measures against a new schema afresh', () => {
    const cached = createMeasureCache();
    const document = parse(query);
    const operation = getOperationAST(document)!;
    const before = cached(schema, document, operation, { kind: 'FOLLOWING', first: 10 });
    expect(cached(apiSchema, document, operation, { kind: 'FOLLOWING', first: 10 })).not.toBe(before);
  });
});
