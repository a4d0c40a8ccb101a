import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { codes, request } from '@cameo/test-helpers/graphql';
import { startStack, type TestStack } from '@cameo/test-helpers/stack';
import { collect, wsClient } from '@cameo/test-helpers/subscriptions';
import { signUp, type TestUser } from '@cameo/test-helpers/users';

// Raw GraphQL text on purpose: hardening tests probe the gateway at the wire with what no generated
// client sends (malformed, over-limit, introspection, misspelt or bare documents, exact bytes), so
// they do not use the typed documents of @cameo/test-helpers/generated.

/** Operation limits at the gateway, enforced before planning, with stable codes. */
let database: TestDatabase;
let stack: TestStack;
let user: TestUser;

beforeAll(async () => {
  database = await createTestDatabase('hardening_limits');
  stack = await startStack(database.url);
  user = await signUp(stack.gatewayUrl, 'limited');
});
afterAll(async () => {
  await stack?.stop();
  await database?.drop();
});

const ask = (query: string, variables?: Record<string, unknown>) => request(stack.gatewayUrl, query, { token: user.token, variables });

it('accepts an ordinary feed page and introspection', async () => {
  const feed = await ask(
    `{ feed(kind: FOR_YOU, first: 50) { edges { node { id creator { handle followers(first: 20) { totalCount } } } } } }`,
  );
  expect(feed.errors).toBeUndefined();
  const introspection = await ask(
    `{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }`,
  );
  expect(introspection.errors).toBeUndefined();
});

it('refuses too deep, too many aliases, too many root fields, too costly, too long, too large', async () => {
  const deep = `{ generation(id: "x") { ${'remixOf { '.repeat(16)}id${' }'.repeat(16)} } }`;
  expect(codes(await ask(deep))).toEqual(['QUERY_TOO_DEEP']);
  const aliases = `{ me { ${Array.from({ length: 31 }, (_, i) => `a${i}: handle`).join(' ')} } }`;
  expect(codes(await ask(aliases))).toEqual(['TOO_MANY_ALIASES']);
  const roots = `{ ${Array.from({ length: 11 }, (_, i) => `m${i}: me { id }`).join(' ')} }`;
  expect(codes(await ask(roots))).toEqual(['TOO_MANY_ROOT_FIELDS']);
  const costly = `query ($n: Int) { feed(kind: FOR_YOU, first: 50) { edges { node { creator { followers(first: $n) { edges { node { followers(first: $n) { totalCount } } } } } } } } }`;
  const refused = await ask(costly, { n: 100 });
  expect(codes(refused)).toEqual(['QUERY_TOO_COSTLY']);
  expect(refused.status).toBe(400);
  expect((await ask(costly, { n: 2 })).errors).toBeUndefined();
  const long = `{ me { ${'id '.repeat(6000)} } }`;
  expect(codes(await ask(long))).toEqual(['GRAPHQL_PARSE_FAILED']);
  const huge = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ me { id } }`, padding: 'x'.repeat(2 * 1024 * 1024) }),
  });
  expect(huge.status).toBe(413);
  expect(((await huge.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('REQUEST_TOO_LARGE');
  const broken = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
  expect(broken.status).toBe(400);
  expect(((await broken.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
});

it('applies the same limits to subscriptions', async () => {
  const socket = wsClient(stack.gatewayUrl, user.token);
  const run = collect(socket, `subscription { myGenerationUpdates { generation { ${'remixOf { '.repeat(15)}id${' }'.repeat(15)} } } }`);
  await run.done.catch(() => {});
  expect(run.results.flatMap((result) => result.errors ?? []).map((error) => error.extensions?.code)).toEqual(['QUERY_TOO_DEEP']);
  await socket.dispose();
});

/** n fragments, each spreading the next twice: 2^n fields once expanded, n fragments to read. */
const chain = (n: number, root: string) => {
  let document = `${root.replace('%', '...F0')}\n`;
  for (let i = 0; i < n; i++) document += `fragment F${i} on User { handle ${i + 1 < n ? `...F${i + 1} ...F${i + 1}` : ''} }\n`;
  return document;
};
const manyFragments = (n: number) =>
  `query Many { me { ${Array.from({ length: n }, (_, i) => `...G${i}`).join(' ')} } }\n` +
  Array.from({ length: n }, (_, i) => `fragment G${i} on User { id }`).join('\n');
// Three nested pages of followers whose size comes only from the variable's default.
const defaulted = (root: string) =>
  root.replace(
    '%',
    `followers(first: $f) { edges { node { followers(first: $f) { edges { node { followers(first: $f) { totalCount } } } } } } }`,
  );
const errorCodes = (results: { errors?: readonly { extensions?: Record<string, unknown> }[] }[]) =>
  results.flatMap((result) => result.errors ?? []).map((error) => error.extensions?.code);

it('measures a fragment chain once per fragment and caps fragments, over HTTP', async () => {
  // 30 fragments spread twice each: the old walk expanded 2^30 fields before answering.
  const chained = await ask(chain(30, 'query Chain { me { % } }'));
  expect(codes(chained)).toEqual(['QUERY_TOO_COSTLY']);
  expect(chained.status).toBe(400);
  expect(codes(await ask(manyFragments(51)))).toEqual(['TOO_MANY_FRAGMENTS']);
  expect((await ask(manyFragments(50))).errors).toBeUndefined();
});

it('counts a page size given by a variable default, over HTTP', async () => {
  const query = defaulted('query Nested($f: Int = 100) { me { % } }');
  expect(codes(await ask(query))).toEqual(['QUERY_TOO_COSTLY']);
  expect((await ask(query, { f: 2 })).errors).toBeUndefined();
});

it('measures a fragment chain and caps fragments over graphql-ws', async () => {
  const socket = wsClient(stack.gatewayUrl, user.token);
  const chained = collect(socket, chain(30, 'subscription Chain { myGenerationUpdates { generation { creator { % } } } }'));
  await chained.waitFor(1);
  expect(errorCodes(chained.results)).toEqual(['QUERY_TOO_COSTLY']);
  const many = collect(socket, manyFragments(51));
  await many.waitFor(1);
  expect(errorCodes(many.results)).toEqual(['TOO_MANY_FRAGMENTS']);
  await socket.dispose();
});

it('counts a page size given by a variable default over graphql-ws', async () => {
  const socket = wsClient(stack.gatewayUrl, user.token);
  const subscription = collect(
    socket,
    defaulted('subscription Nested($f: Int = 100) { myGenerationUpdates { generation { creator { % } } } }'),
  );
  await subscription.waitFor(1);
  expect(errorCodes(subscription.results)).toEqual(['QUERY_TOO_COSTLY']);
  const query = defaulted('query Nested($f: Int = 100) { me { % } }');
  const refused = collect(socket, query);
  await refused.waitFor(1);
  expect(errorCodes(refused.results)).toEqual(['QUERY_TOO_COSTLY']);
  const small = collect(socket, query, { f: 2 });
  await small.done;
  expect(small.results).toHaveLength(1);
  expect(small.results[0]!.errors).toBeUndefined();
  expect(small.results[0]!.data).toHaveProperty('me.followers.edges');
  await socket.dispose();
});
