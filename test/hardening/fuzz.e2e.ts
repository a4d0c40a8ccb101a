import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isObjectType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { startStack, type TestStack } from '@cameo/test-helpers/stack';
import { signUp, type TestUser } from '@cameo/test-helpers/users';

// Raw GraphQL text on purpose: hardening tests probe the gateway at the wire with what no generated
// client sends (malformed, over-limit, introspection, misspelt or bare documents, exact bytes), so
// they do not use the typed documents of @cameo/test-helpers/generated.

/**
 * Thousands of random and malformed requests at the gateway: operations built from the public
 * schema with random arguments, mutated documents, wrong variables, garbage bodies and headers.
 * Every answer must come in time, be JSON, carry errors whenever it is not a success, never
 * show a stack trace, and the gateway must still answer afterwards. Seeded, so a failure can
 * be replayed (FUZZ_SEED); FUZZ_RUNS sets the size (CI: the default).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const schema = buildSchema(readFileSync(path.join(__dirname, '..', '..', 'schema', 'api.graphql'), 'utf8'));
let database: TestDatabase;
let stack: TestStack;
let user: TestUser;

// mulberry32: small, fast, seedable.
let state = SEED;
const random = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chance = (p: number) => random() < p;
const junkString = () =>
  pick([
    '',
    'x',
    'a'.repeat(3000),
    '💥🎬',
    '"; DROP TABLE users; --',
    '\u0000',
    '00000000-0000-4000-8000-000000000000',
    '-1',
    'null',
    '{}',
    '\\',
    '<script>',
  ]);

function literal(type: GraphQLInputType, depth = 0): string {
  if (chance(0.1)) return pick(['null', '123', '"oops"', 'true', '[]', '{}', '$undefined']);
  const nullable = getNullableType(type);
  if (isListType(nullable))
    return `[${Array.from({ length: Math.floor(random() * 3) }, () => literal(nullable.ofType, depth + 1)).join(', ')}]`;
  if (isEnumType(nullable)) return chance(0.9) ? pick(nullable.getValues()).name : 'NOT_A_VALUE';
  if (isInputObjectType(nullable)) {
    if (depth > 3) return '{}';
    const fields = Object.values(nullable.getFields()).filter(() => chance(0.8));
    return `{ ${fields.map((field) => `${field.name}: ${literal(field.type, depth + 1)}`).join(', ')} }`;
  }
  if (isScalarType(nullable)) {
    switch (nullable.name) {
      case 'Int':
        return pick(['0', '-1', '1', '50', '2147483647', '99999999999', '3.5']);
      case 'Float':
        return pick(['0', '-1.5', '1e308', '3']);
      case 'Boolean':
        return pick(['true', 'false']);
      default:
        return JSON.stringify(junkString());
    }
  }
  return 'null';
}

function selection(type: GraphQLObjectType, depth: number): string {
  const fields = Object.values(type.getFields());
  const chosen = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(fields));
  return chosen
    .map((field, i) => {
      const args = field.args.filter(() => chance(0.85)).map((arg) => `${arg.name}: ${literal(arg.type)}`);
      const alias = chance(0.1) ? `a${i}: ` : '';
      const named = getNamedType(field.type);
      const head = `${alias}${field.name}${args.length ? `(${args.join(', ')})` : ''}`;
      if (isObjectType(named)) return depth > 3 ? `${head} { __typename }` : `${head} { ${selection(named, depth + 1)} }`;
      return head;
    })
    .join(' ');
}

function operation(): string {
  const kind = pick(['query', 'query', 'mutation'] as const);
  const root = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  return `${kind} { ${selection(root, 1)} }`;
}

function mutate(text: string): string {
  const chars = [...text];
  for (let i = 0; i < 1 + Math.floor(random() * 4); i++) {
    const at = Math.floor(random() * (chars.length + 1));
    if (chance(0.5)) chars.splice(at, 1);
    else chars.splice(at, 0, pick(['{', '}', '(', ')', '$', '"', ':', '...', '@skip', '#', '\n', '!', 'fragment', '\\u']));
  }
  return chars.join('');
}

interface Attempt {
  body: string;
  headers: Record<string, string>;
  method: 'POST' | 'GET';
  /** The error code the gateway must answer with, when the attempt is built to pass a limit. */
  expectCode?: string;
}

/**
 * Fragments on User, each spreading the next `spreads` times (2^n fields for n fragments spread
 * twice): the gateway must measure them once each and answer at once, whatever n is.
 */
function fragmentChain(): { query: string; expectCode?: string } {
  const n = 1 + Math.floor(random() * 60);
  const spreads = 1 + Math.floor(random() * 3);
  const directive = chance(0.2) ? ' @include(if: true)' : '';
  let query = `query Chain { me { ...F0 } }\n`;
  for (let i = 0; i < n; i++)
    query += `fragment F${i} on User { handle${directive} ${i + 1 < n ? Array.from({ length: spreads }, () => `...F${i + 1}`).join(' ') : ''} }\n`;
  if (chance(0.2)) return { query: mutate(query) };
  if (n > 50) return { query, expectCode: 'TOO_MANY_FRAGMENTS' };
  if (spreads >= 2 && n >= 14 && !directive) return { query, expectCode: 'QUERY_TOO_COSTLY' };
  return { query };
}

/** Nested pages whose size is a variable with a default, sent or not, valid or not. */
function defaultedPages(): { query: string; variables?: Record<string, unknown>; expectCode?: string } {
  const fallback = pick(['100', '50', '2', '1', '0', '-1', '2147483647', 'null', '"ten"']);
  const query = `query Pages($f: Int = ${fallback}) { me { followers(first: $f) { edges { node { followers(first: $f) { edges { node { followers(first: $f) { totalCount } } } } } } } } }`;
  const send = chance(0.5);
  const variables = send ? { f: pick([2, 100, null, 'x', 1e9, -3]) } : undefined;
  // A default that is not an Int makes the document invalid, whatever is sent; otherwise 100
  // nested three deep is a million fields: refused whether it came from the default or was sent.
  const tooCostly = send ? variables!.f === 100 : fallback === '100' || fallback === '2147483647';
  const expectCode = fallback === '"ten"' ? 'GRAPHQL_VALIDATION_FAILED' : tooCostly ? 'QUERY_TOO_COSTLY' : undefined;
  return { query, variables, expectCode };
}

function attempt(): Attempt {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (chance(0.6)) headers.authorization = chance(0.8) ? `Bearer ${user.token}` : pick(['Bearer x.y.z', 'Basic abc', 'Bearer', '']);
  if (chance(0.05))
    headers['content-type'] = pick(['text/plain', 'application/graphql', 'multipart/form-data', 'application/json; charset=latin1']);
  const style = random();
  if (style < 0.08) {
    const { query, expectCode } = fragmentChain();
    // Signed out: other attempts may end the fuzzer's session, and limits apply before execution.
    return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }), expectCode };
  }
  if (style < 0.14) {
    const { query, variables, expectCode } = defaultedPages();
    return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }), expectCode };
  }
  if (style < 0.45) return { method: 'POST', headers, body: JSON.stringify({ query: operation() }) };
  if (style < 0.65) return { method: 'POST', headers, body: JSON.stringify({ query: mutate(operation()) }) };
  if (style < 0.8) {
    return {
      method: 'POST',
      headers,
      body: JSON.stringify({
        query: 'query ($id: ID!, $n: Int, $k: FeedKind!) { generation(id: $id) { id } feed(kind: $k, first: $n) { edges { cursor } } }',
        variables: { id: pick([1, null, {}, [], 'x']), n: pick([-5, 'ten', 1e9, null]), k: pick(['FOR_YOU', 'SIDEWAYS', 3]) },
      }),
    };
  }
  if (style < 0.9) {
    return {
      method: 'POST',
      headers,
      body: pick([
        '',
        '{',
        'null',
        '[]',
        '"query"',
        '{"query": 1}',
        '{"query": null}',
        '{"query": "{ me { id } }", "variables": "nope"}',
        '{"query": "{ me { id } }", "operationName": 7}',
        `{"query": "${'{'.repeat(500)}"}`,
        '\u0000\u0001',
      ]),
    };
  }
  return {
    method: 'GET',
    headers: { ...headers, 'apollo-require-preflight': 'true' },
    body: `?query=${encodeURIComponent(chance(0.5) ? operation() : mutate('{ me { id } }'))}`,
  };
}

beforeAll(async () => {
  database = await createTestDatabase('hardening_fuzz');
  stack = await startStack(database.url);
  user = await signUp(stack.gatewayUrl, 'fuzzer');
});
afterAll(async () => {
  await stack?.stop();
  await database?.drop();
});

it(`survives ${RUNS} random and malformed requests (seed ${SEED})`, async () => {
  const problems: string[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < RUNS) {
      const index = next++;
      const { method, headers, body, expectCode } = attempt();
      const url = method === 'GET' ? `${stack.gatewayUrl}${body}` : stack.gatewayUrl;
      let response: Response;
      try {
        response = await fetch(url, { method, headers, body: method === 'POST' ? body : undefined, signal: AbortSignal.timeout(10_000) });
      } catch (error) {
        problems.push(`#${index} no answer (${String(error)}): ${body.slice(0, 200)}`);
        continue;
      }
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const text = await response.text();
      let parsed: { data?: unknown; errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | undefined;
      try {
        parsed = JSON.parse(text) as typeof parsed;
      } catch {
        problems.push(`#${index} HTTP ${response.status} not JSON: ${text.slice(0, 120)} <- ${body.slice(0, 200)}`);
        continue;
      }
      const hasErrors = Array.isArray(parsed?.errors) && parsed!.errors!.every((error) => typeof error.message === 'string');
      if (response.status >= 400 && !hasErrors)
        problems.push(`#${index} HTTP ${response.status} without GraphQL errors <- ${body.slice(0, 200)}`);
      if (response.status >= 500 && !hasErrors) problems.push(`#${index} HTTP ${response.status} <- ${body.slice(0, 200)}`);
      if (expectCode && !parsed?.errors?.some((error) => error.extensions?.code === expectCode))
        problems.push(`#${index} expected ${expectCode}, got ${text.slice(0, 160)} <- ${body.slice(0, 200)}`);
      if (/\n\s+at /.test(text)) problems.push(`#${index} a stack trace leaked <- ${body.slice(0, 200)}`);
      // Bad input is refused as such: an internal error means some input got past every check.
      if (parsed?.errors?.some((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR'))
        problems.push(`#${index} an internal error: ${text.slice(0, 160)} <- ${body.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  process.stderr.write(`fuzz: ${RUNS} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}\n`);
  expect(problems.slice(0, 20)).toEqual([]);
  const alive = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(await alive.json()).toEqual({ data: { __typename: 'Query' } });
}, 120_000);
