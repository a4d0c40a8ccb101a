import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { codes, graphql } from '../helpers/graphql';
import { startStack, type TestStack } from '../helpers/stack';
import { collect, wsClient } from '../helpers/subscriptions';
import { signUp, type TestUser } from '../helpers/users';

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

const ask = (query: string, variables?: Record<string, unknown>) => graphql(stack.gatewayUrl, query, { token: user.token, variables });

it('accepts an ordinary feed page and introspection', async () => {
  const feed = await ask(`{ feed(kind: FOR_YOU, first: 50) { edges { node { id creator { handle followers(first: 20) { totalCount } } } } } }`);
  expect(feed.errors).toBeUndefined();
  const introspection = await ask(`{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }`);
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
  const huge = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ me { id } }`, padding: 'x'.repeat(2 * 1024 * 1024) }) });
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
