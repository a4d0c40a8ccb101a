import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { createClient as createUrqlClient, fetchExchange } from '@urql/core';
import { createClient as createSseClient, type Client as SseClient } from 'graphql-sse';
import type { Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { request, until } from '@cameo/test-helpers/graphql';
import {
  MULTIPART_ACCEPT as MULTIPART,
  multipartParts,
  openStream as open,
  payloadErrorCodes,
  sseNextEvents,
} from '@cameo/test-helpers/http-streams';
import { startReplicaGateway, startStack, type TestStack } from '@cameo/test-helpers/stack';
import { collect, wsClient, wsUrl } from '@cameo/test-helpers/subscriptions';
import { signUp, verifiedCameo, type TestUser, approveCameoFor } from '@cameo/test-helpers/users';

/**
 * Subscriptions over multipart HTTP (Apollo Client's HttpLink) and SSE (graphql-sse, urql)
 * through the same engine and rules as graphql-ws: progress in order, the subgraph's refusals,
 * one budget per user over all three transports, signed-out sessions, aborted requests.
 */
let database: TestDatabase;
let stack: TestStack;
let creator: TestUser, friend: TestUser, stranger: TestUser;
let friendCameo: string;
const PER_USER = 2;
const sseClients: SseClient[] = [];
const wsClients: WsClient[] = [];

const PROGRESS = `subscription Progress($id: ID!) {
  generationProgress(id: $id) {
    progress status
    generation { prompt creator { handle } }
  }
}`;
const UPDATES = `subscription { myGenerationUpdates { progress } }`;

const gql_ = (user: TestUser, query: string, variables?: Record<string, unknown>) =>
  request(stack.gatewayUrl, query, { token: user.token, variables });
const create = async (prompt: string) => {
  const response = await gql_(creator, `mutation ($input: CreateGenerationInput!) { createGeneration(input: $input) { id } }`, {
    input: { prompt, seconds: 2, cameoIds: [friendCameo] },
  });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.createGeneration.id as string;
};
const openStream = (accept: string, body: Record<string, unknown>, user?: TestUser, url = stack.gatewayUrl) =>
  open(url, accept, body, user?.token);
const sse = (user?: TestUser, url = stack.gatewayUrl) => {
  const client = createSseClient({ url, headers: user ? { authorization: `Bearer ${user.token}` } : {}, retryAttempts: 0 });
  sseClients.push(client);
  return client;
};

beforeAll(async () => {
  database = await createTestDatabase('e2e_subscription_transports');
  stack = await startStack(database.url, { subscriptionLimits: { perUser: PER_USER, heartbeatMs: 100 } });
  [creator, friend, stranger] = await Promise.all([
    signUp(stack.gatewayUrl, 'creator'),
    signUp(stack.gatewayUrl, 'friend'),
    signUp(stack.gatewayUrl, 'stranger'),
  ]);
  friendCameo = await verifiedCameo(stack.gatewayUrl, friend);
  await approveCameoFor(stack.gatewayUrl, friend, friendCameo, 'creator');
});
afterAll(async () => {
  for (const client of sseClients) client.dispose();
  await Promise.all(wsClients.map(async (client) => client.dispose()));
  await stack?.stop();
  await database?.drop();
});
afterEach(async () => {
  // Every test leaves nothing open: no client subscription, upstream subscription or stream.
  await until('every subscription released', () => {
    const stats = stack.subscriptionStats();
    return stats.subscriptions === 0 && stats.upstream === 0 && stats.httpStreams === 0;
  });
});

type Progress = { progress: number; status: string; generation: { prompt: string; creator: { handle: string } } };
const expectInOrderToCompletion = (events: Progress[], prompt: string) => {
  expect(events.length).toBeGreaterThan(1);
  expect(events.map((event) => event.progress)).toEqual([...events.map((event) => event.progress)].sort((a, b) => a - b));
  expect(events.at(-1)).toMatchObject({ progress: 100, status: 'COMPLETED' });
  for (const event of events) expect(event.generation).toMatchObject({ prompt, creator: { handle: 'creator' } });
};

describe('multipart HTTP', () => {
  it('Apollo Client’s plain HttpLink receives a generation’s progress in order to completion', async () => {
    const id = await create('a harbour at dawn');
    const client = new ApolloClient({
      link: new HttpLink({ uri: stack.gatewayUrl, headers: { authorization: `Bearer ${creator.token}` } }),
      cache: new InMemoryCache(),
    });
    const events: Progress[] = [];
    await new Promise<void>((resolve, reject) => {
      client.subscribe<{ generationProgress: Progress }>({ query: gql(PROGRESS), variables: { id } }).subscribe({
        next: (result) => (result.error ? reject(result.error) : events.push(result.data!.generationProgress)),
        error: reject,
        complete: resolve,
      });
    });
    expectInOrderToCompletion(events, 'a harbour at dawn');
    client.stop();
  });

  it('answers in Apollo Router’s wire format: boundary, JSON parts, payloads, heartbeats, closing delimiter', async () => {
    const id = await create('a quiet lake');
    const stream = openStream(MULTIPART, { query: PROGRESS, variables: { id } }, creator);
    const text = await stream.ended;
    const response = await stream.response;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('multipart/mixed;boundary="graphql";subscriptionSpec="1.0"');
    expect(text.startsWith('\r\n--graphql\r\nContent-Type: application/json\r\n\r\n')).toBe(true);
    expect(text.endsWith('\r\n--graphql--\r\n')).toBe(true);
    const parts = multipartParts(text);
    for (const part of parts) expect(part.headers).toBe('Content-Type: application/json');
    const payloads = parts.map((part) => part.body).filter((body) => 'payload' in body);
    expectInOrderToCompletion(
      payloads.map((body) => (body.payload as { data: { generationProgress: Progress } }).data.generationProgress),
      'a quiet lake',
    );
    expect(payloads.every((body) => Object.keys(body).join() === 'payload')).toBe(true);
  });

  it('sends a heartbeat part {} while the subscription is quiet', async () => {
    const stream = openStream(MULTIPART, { query: UPDATES }, creator);
    await stream.until((text) => text.includes('\r\n\r\n{}\r\n--graphql'));
    stream.abort();
    expect(multipartParts(stream.text()).map((part) => part.body)).toContainEqual({});
  });

  it('refuses a stranger’s subscription to a draft with NOT_FOUND, as over WebSocket', async () => {
    const id = await create('a draft nobody else sees');
    const over = {
      ws: await wsCodes(stranger, PROGRESS, { id }),
      multipart: payloadErrorCodes(await openStream(MULTIPART, { query: PROGRESS, variables: { id } }, stranger).ended),
    };
    expect(over).toEqual({ ws: ['NOT_FOUND'], multipart: ['NOT_FOUND'] });
  });

  it('answers a refused subscription in the stream and leaves queries to the JSON pipeline', async () => {
    const invalid = await openStream(MULTIPART, { query: 'subscription { noSuchField }' }, creator).ended;
    expect(payloadErrorCodes(invalid)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(invalid.endsWith('--graphql--\r\n')).toBe(true);
    const query = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { accept: MULTIPART, 'content-type': 'application/json', authorization: `Bearer ${creator.token}` },
      body: JSON.stringify({ query: '{ me { handle } }' }),
    });
    expect(query.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await query.json()).toEqual({ data: { me: { handle: 'creator' } } });
  });

  it('applies CSRF prevention to GET: refused without a preflight-forcing header, served with one', async () => {
    const search = new URLSearchParams({ query: UPDATES });
    const bare = await fetch(`${stack.gatewayUrl}?${search}`, { headers: { accept: MULTIPART } });
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
    const controller = new AbortController();
    const preflighted = await fetch(`${stack.gatewayUrl}?${search}`, {
      headers: { accept: MULTIPART, authorization: `Bearer ${creator.token}` },
      signal: controller.signal,
    });
    expect(preflighted.status).toBe(200);
    expect(preflighted.headers.get('content-type')).toMatch(/^multipart\/mixed/);
    controller.abort();
  });

  it('refuses an invalid session token with 401 UNAUTHENTICATED, as every HTTP request', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { accept: MULTIPART, 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
      body: JSON.stringify({ query: UPDATES }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('server-sent events', () => {
  it('graphql-sse’s client receives a generation’s progress in order to completion', async () => {
    const id = await create('a desert at noon');
    const events: Progress[] = [];
    for await (const result of sse(creator).iterate<{ generationProgress: Progress }>({ query: PROGRESS, variables: { id } })) {
      expect(result.errors).toBeUndefined();
      events.push(result.data!.generationProgress);
    }
    expectInOrderToCompletion(events, 'a desert at noon');
  });

  it('urql’s fetchExchange (fetchSubscriptions) negotiates SSE and receives the progress to completion', async () => {
    const id = await create('a forest in fog');
    const client = createUrqlClient({
      url: stack.gatewayUrl,
      exchanges: [fetchExchange],
      fetchSubscriptions: true,
      fetchOptions: { headers: { authorization: `Bearer ${creator.token}` } },
    });
    const events: Progress[] = [];
    await new Promise<void>((resolve, reject) => {
      const { unsubscribe } = client.subscription<{ generationProgress: Progress }>(PROGRESS, { id }).subscribe((result) => {
        if (result.error) return reject(result.error);
        if (result.data) events.push(result.data.generationProgress);
        if (!result.hasNext) {
          unsubscribe();
          resolve();
        }
      });
    });
    // urql hands over its last result again with hasNext: false at the end of the stream.
    expectInOrderToCompletion(events.slice(0, -1), 'a forest in fog');
  });

  it('frames events as graphql-sse’s protocol: next, comments as heartbeats, complete', async () => {
    const id = await create('a city at night');
    const stream = openStream('text/event-stream', { query: PROGRESS, variables: { id } }, creator);
    const text = await stream.ended;
    expect((await stream.response).headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(text.startsWith(':\n\n')).toBe(true);
    expect(text.endsWith('event: complete\ndata:\n\n')).toBe(true);
    expectInOrderToCompletion(
      sseNextEvents(text).map((event) => event.data!.generationProgress),
      'a city at night',
    );
  });

  it('refuses a stranger with NOT_FOUND and an anonymous viewer with UNAUTHENTICATED, as over WebSocket', async () => {
    const id = await create('another private draft');
    const codes = async (user: TestUser | undefined, query: string, variables?: Record<string, unknown>) => {
      const found: unknown[] = [];
      for await (const result of sse(user).iterate({ query, variables }))
        found.push(...(result.errors ?? []).map((e) => e.extensions?.code));
      return found;
    };
    expect(await codes(stranger, PROGRESS, { id })).toEqual(['NOT_FOUND']);
    expect(await codes(undefined, UPDATES)).toEqual(['UNAUTHENTICATED']);
    expect(await codes(creator, 'subscription { noSuchField }')).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(await codes(creator, PROGRESS, { id: { nested: true } })).toEqual(['BAD_USER_INPUT']);
    const notAnObject = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { accept: 'text/event-stream', 'content-type': 'application/json' },
      body: JSON.stringify({ query: UPDATES, variables: 'x' }),
    });
    expect(notAnObject.status).toBe(400);
  });

  it('answers queries sent as SSE through the HTTP pipeline', async () => {
    const results = [];
    for await (const result of sse(creator).iterate({ query: '{ me { handle } }' })) results.push(result);
    expect(results).toEqual([{ data: { me: { handle: 'creator' } } }]);
  });
});

describe('one budget and one session rule over WebSocket, multipart and SSE', () => {
  it(`refuses a user’s subscription past SUBSCRIPTIONS_PER_USER (${PER_USER}) on any transport, and an aborted request frees its place`, async () => {
    const user = await signUp(stack.gatewayUrl, 'budget');
    const socket = wsClient(stack.gatewayUrl, user.token);
    wsClients.push(socket);
    const overWs = collect(socket, UPDATES);
    const overMultipart = openStream(MULTIPART, { query: UPDATES }, user);
    await until('two open', () => stack.subscriptionStats().subscriptions === 2);

    const refusedSse: unknown[] = [];
    for await (const result of sse(user).iterate({ query: UPDATES }))
      refusedSse.push(...(result.errors ?? []).map((e) => e.extensions?.code));
    expect(refusedSse).toEqual(['SUBSCRIPTION_LIMIT']);
    expect(payloadErrorCodes(await openStream(MULTIPART, { query: UPDATES }, user).ended)).toEqual(['SUBSCRIPTION_LIMIT']);
    expect(await wsCodes(user, UPDATES)).toEqual(['SUBSCRIPTION_LIMIT']);

    // The client aborts its multipart request: its subscription (and place) is released.
    overMultipart.abort();
    await until('the aborted subscription released', () => stack.subscriptionStats().subscriptions === 1);
    const sseAgain = openStream('text/event-stream', { query: UPDATES }, user);
    await until('the SSE subscription open', () => stack.subscriptionStats().subscriptions === 2);
    expect(sseAgain.text()).not.toContain('SUBSCRIPTION_LIMIT');
    sseAgain.abort();
    overWs.unsubscribe();
  });

  it('counts WebSockets and HTTP streams against one WS_CONNECTIONS_PER_ADDRESS (429 RATE_LIMITED past it)', async () => {
    const { gateway, url } = await startReplicaGateway(stack, { subscriptionLimits: { perAddress: 2 } });
    try {
      const socket = wsClient(url, creator.token);
      wsClients.push(socket);
      const overWs = collect(socket, UPDATES);
      const events = openStream('text/event-stream', { query: UPDATES }, creator, url);
      await until('two open', () => gateway.subscriptionStats().subscriptions === 2);
      const refused = await fetch(url, {
        method: 'POST',
        headers: { accept: MULTIPART, 'content-type': 'application/json', authorization: `Bearer ${creator.token}` },
        body: JSON.stringify({ query: UPDATES }),
      });
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('RATE_LIMITED');
      const third = new WebSocket(wsUrl(url), 'graphql-transport-ws');
      third.on('error', () => {});
      const upgradeStatus = await new Promise<number | undefined>((resolve) => {
        third.once('unexpected-response', (_request, response) => resolve(response.statusCode));
        third.once('open', () => resolve(101));
      });
      third.terminate();
      expect(upgradeStatus).toBe(429);
      events.abort();
      await until('the SSE stream released', () => gateway.subscriptionStats().httpStreams === 0);
      const multipart = openStream(MULTIPART, { query: UPDATES }, creator, url);
      await until('the multipart stream open', () => gateway.subscriptionStats().httpStreams === 1);
      expect((await multipart.response).status).toBe(200);
      multipart.abort();
      overWs.unsubscribe();
    } finally {
      await gateway.stop();
    }
  });

  it('shares one upstream subscription among 200 HTTP subscribers (multipart and SSE) of one viewer; each gets every event; aborts free all', async () => {
    const { gateway, url } = await startReplicaGateway(stack, { subscriptionLimits: { perAddress: 300, perUser: 300 } });
    try {
      const query = `subscription { myGenerationUpdates { generationId progress } }`;
      const streams = Array.from({ length: 200 }, (_, i) => openStream(i % 2 ? MULTIPART : 'text/event-stream', { query }, creator, url));
      await until('200 open', () => gateway.subscriptionStats().subscriptions === 200);
      expect(gateway.subscriptionStats()).toMatchObject({ subscriptions: 200, httpStreams: 200, upstream: 1 });
      const started = Date.now();
      await create('two hundred viewers');
      await Promise.all(streams.map((stream) => stream.until((text) => /"progress":100\b/.test(text))));
      process.stderr.write(
        `200 HTTP subscribers, one upstream: every one had progress 100 ${Date.now() - started} ms after createGeneration\n`,
      );
      const progressOf = (text: string, i: number) =>
        i % 2
          ? multipartParts(text).flatMap(({ body }) =>
              body.payload
                ? [(body.payload as { data: { myGenerationUpdates: { progress: number } } }).data.myGenerationUpdates.progress]
                : [],
            )
          : sseNextEvents(text).map((event) => (event.data!.myGenerationUpdates as { progress: number }).progress);
      const reference = progressOf(streams[0]!.text(), 0);
      for (const [i, stream] of streams.entries()) expect(progressOf(stream.text(), i)).toEqual(reference);
      for (const stream of streams) stream.abort();
      await until('all released', () => {
        const stats = gateway.subscriptionStats();
        return stats.subscriptions === 0 && stats.upstream === 0 && stats.httpStreams === 0;
      });
    } finally {
      await gateway.stop();
    }
  });

  it('ends open multipart and SSE streams when the account signs out everywhere', async () => {
    const user = await signUp(stack.gatewayUrl, 'leaver');
    const multipart = openStream(MULTIPART, { query: UPDATES }, user);
    const events = openStream('text/event-stream', { query: UPDATES }, user);
    await until('both open', () => stack.subscriptionStats().httpStreams === 2);
    expect(await (await fetch(`${stack.origin}/metrics`)).text()).toContain('cameo_gateway_subscriptions_open{kind="http_streams"} 2');
    const signedOut = await gql_(user, 'mutation { signOutEverywhere }');
    expect(signedOut.data).toEqual({ signOutEverywhere: true });

    const multipartText = await multipart.ended;
    const last = multipartParts(multipartText).at(-1)!.body as { payload: null; errors: { extensions: { code: string } }[] };
    expect(last.payload).toBeNull();
    expect(last.errors.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);
    expect(multipartText.endsWith('--graphql--\r\n')).toBe(true);

    const sseText = await events.ended;
    expect(sseText).toMatch(/event: next\ndata: \{"errors":\[\{[^\n]*"code":"UNAUTHENTICATED"[^\n]*\n\nevent: complete\ndata:\n\n$/);
  });

  it('ends open streams with a transport error when the gateway shuts down', async () => {
    const { gateway, url } = await startReplicaGateway(stack);
    const multipart = openStream(MULTIPART, { query: UPDATES }, creator, url);
    const events = openStream('text/event-stream', { query: UPDATES }, creator, url);
    await until('both open', () => gateway.subscriptionStats().httpStreams === 2);
    await gateway.stop();
    const last = multipartParts(await multipart.ended).at(-1)!.body as { payload: null; errors: { extensions: { code: string } }[] };
    expect(last).toMatchObject({ payload: null, errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    expect(await events.ended).toMatch(/"code":"SERVICE_UNAVAILABLE".*\n\nevent: complete\ndata:\n\n$/);
  });

  it('runs a registered subscription sent by id alone under the safelist, and refuses other text', async () => {
    const { gateway, url } = await startReplicaGateway(stack, { safelist: true });
    try {
      const id = await create('a registered operation');
      const byId = {
        operationName: 'GenerationProgress',
        variables: { id },
        extensions: { persistedQuery: { version: 1, sha256Hash: registeredId('GenerationProgress') } },
      };
      const results: { data?: { generationProgress: { progress: number } } | null }[] = [];
      for await (const result of sse(creator, url).iterate<{ generationProgress: { progress: number } }>(byId as never))
        results.push(result);
      expect(results.at(-1)?.data?.generationProgress.progress).toBe(100);
      const unregistered = await openStream(MULTIPART, { query: PROGRESS, variables: { id } }, creator, url).ended;
      expect(payloadErrorCodes(unregistered)).toEqual(['OPERATION_NOT_ALLOWED']);
    } finally {
      await gateway.stop();
    }
  });
});

async function wsCodes(user: TestUser, query: string, variables?: Record<string, unknown>) {
  const socket = wsClient(stack.gatewayUrl, user.token);
  wsClients.push(socket);
  const run = collect(socket, query, variables);
  await run.done.catch(() => {});
  return run.results.flatMap((result) => result.errors ?? []).map((error) => error.extensions?.code);
}

/** The id of a registered operation in the committed persisted-query manifest. */
function registeredId(name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../clients/operations/persisted-query-manifest.json'), 'utf8')) as {
    operations: { id: string; name: string }[];
  };
  return manifest.operations.find((operation) => operation.name === name)!.id;
}
