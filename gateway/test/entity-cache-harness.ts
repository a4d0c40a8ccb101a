import { GATEWAY_PROOF_HEADER, signGatewayProof } from '@cameo/kernel/gateway-proof';
import { createStreamHub } from '@cameo/kernel/events';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { until } from '@cameo/test-helpers/graphql';
import { TEST_REDIS_URL, startStack, testSecrets, type TestStack } from '@cameo/test-helpers/stack';
import { signUp, type TestUser } from '@cameo/test-helpers/users';
import { createEntityCache, type EntityCache } from '../src/entity-cache/entity-cache';
import { createGatewayMetrics } from '../src/metrics';

/** What the entity cache passes on: a subgraph request and the viewer it is made for. */
export interface SentRequest {
  request: { query?: string; variables?: Record<string, unknown> };
  context: { viewerId?: string | null };
}

/** A subgraph request made for a client's operation, as the gateway hands it to the entity cache. */
export function incoming(query: string, variables: Record<string, unknown>, viewerId: string | null = null) {
  return { kind: 'incoming operation', request: { query, variables }, context: { viewerId }, incomingRequestContext: {} } as never;
}

/** Sends a request on to a real subgraph, with the gateway's proof for its viewer, as the gateway would. */
export async function sendToSubgraph(url: string, subgraph: string, sent: SentRequest) {
  const body = JSON.stringify({ query: sent.request.query, variables: sent.request.variables });
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [GATEWAY_PROOF_HEADER]: signGatewayProof(
        testSecrets.gatewayProofPrivateKey,
        subgraph,
        { viewerId: sent.context.viewerId ?? null },
        { method: 'POST', body },
      ),
    },
    body,
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

/** A test's own database and stack (events on Redis), three people, and an entity cache hearing the stack's events. */
export interface CacheHarness {
  database: TestDatabase;
  stack: TestStack;
  people: [TestUser, TestUser, TestUser];
  cache: EntityCache;
  stop(): Promise<void>;
}

export async function startCacheHarness(label: string): Promise<CacheHarness> {
  const database = await createTestDatabase(label);
  const stack = await startStack(database.url, { redis: true });
  const people = (await Promise.all(['ada', 'bob', 'cyd'].map((handle) => signUp(stack.gatewayUrl, handle)))) as CacheHarness['people'];
  const metrics = createGatewayMetrics(() => ({ connections: 0, httpStreams: 0, subscriptions: 0, upstream: 0 }));
  const streams = createStreamHub({ redisUrl: TEST_REDIS_URL, eventNamespace: stack.queuePrefix, onError: () => {} });
  const cache = createEntityCache({ streams }, metrics);
  await until('the cache hears the events', async () => cache.isLive());
  return {
    database,
    stack,
    people,
    cache,
    stop: async () => {
      await cache.stop();
      await streams.stop();
      await stack.stop();
      await database.drop();
    },
  };
}
