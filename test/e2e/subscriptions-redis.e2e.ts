import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { generationTopic } from '@cameo/generations/events';
import { createPubSub, type PubSub } from '@cameo/kernel/pubsub';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import { request, until } from '@cameo/test-helpers/graphql';
import { TEST_REDIS_URL, startStack, testSecrets, type TestStack } from '@cameo/test-helpers/stack';
import { collect, wsClient, wsUrl, type Collected } from '@cameo/test-helpers/subscriptions';
import { signUp, verifiedCameo, type TestUser, approveCameoFor } from '@cameo/test-helpers/users';

/**
 * Subscriptions across processes and under load: a second gateway process sharing Redis,
 * 1,000 subscribers on one gateway, a client that stops reading, a subgraph restart. Jobs wait
 * in BullMQ until a test starts the worker, so every subscriber is in place before rendering.
 */
const ROOT = path.join(__dirname, '..', '..');
const CLIENT_BUFFER_BYTES = 256 * 1024;
let database: TestDatabase;
let stack: TestStack;
let pubsub: PubSub;
let creator: TestUser, friend: TestUser;
let friendCameo: string;
const clients: Client[] = [];
const client = (url: string, user: TestUser) => {
  const created = wsClient(url, user.token);
  clients.push(created);
  return created;
};

const PROGRESS = graphql(`
  subscription SubscriptionsRedisGenerationProgress($id: ID!) {
    generationProgress(id: $id) {
      progress
      stage
      status
      generation {
        prompt
        creator {
          handle
        }
        cameos {
          owner {
            displayName
          }
        }
      }
    }
  }
`);

async function create(prompt: string): Promise<string> {
  const response = await request(
    stack.gatewayUrl,
    graphql(`
      mutation SubscriptionsRedisCreateGeneration($input: CreateGenerationInput!) {
        createGeneration(input: $input) {
          id
        }
      }
    `),
    {
      token: creator.token,
      variables: { input: { prompt, seconds: 2, cameoIds: [friendCameo] } },
    },
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.createGeneration.id as string;
}

/** Renders the queued jobs, then stops. */
async function renderQueued(finished: () => Promise<unknown>) {
  const worker = stack.startWorker();
  try {
    await finished();
  } finally {
    await worker.stop();
  }
}

function expectFullRun(run: Collected<Record<string, any>>) {
  expect(run.results.every((result) => !result.errors)).toBe(true);
  const events = run.results.map((result) => result.data!.generationProgress);
  const progress = events.map((event) => event.progress);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  expect(events[0]).toMatchObject({ status: 'QUEUED', progress: 0 });
  expect(events.at(-1)).toMatchObject({ status: 'COMPLETED', progress: 100 });
  expect(events.at(-1).generation).toEqual({
    prompt: expect.any(String),
    creator: { handle: 'creator' },
    cameos: [{ owner: { displayName: 'friend' } }],
  });
  return events;
}

beforeAll(async () => {
  database = await createTestDatabase('e2e_subscriptions_redis');
  // Many clients from one address and two viewers: the per-address and per-user caps are raised past them.
  const subscriptionLimits = { clientBufferBytes: CLIENT_BUFFER_BYTES, perAddress: 5_000, perUser: 5_000 };
  stack = await startStack(database.url, { redis: true, worker: false, subscriptionLimits });
  pubsub = createPubSub(TEST_REDIS_URL);
  [creator, friend] = await Promise.all([signUp(stack.gatewayUrl, 'creator'), signUp(stack.gatewayUrl, 'friend')]);
  friendCameo = await verifiedCameo(stack.gatewayUrl, friend);
  await approveCameoFor(stack.gatewayUrl, friend, friendCameo, 'creator');
});
afterAll(async () => {
  await Promise.all(clients.map(async (c) => c.dispose()));
  await pubsub?.close();
  await stack?.stop();
  await database?.drop();
});

describe('a second gateway process sharing Redis', () => {
  let child: ChildProcess;
  let gatewayB: string;

  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/gateway-process.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        CAMEO_TEST_GATEWAY: JSON.stringify({
          databaseUrl: database.url,
          redisUrl: TEST_REDIS_URL,
          usersUrl: stack.subgraphUrls.users,
          socialUrl: stack.subgraphUrls.social,
          feedUrl: stack.subgraphUrls.feed,
          jwtSecret: testSecrets.jwtSecret,
          keys: testSecrets,
          queuePrefix: stack.queuePrefix,
          assetsDir: stack.assetsDir,
        }),
      },
    });
    gatewayB = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout!.on('data', (chunk) => {
        output += chunk;
        const match = /gateway ready (\S+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`gateway process exited with ${code}`)));
    });
  });
  afterAll(() => {
    child?.kill('SIGKILL');
  });

  it('a subscriber on gateway B follows a job started through gateway A, in order to 100', async () => {
    const id = await create('two gateways, one job');
    const onB = collect(client(gatewayB, creator), PROGRESS, { id });
    await onB.waitFor(1);
    await renderQueued(() => onB.done);
    const events = expectFullRun(onB);
    expect(events.length).toBeGreaterThan(2);
  });
});

it('1,000 subscribers on one gateway get every event; identical subscriptions share one upstream per viewer', async () => {
  const id = await create('a thousand viewers');
  const connections = Array.from({ length: 50 }, (_, i) => client(stack.gatewayUrl, i % 2 ? friend : creator));
  const runs = Array.from({ length: 1000 }, (_, i) => collect(connections[i % connections.length]!, PROGRESS, { id }));
  await Promise.all(runs.map((run) => run.waitFor(1)));
  // The creator and the friend cast in it: two viewers, so two upstream subscriptions.
  expect(stack.subscriptionStats()).toMatchObject({ subscriptions: 1000, upstream: 2 });
  await renderQueued(() => Promise.all(runs.map((run) => run.done)));
  const reference = expectFullRun(runs[0]!);
  for (const run of runs) expect(run.results.map((result) => result.data!.generationProgress)).toEqual(reference);
  await until('upstream teardown', () => stack.subscriptionStats().upstream === 0, 30_000);
  expect(stack.subscriptionStats().subscriptions).toBe(0);
});

it('closes a client that stops reading with 4008 once its unsent messages pass the bound', async () => {
  const id = await create('a flood of large events');
  const socket = new WebSocket(wsUrl(stack.gatewayUrl), 'graphql-transport-ws');
  await new Promise((resolve) => socket.once('open', resolve));
  const acknowledged = new Promise((resolve) =>
    socket.on('message', (data) => String(data).includes('"connection_ack"') && resolve(undefined)),
  );
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${creator.token}` } }));
  await acknowledged;
  const first = new Promise((resolve) => socket.on('message', (data) => String(data).includes('"next"') && resolve(undefined)));
  socket.send(
    JSON.stringify({
      id: '1',
      type: 'subscribe',
      payload: { query: 'subscription ($id: ID!) { generationProgress(id: $id) { progress stage } }', variables: { id } },
    }),
  );
  await first;
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  // The client stops reading; 64 KiB events keep coming until the gateway gives up on it.
  (socket as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
  const stage = 'x'.repeat(64 * 1024);
  for (let i = 0; stack.subscriptionStats().slowClientsClosed === 0 && i < 2000; i++) {
    await pubsub.publish(generationTopic(id), {
      generationId: id,
      creatorId: creator.id,
      status: 'IN_PROGRESS',
      progress: 50,
      stage,
      errorReason: null,
    });
    // Pacing, not a wait: the loop's own condition is what it waits for; a breath every 20
    // events lets them cross Redis and the upstream socket instead of piling up in this process.
    if (i % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const stats = stack.subscriptionStats();
  expect(stats.slowClientsClosed).toBe(1);
  // Never more than the bound plus the one message that crossed it.
  expect(stats.peakBufferedBytes).toBeLessThanOrEqual(CLIENT_BUFFER_BYTES + 70 * 1024);
  (socket as unknown as { _socket: { resume(): void } })._socket.resume();
  expect(await closed).toBe(4008);
  await until('subscription teardown', () => stack.subscriptionStats().subscriptions === 0, 30_000);
});

it('ends a multipart HTTP stream whose reader stops reading once its unsent bytes pass the same bound', async () => {
  const id = await create('a flood over HTTP');
  const before = stack.subscriptionStats().slowClientsClosed;
  const { hostname, port } = new URL(stack.gatewayUrl);
  const tcp = net.connect(Number(port), hostname);
  let received = '';
  tcp.on('data', (chunk) => (received += String(chunk)));
  const body = JSON.stringify({ query: 'subscription ($id: ID!) { generationProgress(id: $id) { progress stage } }', variables: { id } });
  tcp.write(
    `POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nAccept: multipart/mixed;subscriptionSpec="1.0"\r\nContent-Type: application/json\r\n` +
      `Authorization: Bearer ${creator.token}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  await until('the first result', () => received.includes('{"payload":{"data"'));
  // The client stops reading; 64 KiB events keep coming until the gateway gives up on it.
  tcp.pause();
  const stage = 'y'.repeat(64 * 1024);
  for (let i = 0; stack.subscriptionStats().slowClientsClosed === before && i < 2000; i++) {
    await pubsub.publish(generationTopic(id), {
      generationId: id,
      creatorId: creator.id,
      status: 'IN_PROGRESS',
      progress: 50,
      stage,
      errorReason: null,
    });
    // Pacing, not a wait (as above): the loop's own condition is what it waits for.
    if (i % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(stack.subscriptionStats().slowClientsClosed).toBe(before + 1);
  expect(stack.subscriptionStats().peakBufferedBytes).toBeLessThanOrEqual(CLIENT_BUFFER_BYTES + 70 * 1024);
  // A reader that resumes in time learns why: a transport error part, then the closing delimiter.
  tcp.resume();
  await until('the stream ends', () => received.includes('--graphql--'));
  expect(received).toMatch(/\{"payload":null,"errors":\[\{[^\r]*"code":"SUBSCRIBER_OVERFLOW"/);
  tcp.destroy();
  await until('subscription teardown', () => stack.subscriptionStats().subscriptions === 0 && stack.subscriptionStats().httpStreams === 0);
});

it('resumes a subscription after its subgraph restarts, from the current state', async () => {
  const id = await create('survives a restart');
  const run = collect(client(stack.gatewayUrl, creator), PROGRESS, { id });
  await run.waitFor(1);
  await stack.restartGenerations();
  // The gateway re-sends the subscription to the new process, which starts with the state again.
  await run.waitFor(2);
  await renderQueued(() => run.done);
  expect(run.results.every((result) => !result.errors)).toBe(true);
  expect(run.results.at(-1)!.data!.generationProgress).toMatchObject({ status: 'COMPLETED', progress: 100 });
});
