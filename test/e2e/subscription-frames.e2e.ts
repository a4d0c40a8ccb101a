import WebSocket from 'ws';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { ok, requestAs } from '@cameo/test-helpers/graphql';
import { startStack, type TestStack } from '@cameo/test-helpers/stack';
import { collect, wsClient, wsUrl } from '@cameo/test-helpers/subscriptions';
import { approveCameoFor, signUp, verifiedCameo, type TestUser } from '@cameo/test-helpers/users';

/**
 * The gateway writes one serialized payload per event into every subscriber's `next` frame
 * (gateway/src/subscriptions/next-frames.ts). These check what that must not change: each
 * frame is graphql-transport-ws JSON under its own subscription's id, and subscribers of one
 * generation who are different viewers each get their own answer.
 */
let database: TestDatabase;
let stack: TestStack;
let creator: TestUser, friend: TestUser, stranger: TestUser;
let friendCameo: string;
const gql = requestAs(() => stack.gatewayUrl);

const PROGRESS = `subscription FramesProgress($id: ID!) {
  generationProgress(id: $id) { progress status stage generation { prompt videoUrl creator { handle } } }
}`;

const create = async (prompt: string, cameoIds: string[] = []) =>
  (
    await ok(
      gql(creator, `mutation FramesCreate($input: CreateGenerationInput!) { createGeneration(input: $input) { id } }`, {
        input: { prompt, seconds: 2, cameoIds },
      }),
    )
  ).createGeneration.id as string;

beforeAll(async () => {
  database = await createTestDatabase('e2e_subscription_frames');
  stack = await startStack(database.url);
  [creator, friend, stranger] = await Promise.all([
    signUp(stack.gatewayUrl, 'creator'),
    signUp(stack.gatewayUrl, 'friend'),
    signUp(stack.gatewayUrl, 'stranger'),
  ]);
  friendCameo = await verifiedCameo(stack.gatewayUrl, friend);
  await approveCameoFor(stack.gatewayUrl, friend, friendCameo, 'creator');
});
afterAll(async () => {
  await stack?.stop();
  await database?.drop();
});

interface Frame {
  id?: string;
  type: string;
  payload?: { data?: { generationProgress: { progress: number; status: string; generation: unknown } }; errors?: unknown[] };
}

/** A bare graphql-transport-ws client: every frame as the server wrote it, parsed strictly. */
function rawConnection(token: string) {
  const socket = new WebSocket(wsUrl(stack.gatewayUrl), 'graphql-transport-ws');
  const texts: string[] = [];
  const frames: Frame[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data) => {
    texts.push(String(data));
    frames.push(JSON.parse(String(data)) as Frame);
    for (const wake of waiters.splice(0)) wake();
  });
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  const send = (message: object) => socket.send(JSON.stringify(message));
  const ready = new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () => {
      send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
      void until(() => frames.some((frame) => frame.type === 'connection_ack')).then(resolve);
    });
  });
  return { socket, texts, frames, until, send, ready };
}

it('writes each subscription’s results as graphql-transport-ws frames under its own id, however odd the id', async () => {
  const id = await create('a frame for every subscriber');
  const connection = rawConnection(creator.token);
  try {
    await connection.ready;
    const ids = ['1', 'odd "id" \\ with ✓ and\nnewline'];
    for (const subscriptionId of ids) {
      connection.send({ id: subscriptionId, type: 'subscribe', payload: { query: PROGRESS, variables: { id } } });
    }
    const completed = (subscriptionId: string) =>
      connection.frames.some((frame) => frame.type === 'complete' && frame.id === subscriptionId);
    await connection.until(() => ids.every(completed));

    const results = connection.frames.filter((frame) => frame.type !== 'connection_ack');
    for (const frame of results) {
      expect(ids).toContain(frame.id);
      expect(Object.keys(frame).sort()).toEqual(frame.type === 'next' ? ['id', 'payload', 'type'] : ['id', 'type']);
    }
    // Each id: nexts, then exactly one complete, last.
    for (const subscriptionId of ids) {
      const own = results.filter((frame) => frame.id === subscriptionId);
      expect(own.map((frame) => frame.type)).toEqual([...own.slice(0, -1).map(() => 'next'), 'complete']);
      const last = own.at(-2)!.payload!;
      expect(last.errors).toBeUndefined();
      expect(last.data!.generationProgress).toMatchObject({
        progress: 100,
        status: 'COMPLETED',
        generation: { prompt: 'a frame for every subscriber', creator: { handle: 'creator' } },
      });
    }
    // From the moment both were in, the same events: the later one's are the tail of the other's.
    const [first, second] = ids.map((subscriptionId) =>
      results.filter((frame) => frame.id === subscriptionId && frame.type === 'next').map((frame) => JSON.stringify(frame.payload)),
    ) as [string[], string[]];
    const [shorter, longer] = first.length <= second.length ? [first, second] : [second, first];
    expect(longer.slice(-shorter.length)).toEqual(shorter);
  } finally {
    connection.socket.close();
  }
});

it('gives viewers of one generation their own answers (URLs signed for each), and a stranger none', async () => {
  const id = await create('a draft with my friend', [friendCameo]);
  const run = (user: TestUser) => {
    const client = wsClient(stack.gatewayUrl, user.token);
    // Two each: every viewer's events go to more than one subscriber.
    return { client, subscriptions: [collect(client, PROGRESS, { id }), collect(client, PROGRESS, { id })] };
  };
  const viewers = [run(creator), run(friend)];
  const spy = run(stranger);
  try {
    await Promise.all([...viewers, spy].flatMap((viewer) => viewer.subscriptions.map(async (subscription) => subscription.done)));
    for (const [index, user] of [creator, friend].entries()) {
      for (const subscription of viewers[index]!.subscriptions) {
        const events = subscription.results.map((result) => result.data!.generationProgress);
        expect(events.at(-1)).toMatchObject({ progress: 100, status: 'COMPLETED' });
        const urls = events.map((event) => event.generation.videoUrl as string | null).filter(Boolean);
        expect(urls.length).toBeGreaterThan(0);
        for (const url of urls) expect(new URL(url!, 'http://x').searchParams.get('v')).toBe(user.id);
      }
    }
    for (const subscription of spy.subscriptions) {
      expect(subscription.results.flatMap((result) => result.errors ?? []).map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
      expect(subscription.results.filter((result) => result.data)).toEqual([]);
    }
  } finally {
    await Promise.all([...viewers, spy].map(async (viewer) => viewer.client.dispose()));
  }
});
