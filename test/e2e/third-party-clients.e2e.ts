import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { Client as UrqlClient, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { GraphQLClient } from 'graphql-request';
import type { Client } from 'graphql-ws';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import { codes, request } from '@cameo/test-helpers/graphql';
import { startStack, type TestStack } from '@cameo/test-helpers/stack';
import { wsClient } from '@cameo/test-helpers/subscriptions';
import { signUp, type TestUser } from '@cameo/test-helpers/users';

/**
 * Apollo Client, urql and graphql-request with their default options query and mutate over
 * HTTP and follow a generation over graphql-ws, while a browser's simple cross-site request
 * (one it sends without a CORS preflight) is still refused.
 */
let database: TestDatabase;
let stack: TestStack;
let creator: TestUser;
/** Signed in over HTTP by the clients with default options. */
let reader: TestUser;
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
  const response = await request(
    stack.gatewayUrl,
    graphql(`
      mutation ThirdPartyClientsCreateGeneration($input: CreateGenerationInput!) {
        createGeneration(input: $input) {
          id
        }
      }
    `),
    {
      token: creator.token,
      variables: { input: { prompt, seconds: 2 } },
    },
  );
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
  reader = await signUp(stack.gatewayUrl, 'reader');
});
afterAll(async () => {
  await Promise.all(sockets.map(async (socket) => socket.dispose()));
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

const ME = 'query Me { me { handle bio } }';
const UPDATE_BIO = 'mutation UpdateBio($bio: String!) { updateProfile(input: { bio: $bio }) { handle bio } }';
const bearer = (user: TestUser) => ({ authorization: `Bearer ${user.token}` });

describe('over HTTP with default options (plus the session token)', () => {
  it('Apollo Client (HttpLink: POST, application/json) queries and mutates', async () => {
    const apollo = new ApolloClient({ link: new HttpLink({ uri: stack.gatewayUrl, headers: bearer(reader) }), cache: new InMemoryCache() });
    const { data } = await apollo.query<{ me: { handle: string } }>({ query: gql(ME) });
    expect(data?.me).toMatchObject({ handle: 'reader' });
    const mutated = await apollo.mutate<{ updateProfile: { bio: string } }>({
      mutation: gql(UPDATE_BIO),
      variables: { bio: 'via Apollo Client' },
    });
    expect(mutated.data?.updateProfile).toMatchObject({ handle: 'reader', bio: 'via Apollo Client' });
    apollo.stop();
  });

  it('urql (queries as GET, mutations as POST) queries and mutates', async () => {
    const methods: string[] = [];
    // Records the method only; the request is urql's own, headers and all.
    const recording: typeof fetch = (input, init) => {
      methods.push(init?.method ?? 'GET');
      return fetch(input, init);
    };
    const urql = new UrqlClient({
      url: stack.gatewayUrl,
      exchanges: [cacheExchange, fetchExchange],
      fetchOptions: { headers: bearer(reader) },
      fetch: recording,
    });
    const query = await urql.query<{ me: { handle: string } }>(ME, {}).toPromise();
    expect(query.error).toBeUndefined();
    expect(query.data?.me).toMatchObject({ handle: 'reader' });
    const mutation = await urql.mutation<{ updateProfile: { bio: string } }>(UPDATE_BIO, { bio: 'via urql' }).toPromise();
    expect(mutation.error).toBeUndefined();
    expect(mutation.data?.updateProfile).toMatchObject({ handle: 'reader', bio: 'via urql' });
    expect(methods).toEqual(['GET', 'POST']);
  });

  it('urql without a token needs one setting, preferGetMethod: false (its GET would be a simple request)', async () => {
    const USER = 'query User($handle: String!) { userByHandle(handle: $handle) { handle } }';
    const byDefault = new UrqlClient({ url: stack.gatewayUrl, exchanges: [cacheExchange, fetchExchange] });
    expect((await byDefault.query(USER, { handle: 'reader' }).toPromise()).error?.message).toMatch(/Cross-Site Request Forgery/);
    const anonymous = new UrqlClient({ url: stack.gatewayUrl, exchanges: [cacheExchange, fetchExchange], preferGetMethod: false });
    const result = await anonymous.query(USER, { handle: 'reader' }).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({ userByHandle: { __typename: 'User', handle: 'reader' } });
  });

  it('graphql-request (POST, application/json) queries and mutates', async () => {
    const client = new GraphQLClient(stack.gatewayUrl, { headers: bearer(reader) });
    expect(await client.request(ME)).toMatchObject({ me: { handle: 'reader' } });
    expect(await client.request(UPDATE_BIO, { bio: 'via graphql-request' })).toMatchObject({
      updateProfile: { bio: 'via graphql-request' },
    });
  });
});

describe('cross-site requests a browser sends without a preflight', () => {
  const CSRF_REFUSED = /Cross-Site Request Forgery/;
  const get = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${stack.gatewayUrl}?${new URLSearchParams({ query })}`, { headers });

  it('refuses a GET query carrying only simple headers (as urql sends it without a token)', async () => {
    const response = await get(ME, {
      accept: 'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(CSRF_REFUSED);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses a form-style POST as %s, even with a JSON body',
    async (contentType) => {
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: JSON.stringify({ query: UPDATE_BIO, variables: { bio: 'forged' } }),
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(CSRF_REFUSED);
    },
  );

  it('refuses a GET with Basic credentials, which a browser attaches by itself (only Bearer tokens authenticate)', async () => {
    const response = await get(ME, { authorization: `Basic ${Buffer.from('reader:password123').toString('base64')}` });
    expect(response.status).toBe(401);
    expect(codes({ status: response.status, ...((await response.json()) as object) })).toEqual(['UNAUTHENTICATED']);
  });

  it('never runs a mutation over GET, even with a token', async () => {
    const response = await get('mutation { updateProfile(input: { bio: "forged" }) { bio } }', bearer(reader));
    expect(response.status).toBe(405);
    const me = await fetch(`${stack.gatewayUrl}?${new URLSearchParams({ query: ME })}`, { headers: bearer(reader) });
    expect(((await me.json()) as { data: { me: { bio: string } } }).data.me.bio).not.toBe('forged');
  });
});
