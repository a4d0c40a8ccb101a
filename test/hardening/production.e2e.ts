import type { Gateway } from '@cameo/gateway/gateway';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { codes, request, until } from '@cameo/test-helpers/graphql';
import { startReplicaGateway, startStack, type TestStack } from '@cameo/test-helpers/stack';

// Raw GraphQL text on purpose: hardening tests probe the gateway at the wire with what no generated
// client sends (malformed, over-limit, introspection, misspelt or bare documents, exact bytes), so
// they do not use the typed documents of @cameo/test-helpers/generated.

/** A gateway in production mode in front of a test stack's subgraphs. */
let database: TestDatabase;
// Every process logs JSON lines to stdout (NODE_ENV=test: JSON, quiet unless LOG_LEVEL says
// otherwise); this file reads its own. Errors still reach the terminal.
process.env.LOG_LEVEL = 'info';
const logged: string[] = [];
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
  const text = String(chunk);
  if (!text.startsWith('{')) return write(chunk, ...rest);
  logged.push(...text.split('\n').filter(Boolean));
  return /"level":"(error|fatal)"/.test(text) ? write(chunk, ...rest) : true;
}) as typeof process.stdout.write;
let stack: TestStack;
let gateway: Gateway;
let url: string;
let adminUrl: string | undefined;

beforeAll(async () => {
  database = await createTestDatabase('hardening_production');
  stack = await startStack(database.url);
  ({ gateway, url, adminUrl } = await startReplicaGateway(stack, {
    production: true,
    separateAdmin: true,
    corsOrigins: ['https://app.cameo.example'],
  }));
});
afterAll(async () => {
  await gateway?.stop();
  await stack?.stop();
  await database?.drop();
  process.stdout.write = write;
  delete process.env.LOG_LEVEL;
});

it('turns introspection and field suggestions off', async () => {
  expect(codes(await request(url, '{ __schema { queryType { name } } }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  const typo = await request(url, '{ mee { id } }');
  expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
  // Development keeps them, for people exploring the schema.
  expect((await request(stack.gatewayUrl, '{ mee { id } }')).errors?.[0]?.message).toMatch(/Did you mean "me"/);
});

it('answers every request with a request id, echoed in its errors, and keeps a sane one from the client', async () => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'support-ticket-4711' },
    body: JSON.stringify({ query: '{ mee { id } }' }),
  });
  expect(response.headers.get('x-request-id')).toBe('support-ticket-4711');
  const body = (await response.json()) as { errors: { extensions: { requestId: string } }[] };
  expect(body.errors[0]!.extensions.requestId).toBe('support-ticket-4711');
  const forged = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'not an id; DROP TABLE' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
});

it('masks a subgraph outage: no internal address, a code and a request id', async () => {
  await stack.stopUsers();
  const response = await request(url, '{ userByHandle(handle: "nobody") { id } }');
  const text = JSON.stringify(response.errors);
  expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|http:\/\//);
  expect(response.errors?.[0]?.extensions?.requestId).toBeDefined();
  expect(response.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
});

it('blocks cross-site request forgery and answers CORS only for the configured origins', async () => {
  const simpleGet = await fetch(`${url}?query=${encodeURIComponent('{ __typename }')}`);
  expect(simpleGet.status).toBe(400);
  const preflight = (origin: string) =>
    fetch(url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
  const allowed = await preflight('https://app.cameo.example');
  expect(allowed.status).toBe(204);
  expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.cameo.example');
  expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
});

it('serves Prometheus metrics: operations, errors, latency, subgraph fetches, subscriptions', async () => {
  await request(url, 'query Typename { __typename }');
  const text = await (await fetch(`${adminUrl}/metrics`)).text();
  expect(text).toContain('cameo_gateway_operations_total{type="query",operation="Typename",outcome="ok"}');
  expect(text).toContain('cameo_gateway_errors_total{code="GRAPHQL_VALIDATION_FAILED"}');
  expect(text).toMatch(/cameo_gateway_operation_seconds_bucket\{le="0.005",type="query",operation="Typename"\}/);
  expect(text).toMatch(/cameo_gateway_subgraph_fetch_seconds_count\{subgraph="users",outcome="(ok|error)"\}/);
  expect(text).toContain('cameo_gateway_subscriptions_open{kind="client"} 0');
  // Node's own series under their standard names, no prefix.
  expect(text).toMatch(/^process_cpu_seconds_total \d/m);
  expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
  expect(text).not.toContain('cameo_gateway_process_');
});

it('serves /metrics and /readyz on the admin port only, not on the public one', async () => {
  expect((await fetch(url.replace(/\/graphql$/, '/metrics'))).status).toBe(404);
  expect((await fetch(url.replace(/\/graphql$/, '/readyz'))).status).toBe(404);
  // An earlier test stopped a subgraph, so "not ready" is a fine answer: what matters is where it is served.
  const ready = await fetch(`${adminUrl}/readyz`);
  expect([200, 503]).toContain(ready.status);
  expect(await ready.json()).toMatchObject({ subgraphs: expect.arrayContaining([expect.objectContaining({ name: 'users' })]) });
});

it('logs JSON lines naming the service, with the request id in the gateway’s and the subgraph’s lines', async () => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-0042' },
    body: JSON.stringify({ query: 'mutation LikeIt { likeGeneration(id: "00000000-0000-4000-8000-000000000000") { id } }' }),
  });
  expect(response.status).toBe(200);
  const entries = logged.map((line) => JSON.parse(line) as Record<string, unknown>);
  for (const entry of entries)
    expect(entry).toMatchObject({ level: expect.any(String), time: expect.any(String), service: expect.any(String) });
  const tagged = entries.filter((entry) => entry.requestId === 'trace-me-0042' || (entry.req as { id?: string })?.id === 'trace-me-0042');
  expect(tagged).toContainEqual(expect.objectContaining({ service: 'social', msg: 'operation errors', errors: ['UNAUTHENTICATED'] }));
  expect(tagged).toContainEqual(expect.objectContaining({ service: 'gateway', msg: 'operation', operationName: 'LikeIt' }));
  // pino-http's access lines, the request id as req.id, on both sides of the subgraph call.
  for (const service of ['gateway', 'social']) {
    expect(tagged).toContainEqual(
      expect.objectContaining({ service, msg: 'request completed', req: { id: 'trace-me-0042', method: 'POST', path: '/graphql' } }),
    );
  }
  // Headers (tokens, proofs) and query strings (signed URLs) never reach the logs.
  await fetch(`${url}?sig=query-string-secret-77`, { headers: { authorization: 'Bearer header-secret-77' } });
  await until('the access line of that request', async () =>
    logged.some((line) => line.includes('"msg":"request completed"') && line.includes('"method":"GET"')),
  );
  expect(logged.join('\n')).not.toMatch(/"headers"|x-cameo-gateway-proof|authorization|secret-77/i);
});
