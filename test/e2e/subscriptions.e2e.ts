import type { Client } from 'graphql-ws';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { graphql } from '../helpers/graphql';
import { startStack, type TestStack } from '../helpers/stack';
import { collect, wsClient } from '../helpers/subscriptions';
import { signUp, verifiedCameo, type TestUser } from '../helpers/users';

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
const gql = (user: TestUser, query: string, variables?: Record<string, unknown>) => graphql(stack.gatewayUrl, query, { token: user.token, variables });
const create = async (prompt: string) => {
  const response = await gql(creator, `mutation ($input: CreateGenerationInput!) { createGeneration(input: $input) { id } }`, {
    input: { prompt, seconds: 2, cameoIds: [friendCameo] },
  });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.createGeneration.id as string;
};

const PROGRESS = `subscription ($id: ID!) {
  generationProgress(id: $id) {
    progress stage status
    generation { prompt creator { handle } cameos { owner { displayName } } }
  }
}`;

beforeAll(async () => {
  database = await createTestDatabase('e2e_subscriptions');
  stack = await startStack(database.url);
  [creator, friend, stranger] = await Promise.all([signUp(stack.gatewayUrl, 'creator'), signUp(stack.gatewayUrl, 'friend'), signUp(stack.gatewayUrl, 'stranger')]);
  friendCameo = await verifiedCameo(stack.gatewayUrl, friend);
  await gql(friend, `mutation ($id: ID!) { setCameoPolicy(cameoId: $id, input: { policy: APPROVED }) { id } }`, { id: friendCameo });
  await gql(friend, `mutation ($id: ID!) { grantCameoAccess(cameoId: $id, handle: "creator") { id } }`, { id: friendCameo });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await stack?.stop();
  await database?.drop();
});

it('streams a generation’s progress in order to 100 with fields from every subgraph, then completes', async () => {
  const updates = collect(client(creator), `subscription { myGenerationUpdates { generationId progress status generation { creator { handle } } } }`);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const id = await create('a lighthouse in a storm');
  const progress = collect(client(creator), PROGRESS, { id });
  await progress.done;
  expect(progress.results.every((result) => !result.errors)).toBe(true);
  const events = progress.results.map((result) => result.data!.generationProgress);
  expect(events.map((event) => event.progress)).toEqual([...events.map((event) => event.progress)].sort((a, b) => a - b));
  expect(events.at(-1)).toMatchObject({ progress: 100, status: 'COMPLETED' });
  for (const event of events) {
    expect(event.generation).toEqual({ prompt: 'a lighthouse in a storm', creator: { handle: 'creator' }, cameos: [{ owner: { displayName: 'friend' } }] });
  }
  await updates.waitFor(2);
  expect(updates.results[0]!.data!.myGenerationUpdates).toMatchObject({ generationId: id, generation: { creator: { handle: 'creator' } } });
  updates.unsubscribe();
});

it('refuses another user’s generation with FORBIDDEN and sends no event', async () => {
  const id = await create('a private draft');
  const spy = collect(client(stranger), PROGRESS, { id });
  await spy.done.catch(() => {});
  expect(spy.results.flatMap((result) => result.errors ?? []).map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  expect(spy.results.filter((result) => result.data)).toEqual([]);
});
