import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Gateway, GatewayOptions } from '@cameo/gateway/gateway';
import { MeDocument, SignInDocument } from '@cameo/sdk';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { codes, request, until } from '@cameo/test-helpers/graphql';
import { startReplicaGateway, startStack, type TestStack } from '@cameo/test-helpers/stack';
import { collect, wsClient, wsUrl } from '@cameo/test-helpers/subscriptions';
import { signUp, type TestUser } from '@cameo/test-helpers/users';

// Raw GraphQL text on purpose: hardening tests probe the gateway at the wire with what no generated
// client sends (malformed, over-limit, introspection, misspelt or bare documents, exact bytes), so
// they do not use the typed documents of @cameo/test-helpers/generated.

/**
 * One rulebook for every transport: each rule of the gateway holds over HTTP and over
 * graphql-ws alike — rate limits (counted together), the safelist, the operation limits — and
 * the WebSocket's own caps (sockets per address, operations per socket and per user) hold.
 */
let database: TestDatabase;
let stack: TestStack;
const gateways: Gateway[] = [];
const clients: Client[] = [];
let ada: TestUser, bob: TestUser;

beforeAll(async () => {
  database = await createTestDatabase('hardening_rules_both_transports');
  stack = await startStack(database.url);
  [ada, bob] = await Promise.all([signUp(stack.gatewayUrl, 'ada'), signUp(stack.gatewayUrl, 'bob')]);
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  for (const gateway of gateways) await gateway.stop();
  await stack?.stop();
  await database?.drop();
});

async function replica(options: Partial<GatewayOptions>): Promise<{ url: string; gateway: Gateway }> {
  const started = await startReplicaGateway(stack, options);
  gateways.push(started.gateway);
  return started;
}

function socket(url: string, token?: string): Client {
  const client = wsClient(url, token);
  clients.push(client);
  return client;
}

/** Runs one operation over graphql-ws to its end; the results (an `error` message is kept as one). */
async function overWs(client: Client, query: string, variables?: Record<string, unknown>) {
  const run = collect(client, query, variables);
  await run.done;
  return run.results;
}
const wsCodes = (results: Awaited<ReturnType<typeof overWs>>) =>
  results.flatMap((result) => result.errors ?? []).map((error) => error.extensions?.code);

/** Rate windows are whole minutes: a test that counts starts clear of a window's last seconds. */
async function awayFromWindowEnd() {
  await until('clear of a rate window’s last seconds', () => Math.floor(Date.now() / 1000) % 60 < 55);
}

describe('rate limits count HTTP and graphql-ws together', () => {
  it('an address limited over HTTP is limited over the socket too: an error result with the retry time, the socket stays open', async () => {
    await awayFromWindowEnd();
    const { url } = await replica({ rateLimits: { perUserPerMinute: 1000, perIpPerMinute: 3 } });
    const signIn = { query: SignInDocument.toString(), variables: { input: { handle: 'ada', password: 'wrong-password' } } };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await request(url, signIn.query, { variables: signIn.variables })).status);
    // A wrong password is refused on its own terms three times, then the address is limited.
    expect(statuses.map((status) => status === 429)).toEqual([false, false, false, true]);

    const client = socket(url);
    for (let attempt = 0; attempt < 2; attempt++) {
      // `done` resolves (not rejects): the refusal is an `error` message, not a closed socket.
      const results = await overWs(client, signIn.query, signIn.variables);
      expect(wsCodes(results)).toEqual(['RATE_LIMITED']);
      expect(results[0]!.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
    }
  });

  it('a user limited over the socket is limited over HTTP too; someone else is not', async () => {
    await awayFromWindowEnd();
    const { url } = await replica({ rateLimits: { perUserPerMinute: 3, perIpPerMinute: 1000 } });
    const client = socket(url, ada.token);
    for (let i = 0; i < 3; i++) expect(await overWs(client, '{ me { handle } }')).toEqual([{ data: { me: { handle: 'ada' } } }]);
    expect(wsCodes(await overWs(client, '{ me { handle } }'))).toEqual(['RATE_LIMITED']);
    const overHttp = await request(url, '{ me { handle } }', { token: ada.token });
    expect(overHttp.status).toBe(429);
    expect(codes(overHttp)).toEqual(['RATE_LIMITED']);
    expect((await request(url, '{ me { handle } }', { token: bob.token })).data).toEqual({ me: { handle: 'bob' } });
  });
});

it('the safelist refuses unregistered operations over the socket as over HTTP, and runs registered ones on both', async () => {
  const { url } = await replica({ production: true, safelist: true });
  const client = socket(url, ada.token);
  const adHoc = ['{ me { id handle } }', 'subscription { myGenerationUpdates { progress } }', 'mutation { signOutEverywhere }'];
  for (const query of adHoc) {
    expect(codes(await request(url, query, { token: ada.token }))).toEqual(['OPERATION_NOT_ALLOWED']);
    expect(wsCodes(await overWs(client, query))).toEqual(['OPERATION_NOT_ALLOWED']);
  }
  expect((await request(url, MeDocument.toString(), { token: ada.token })).data).toEqual({
    me: expect.objectContaining({ handle: 'ada' }),
  });
  expect(await overWs(client, MeDocument.toString())).toEqual([{ data: { me: expect.objectContaining({ handle: 'ada' }) } }]);
});

it('refuses the same operations with the same codes over HTTP and over the socket', async () => {
  const client = socket(stack.gatewayUrl, ada.token);
  const costly = `query ($n: Int) { feed(kind: FOR_YOU, first: 50) { edges { node { creator { followers(first: $n) { edges { node { followers(first: $n) { totalCount } } } } } } } } }`;
  const cases: [string, string, Record<string, unknown> | undefined, string | undefined, string][] = [
    ['depth', `{ generation(id: "x") { ${'remixOf { '.repeat(16)}id${' }'.repeat(16)} } }`, undefined, undefined, 'QUERY_TOO_DEEP'],
    ['aliases', `{ me { ${Array.from({ length: 31 }, (_, i) => `a${i}: handle`).join(' ')} } }`, undefined, undefined, 'TOO_MANY_ALIASES'],
    [
      'root fields',
      `{ ${Array.from({ length: 11 }, (_, i) => `m${i}: me { id }`).join(' ')} }`,
      undefined,
      undefined,
      'TOO_MANY_ROOT_FIELDS',
    ],
    ['cost', costly, { n: 100 }, undefined, 'QUERY_TOO_COSTLY'],
    ['tokens', `{ me { ${'id '.repeat(6000)} } }`, undefined, undefined, 'GRAPHQL_PARSE_FAILED'],
    ['validation', '{ me { nope } }', undefined, undefined, 'GRAPHQL_VALIDATION_FAILED'],
    ['an operation name the document lacks', 'query A { me { id } }', undefined, 'B', 'OPERATION_RESOLUTION_FAILURE'],
    [
      'no operation name for several operations',
      'query A { me { id } } query B { me { id } }',
      undefined,
      undefined,
      'OPERATION_RESOLUTION_FAILURE',
    ],
    // PostgreSQL cannot store U+0000: refused as bad input, never an internal error in a subgraph.
    [
      'a NUL character in a variable',
      'query ($h: String!) { userByHandle(handle: $h) { id } }',
      { h: 'ad\u0000a' },
      undefined,
      'BAD_USER_INPUT',
    ],
    ['a NUL character in a literal', '{ userByHandle(handle: "ad\\u0000a") { id } }', undefined, undefined, 'BAD_USER_INPUT'],
    [
      'a NUL character in a mutation variable',
      'mutation ($h: String!, $p: String!) { signIn(handle: $h, password: $p) { token } }',
      { h: 'ada', p: 'pass\u0000word' },
      undefined,
      'BAD_USER_INPUT',
    ],
    [
      'a NUL character deep in an input object',
      'mutation ($input: CreateGenerationInput!) { createGeneration(input: $input) { id } }',
      { input: { prompt: 'a beach', cameoIds: ['00000000-0000-4000-8000-000000000000', 'x\u0000'] } },
      undefined,
      'BAD_USER_INPUT',
    ],
    [
      'a NUL character in a subscription variable',
      'subscription ($id: ID!) { generationProgress(id: $id) { progress } }',
      { id: '\u0000' },
      undefined,
      'BAD_USER_INPUT',
    ],
    [
      'subscription depth',
      `subscription { myGenerationUpdates { generation { ${'remixOf { '.repeat(15)}id${' }'.repeat(15)} } } }`,
      undefined,
      undefined,
      'QUERY_TOO_DEEP',
    ],
  ];
  for (const [rule, query, variables, operationName, code] of cases) {
    const http = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ada.token}` },
      body: JSON.stringify({ query, variables, operationName }),
    });
    const httpCodes = ((await http.json()) as { errors?: { extensions?: { code?: string } }[] }).errors?.map(
      (error) => error.extensions?.code,
    );
    const ws = await wsErrorCodes(client, { query, variables, operationName });
    expect({ rule, http: httpCodes, ws }).toEqual({ rule, http: [code], ws: [code] });
  }
});

/** The error codes of one operation over graphql-ws (collect() cannot name the operation). */
function wsErrorCodes(
  client: Client,
  payload: { query: string; variables?: Record<string, unknown>; operationName?: string },
): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const found: unknown[] = [];
    client.subscribe(payload, {
      next: (result) => found.push(...(result.errors ?? []).map((error) => error.extensions?.code)),
      error: (error) =>
        Array.isArray(error) ? resolve(error.map((e: { extensions?: { code?: string } }) => e.extensions?.code)) : reject(error),
      complete: () => resolve(found),
    });
  });
}

/** Opens a raw WebSocket: the HTTP status of a refused upgrade, or the open socket. */
function openRaw(url: string): Promise<{ status: number; body: string } | { socket: WebSocket }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(url), 'graphql-transport-ws');
    ws.once('open', () => resolve({ socket: ws }));
    ws.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += String(chunk)));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    ws.once('error', reject);
  });
}

it('caps WebSockets per client address: beyond, the upgrade gets HTTP 429; a closed one frees its place', async () => {
  const { url } = await replica({ subscriptionLimits: { perAddress: 2 } });
  const first = await openRaw(url);
  const second = await openRaw(url);
  expect('socket' in first && 'socket' in second).toBe(true);
  const third = await openRaw(url);
  expect(third).toEqual({ status: 429, body: expect.stringContaining('"RATE_LIMITED"') });
  // HTTP from the same address is not affected.
  expect((await request(url, '{ __typename }')).data).toEqual({ __typename: 'Query' });
  const closed = new Promise((resolve) => (first as { socket: WebSocket }).socket.once('close', resolve));
  (first as { socket: WebSocket }).socket.close();
  await closed;
  const again = await until('a freed place', async () => {
    const attempt = await openRaw(url);
    return 'socket' in attempt ? attempt : false;
  });
  again.socket.close();
  (second as { socket: WebSocket }).socket.close();
});

describe('subscriptions per socket and per user', () => {
  const subscription = 'subscription { myGenerationUpdates { progress } }';

  it('allows exactly perConnection operations on one socket', async () => {
    const { url, gateway } = await replica({ subscriptionLimits: { perConnection: 3, perUser: 100 } });
    const client = socket(url, ada.token);
    const open = [collect(client, subscription), collect(client, subscription), collect(client, subscription)];
    await until('three subscriptions open', async () => gateway.subscriptionStats().subscriptions === 3);
    const fourth = collect(client, subscription);
    await fourth.done;
    expect(wsCodes(fourth.results)).toEqual(['SUBSCRIPTION_LIMIT']);
    expect(open.flatMap((run) => run.results)).toEqual([]);
    for (const run of open) run.unsubscribe();
  });

  it('caps one user across sockets; another user and a freed place are not refused', async () => {
    const { url, gateway } = await replica({ subscriptionLimits: { perConnection: 10, perUser: 2 } });
    const [one, two] = [socket(url, ada.token), socket(url, ada.token)];
    const first = collect(one, subscription);
    const second = collect(two, subscription);
    await until('two subscriptions open', async () => gateway.subscriptionStats().subscriptions === 2);
    const third = collect(two, subscription);
    await third.done;
    expect(wsCodes(third.results)).toEqual(['SUBSCRIPTION_LIMIT']);
    const bobs = collect(socket(url, bob.token), subscription);
    await until("bob's subscription open", async () => gateway.subscriptionStats().subscriptions === 3);
    first.unsubscribe();
    await until('a place freed', async () => gateway.subscriptionStats().subscriptions === 2);
    const again = collect(one, subscription);
    await until('ada subscribed again', async () => gateway.subscriptionStats().subscriptions === 3);
    expect([...second.results, ...again.results, ...bobs.results]).toEqual([]);
    for (const run of [second, again, bobs]) run.unsubscribe();
  });
});
