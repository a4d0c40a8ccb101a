import { ApolloClient, InMemoryCache, gql } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { Client as UrqlClient, subscriptionExchange } from '@urql/core';
import type { Client } from 'graphql-ws';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { graphql } from '../helpers/graphql';
import { startStack, type TestStack } from '../helpers/stack';
import { wsClient } from '../helpers/subscriptions';
import { signUp, type TestUser } from '../helpers/users';

/** Apollo Client and urql, configured as their docs say, follow a generation through the gateway. */
let database: TestDatabase;
let stack: TestStack;
let creator: TestUser;
const sockets: Client[] = [];
const socketFor = (user: TestUser) => {
  const socket = wsClient(stack.gatewayUrl, user.token);
  sockets.push(socket);
  return socket;
};

const PROGRESS = `subscription Progress($id: ID!) {
  generationProgress(id: $id) { progress status generation { id prompt creator { id handle } } }
}`;

interface Step {
  progress: number;
  status: string;
  generation: { prompt: string; creator: { handle: string } };
}

async function create(prompt: string): Promise<string> {
  const response = await graphql(stack.gatewayUrl, `mutation ($input: CreateGenerationInput!) { createGeneration(input: $input) { id } }`, {
    token: creator.token,
    variables: { input: { prompt, seconds: 2 } },
  });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.createGeneration.id as string;
}

function expectRunToCompletion(steps: Step[], prompt: string) {
  expect(steps[0]).toMatchObject({ progress: 0, status: 'QUEUED' });
  expect(steps.length).toBeGreaterThan(2);
  const progress = steps.map((step) => step.progress);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  expect(steps.at(-1)).toMatchObject({ progress: 100, status: 'COMPLETED', generation: { prompt, creator: { handle: 'creator' } } });
}

beforeAll(async () => {
  database = await createTestDatabase('e2e_third_party_clients');
  // Jobs wait for a worker, which starts once a client has the first state: every client
  // then sees the whole run live.
  stack = await startStack(database.url, { redis: true, worker: false });
  creator = await signUp(stack.gatewayUrl, 'creator');
});
afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.dispose()));
  await stack?.stop();
  await database?.drop();
});

it('Apollo Client with GraphQLWsLink receives every step to completion', async () => {
  const apollo = new ApolloClient({ link: new GraphQLWsLink(socketFor(creator)), cache: new InMemoryCache() });
  const id = await create('seen through Apollo Client');
  const steps = await new Promise<Step[]>((resolve, reject) => {
    const seen: Step[] = [];
    let worker: { stop(): Promise<void> } | undefined;
    apollo.subscribe<{ generationProgress: Step }>({ query: gql(PROGRESS), variables: { id } }).subscribe({
      next: (result) => {
        if (result.error) reject(result.error);
        else if (result.data) seen.push(result.data.generationProgress);
        worker ??= stack.startWorker();
      },
      error: reject,
      complete: () => void worker!.stop().then(() => resolve(seen)),
    });
  });
  expectRunToCompletion(steps, 'seen through Apollo Client');
  apollo.stop();
});

it('urql with subscriptionExchange receives every step to completion', async () => {
  const socket = socketFor(creator);
  const urql = new UrqlClient({
    url: stack.gatewayUrl,
    exchanges: [
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: socket.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  const id = await create('seen through urql');
  const steps = await new Promise<Step[]>((resolve, reject) => {
    const seen: Step[] = [];
    let worker: { stop(): Promise<void> } | undefined;
    const subscription = urql.subscription<{ generationProgress: Step }>(PROGRESS, { id }).subscribe((result) => {
      if (result.error) return reject(result.error);
      const step = result.data!.generationProgress;
      seen.push(step);
      worker ??= stack.startWorker();
      if (step.status === 'COMPLETED') {
        subscription.unsubscribe();
        void worker.stop().then(() => resolve(seen));
      }
    });
  });
  expectRunToCompletion(steps, 'seen through urql');
});
