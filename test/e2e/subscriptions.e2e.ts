import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import { request, until, requestAs } from '@cameo/test-helpers/graphql';
import { startReplicaGateway, startStack, type TestStack } from '@cameo/test-helpers/stack';
import { collect, wsClient } from '@cameo/test-helpers/subscriptions';
import { signUp, verifiedCameo, type TestUser, approveCameoFor } from '@cameo/test-helpers/users';

const SUBSCRIPTIONS_MY_GENERATION_UPDATES2 = graphql(`
  subscription SubscriptionsMyGenerationUpdates2 {
    myGenerationUpdates {
      progress
    }
  }
`);

/** Subscriptions through the gateway: graphql-ws in, graphql-ws to the owning subgraph, entities from the others. */
let database: TestDatabase;
let stack: TestStack;
let creator: TestUser, friend: TestUser, stranger: TestUser;
let friendCameo: string;
const clients: Client[] = [];
const client = (user?: TestUser) => {
  const created = wsClient(stack.gatewayUrl, user?.token);
  clients.push(created);
  return created;
};
const createClientWithToken = (token: string) => {
  const created = wsClient(stack.gatewayUrl, token);
  clients.push(created);
  return created;
};
const gql = requestAs(() => stack.gatewayUrl);
const create = async (prompt: string) => {
  const response = await gql(
    creator,
    graphql(`
      mutation SubscriptionsCreateGeneration($input: CreateGenerationInput!) {
        createGeneration(input: $input) {
          id
        }
      }
    `),
    {
      input: { prompt, seconds: 2, cameoIds: [friendCameo] },
    },
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.createGeneration.id as string;
};

const PROGRESS = graphql(`
  subscription SubscriptionsGenerationProgress($id: ID!) {
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

beforeAll(async () => {
  database = await createTestDatabase('e2e_subscriptions');
  stack = await startStack(database.url, { subscriptionLimits: { perConnection: 2 } });
  [creator, friend, stranger] = await Promise.all([
    signUp(stack.gatewayUrl, 'creator'),
    signUp(stack.gatewayUrl, 'friend'),
    signUp(stack.gatewayUrl, 'stranger'),
  ]);
  friendCameo = await verifiedCameo(stack.gatewayUrl, friend);
  await approveCameoFor(stack.gatewayUrl, friend, friendCameo, 'creator');
});
afterAll(async () => {
  await Promise.all(clients.map(async (c) => c.dispose()));
  await stack?.stop();
  await database?.drop();
});

it('streams a generation’s progress in order to 100 with fields from every subgraph, then completes', async () => {
  const updates = collect(
    client(creator),
    graphql(`
      subscription SubscriptionsMyGenerationUpdates {
        myGenerationUpdates {
          generationId
          progress
          status
          generation {
            creator {
              handle
            }
          }
        }
      }
    `),
  );
  // Live before the generation starts (its events would otherwise pass it by).
  await until('the updates subscription upstream', () => stack.subscriptionStats().upstream === 1);
  const id = await create('a lighthouse in a storm');
  const progress = collect(client(creator), PROGRESS, { id });
  await progress.done;
  expect(progress.results.every((result) => !result.errors)).toBe(true);
  const events = progress.results.map((result) => result.data!.generationProgress);
  expect(events.map((event) => event.progress)).toEqual([...events.map((event) => event.progress)].sort((a, b) => a - b));
  expect(events.at(-1)).toMatchObject({ progress: 100, status: 'COMPLETED' });
  for (const event of events) {
    expect(event.generation).toEqual({
      prompt: 'a lighthouse in a storm',
      creator: { handle: 'creator' },
      cameos: [{ owner: { displayName: 'friend' } }],
    });
  }
  await updates.waitFor(2);
  expect(updates.results[0]!.data!.myGenerationUpdates).toMatchObject({ generationId: id, generation: { creator: { handle: 'creator' } } });
  updates.unsubscribe();
});

it('refuses another user’s draft as NOT_FOUND (as the generation query answers null) and sends no event', async () => {
  const id = await create('a private draft');
  const spy = collect(client(stranger), PROGRESS, { id });
  await spy.done.catch(() => {});
  expect(spy.results.flatMap((result) => result.errors ?? []).map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
  expect(spy.results.filter((result) => result.data)).toEqual([]);
});

describe('clear errors', () => {
  const firstCodes = async (run: ReturnType<typeof collect>) => {
    await run.done.catch(() => {});
    return run.results.flatMap((result) => result.errors ?? []).map((error) => error.extensions?.code);
  };

  it('closes a connection whose session token is invalid with 4401', async () => {
    const bad = createClientWithToken('not-a-token');
    const closed = new Promise<number>((resolve) => bad.on('closed', (event) => resolve((event as { code: number }).code)));
    const run = collect(bad, SUBSCRIPTIONS_MY_GENERATION_UPDATES2);
    expect(await closed).toBe(4401);
    expect(run.results).toEqual([]);
  });

  it('answers UNAUTHENTICATED to an anonymous subscription', async () => {
    expect(await firstCodes(collect(client(), SUBSCRIPTIONS_MY_GENERATION_UPDATES2))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a subscription over HTTP and says where to go', async () => {
    const response = await request(
      stack.gatewayUrl,
      graphql(`
        subscription SubscriptionsMyGenerationUpdates3 {
          myGenerationUpdates {
            progress
          }
        }
      `),
      { token: creator.token },
    );
    expect(response.status).toBe(400);
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['SUBSCRIPTION_REQUIRES_WEBSOCKET']);
  });

  it('rejects bad input with stable codes', async () => {
    const socket = client(creator);
    const codesOf = (query: string, variables?: Record<string, unknown>) =>
      new Promise<unknown[]>((resolve) => {
        socket.subscribe(
          { query, variables },
          {
            next: (result) => resolve((result.errors ?? []).map((error) => error.extensions?.code)),
            error: (errors) => resolve((errors as { extensions?: { code?: string } }[]).map((error) => error.extensions?.code)),
            complete: () => {},
          },
        );
      });
    expect(await codesOf('subscription { generationProgress(id: ')).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(await codesOf('subscription { noSuchField }')).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(await codesOf('subscription ($id: ID!) { generationProgress(id: $id) { progress } }', { id: { nested: true } })).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(await codesOf('subscription { generationProgress(id: "not-a-uuid") { progress } }')).toEqual(['NOT_FOUND']);
  });

  it('limits the operations one connection may hold open', async () => {
    const socket = client(creator);
    const open = Array.from({ length: 3 }, () => collect(socket, SUBSCRIPTIONS_MY_GENERATION_UPDATES2));
    expect(await firstCodes(open[2]!)).toEqual(['SUBSCRIPTION_LIMIT']);
    for (const run of open) run.unsubscribe();
  });

  it('runs queries and mutations sent over the socket like HTTP ones', async () => {
    const result = await new Promise<unknown>((resolve, reject) =>
      client(creator).subscribe({ query: '{ me { handle } }' }, { next: resolve, error: reject, complete: () => {} }),
    );
    expect(result).toEqual({ data: { me: { handle: 'creator' } } });
  });
});

it('ends open subscriptions with 1001 when a gateway shuts down', async () => {
  const { gateway, url } = await startReplicaGateway(stack);
  const socket = wsClient(url, creator.token);
  clients.push(socket);
  const closed = new Promise<number>((resolve) => socket.on('closed', (event) => resolve((event as { code: number }).code)));
  const run = collect(socket, SUBSCRIPTIONS_MY_GENERATION_UPDATES2);
  await until('the subscription open', () => gateway.subscriptionStats().subscriptions === 1);
  await gateway.stop();
  expect(await closed).toBe(1001);
  await expect(run.done).rejects.toThrow('connection closed: 1001');
});

it('drops a connection that stops answering pings', async () => {
  const { gateway, url } = await startReplicaGateway(stack, { subscriptionLimits: { keepAliveMs: 100 } });
  // A peer that has gone away without closing: it never answers a ping.
  const silent = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', { autoPong: false });
  const closed = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)));
  await new Promise((resolve) => silent.once('open', resolve));
  expect(gateway.subscriptionStats().connections).toBe(1);
  expect(await closed).toBe(1006);
  await until('the socket gone', () => gateway.subscriptionStats().connections === 0);
  await gateway.stop();
});
