import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { startTracing } from '@cameo/kernel/tracing';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { request } from '@cameo/test-helpers/graphql';
import { startStack, type TestStack } from '@cameo/test-helpers/stack';
import { signUp } from '@cameo/test-helpers/users';

// Raw GraphQL text on purpose: hardening tests probe the gateway at the wire with what no generated
// client sends (malformed, over-limit, introspection, misspelt or bare documents, exact bytes), so
// they do not use the typed documents of @cameo/test-helpers/generated.

/** One trace across the gateway and the subgraphs it calls (an in-memory exporter). */
const exporter = new InMemorySpanExporter();
const provider = startTracing('cameo-test', { exporter });
let database: TestDatabase;
let stack: TestStack;

beforeAll(async () => {
  database = await createTestDatabase('hardening_tracing');
  stack = await startStack(database.url);
});
afterAll(async () => {
  await stack?.stop();
  await database?.drop();
  await provider?.shutdown();
});

it('links each subgraph’s span to the gateway fetch that called it, in one trace', async () => {
  const user = await signUp(stack.gatewayUrl, 'traced');
  exporter.reset();
  const response = await request(stack.gatewayUrl, 'query Traced { me { handle followerCount generations { edges { node { id } } } } }', {
    token: user.token,
  });
  expect(response.errors).toBeUndefined();
  await provider!.forceFlush();
  const spans = exporter.getFinishedSpans();
  const fetches = spans.filter((span) => span.name === 'gateway.fetch');
  const subgraphSpans = spans.filter((span) => span.name.startsWith('subgraph.'));
  expect(fetches.length).toBeGreaterThanOrEqual(3);
  expect(subgraphSpans.map((span) => span.name).sort()).toEqual(['subgraph.generations', 'subgraph.social', 'subgraph.users']);
  const traceIds = new Set([...fetches, ...subgraphSpans].map((span) => span.spanContext().traceId));
  expect(traceIds.size).toBe(1);
  const fetchIds = new Set(fetches.map((span) => span.spanContext().spanId));
  for (const span of subgraphSpans) expect(fetchIds.has(span.parentSpanContext?.spanId ?? '')).toBe(true);
});
