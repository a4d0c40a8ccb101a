import http from 'node:http';
import { readFileSync } from 'node:fs';
import type { Gateway } from '@cameo/gateway/gateway';
import { DEFAULT_MANIFEST_PATH } from '@cameo/gateway/safelist';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { startReplicaGateway, startStack, type TestStack } from '@cameo/test-helpers/stack';
import { signUp, type TestUser } from '@cameo/test-helpers/users';

// Raw GraphQL text on purpose: hardening tests probe the gateway at the wire with what no generated
// client sends (malformed, over-limit, introspection, misspelt or bare documents, exact bytes), so
// they do not use the typed documents of @cameo/test-helpers/generated.

/**
 * The gateway serves a plain JSON POST to /graphql from node:http (gateway/src/graphql-http.ts)
 * and everything else through express. Both paths answer a request alike: the same status,
 * headers that matter and body, for answers, refusals of the body, rates, sessions, CORS and
 * registered operations sent by id alone. Each request below is sent both ways: with a
 * Content-Length (the lean path) and chunked, without one (express).
 */
let database: TestDatabase;
let stack: TestStack;
let gateway: Gateway;
let url: string;
let ada: TestUser;
const ORIGIN = 'https://app.cameo.example';

beforeAll(async () => {
  database = await createTestDatabase('hardening_http_paths');
  stack = await startStack(database.url);
  ada = await signUp(stack.gatewayUrl, 'paths');
  ({ gateway, url } = await startReplicaGateway(stack, { corsOrigins: [ORIGIN] }));
});
afterAll(async () => {
  await gateway?.stop();
  await stack?.stop();
  await database?.drop();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** POSTs `body` to `target`, with a Content-Length (lean) or chunked (express). */
function post(target: string, body: string, path: 'lean' | 'express', headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(path === 'lean' ? { 'content-length': String(Buffer.byteLength(body)) } : { 'transfer-encoding': 'chunked' }),
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** The same request both ways; what each answered, with the request ids (which differ) taken out. */
async function bothWays(target: string, body: string, headers: Record<string, string> = {}) {
  const answers = await Promise.all((['lean', 'express'] as const).map((path) => post(target, body, path, headers)));
  return answers.map(({ status, headers: received, body: text }) => ({
    status,
    contentType: received['content-type'],
    requestIdEchoed: received['x-request-id'] !== undefined,
    retryAfter: received['retry-after'],
    allowOrigin: received['access-control-allow-origin'],
    body: text.replace(/"requestId":"[^"]+"/g, '"requestId":"…"'),
  }));
}

const query = (text: string, variables?: Record<string, unknown>) => JSON.stringify({ query: text, variables });

it('answers queries, errors and session refusals alike on both paths', async () => {
  const bearer = { authorization: `Bearer ${ada.token}` };
  const cases: [string, Record<string, string>][] = [
    [query('{ me { handle } }'), bearer],
    [query('{ me { handle } }'), {}],
    [query('{ me { nope } }'), bearer],
    [query('{ me { handle } '), bearer],
    [query('query ($n: Int) { feed(kind: FOR_YOU, first: $n) { edges { cursor } } }', { n: 'ten' }), bearer],
    [query('{ me { handle } }'), { authorization: 'Bearer not-a-token' }],
    [query('{ me { handle } }', { x: 'a\u0000b' }), bearer],
    [JSON.stringify([{ query: '{ __typename }' }]), {}],
  ];
  for (const [body, headers] of cases) {
    const [lean, express] = await bothWays(url, body, headers);
    expect(lean).toEqual(express);
    expect(lean!.requestIdEchoed).toBe(true);
  }
  const [answered] = await bothWays(url, query('{ me { handle } }'), bearer);
  expect(JSON.parse(answered!.body)).toEqual({ data: { me: { handle: ada.handle } } });
  const [refused] = await bothWays(url, query('{ me { handle } }'), { authorization: 'Bearer not-a-token' });
  expect(refused!.status).toBe(401);
});

it('refuses a body that is not JSON or is too large alike, with the gateway error shape', async () => {
  const [lean, express] = await bothWays(url, '{"query": ');
  expect(lean).toEqual(express);
  expect(lean!.status).toBe(400);
  expect(JSON.parse(lean!.body).errors[0].extensions.code).toBe('BAD_REQUEST');

  const huge = query('{ me { id } }', { padding: 'x'.repeat(2 * 1024 * 1024) });
  const [leanHuge, expressHuge] = await bothWays(url, huge);
  expect(leanHuge).toEqual(expressHuge);
  expect(leanHuge!.status).toBe(413);
  expect(JSON.parse(leanHuge!.body).errors[0].extensions.code).toBe('REQUEST_TOO_LARGE');
});

it('runs a registered operation sent by id alone on both paths', async () => {
  const manifest = JSON.parse(readFileSync(DEFAULT_MANIFEST_PATH, 'utf8')) as { operations: { id: string; name: string }[] };
  const me = manifest.operations.find((operation) => operation.name === 'Me')!;
  const body = JSON.stringify({ operationName: 'Me', extensions: { persistedQuery: { version: 1, sha256Hash: me.id } } });
  const [lean, express] = await bothWays(url, body, { authorization: `Bearer ${ada.token}` });
  expect(lean).toEqual(express);
  expect(JSON.parse(lean!.body).data.me.handle).toBe(ada.handle);
});

it('gives CORS headers to the listed origin only, on both paths', async () => {
  const [lean, express] = await bothWays(url, query('{ __typename }'), { origin: ORIGIN });
  expect(lean).toEqual(express);
  expect(lean!.allowOrigin).toBe(ORIGIN);
  const [leanOther, expressOther] = await bothWays(url, query('{ __typename }'), { origin: 'https://evil.example' });
  expect(leanOther).toEqual(expressOther);
  expect(leanOther!.allowOrigin).toBeUndefined();
});

it('counts both paths against one rate and refuses alike with 429 and Retry-After', async () => {
  const limited = await startReplicaGateway(stack, { rateLimits: { perUserPerMinute: 1000, perIpPerMinute: 4 } });
  try {
    // Two requests each way: the rate of four is spent, whichever path served them.
    for (const answer of await bothWays(limited.url, query('{ __typename }'))) expect(answer.status).toBe(200);
    for (const answer of await bothWays(limited.url, query('{ __typename }'))) expect(answer.status).toBe(200);
    const [lean, express] = await bothWays(limited.url, query('{ __typename }'));
    // Retry-After counts down to the next minute: the two may be a second apart.
    expect({ ...lean, retryAfter: undefined }).toEqual({ ...express, retryAfter: undefined });
    expect(lean!.status).toBe(429);
    expect(Number(lean!.retryAfter)).toBeGreaterThan(0);
    expect(JSON.parse(lean!.body).errors[0].extensions.code).toBe('RATE_LIMITED');
  } finally {
    await limited.gateway.stop();
  }
});
