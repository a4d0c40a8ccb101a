import http from 'node:http';
import type { GraphQLFormattedError } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { cursorKey, signCursor } from '@cameo/kernel/cursor';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { codes, request, ok } from '@cameo/test-helpers/graphql';
import { startStack, testSecrets, type TestStack } from '@cameo/test-helpers/stack';
import { wsUrl } from '@cameo/test-helpers/subscriptions';
import { signUp, type TestUser } from '@cameo/test-helpers/users';

// Raw GraphQL text on purpose: hardening tests probe the gateway at the wire with what no generated
// client sends (malformed, over-limit, introspection, misspelt or bare documents, exact bytes), so
// they do not use the typed documents of @cameo/test-helpers/generated.

/**
 * Issue 17 (abuse): password guessing is throttled per handle whatever the transport and the
 * client address; cursors are signed and bound to their viewer and list.
 */
let database: TestDatabase;
let stack: TestStack;
let ada: TestUser;
let bob: TestUser;

beforeAll(async () => {
  database = await createTestDatabase('e2e_abuse');
  stack = await startStack(database.url);
  [ada, bob] = await Promise.all([signUp(stack.gatewayUrl, 'ada'), signUp(stack.gatewayUrl, 'bob')]);
});
afterAll(async () => {
  await stack?.stop();
  await database?.drop();
});

const SIGN_IN = `mutation ($handle: String!, $password: String!) { signIn(handle: $handle, password: $password) { token } }`;

interface Answer {
  data?: unknown;
  errors?: readonly GraphQLFormattedError[];
}

/** signIn over HTTP from a chosen loopback address (127.0.0.x), as a client elsewhere would. */
function signInHttp(localAddress: string, handle: string, password: string): Promise<Answer> {
  const url = new URL(stack.gatewayUrl);
  const body = JSON.stringify({ query: SIGN_IN, variables: { handle, password } });
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json' },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve(JSON.parse(text) as Answer));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** signIn as a mutation over graphql-ws from a chosen loopback address. */
async function signInWs(localAddress: string, handle: string, password: string): Promise<Answer> {
  class FromAddress extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { localAddress });
    }
  }
  const client = createClient({ url: wsUrl(stack.gatewayUrl), webSocketImpl: FromAddress, retryAttempts: 0, lazy: true });
  try {
    return await new Promise<Answer>((resolve, reject) => {
      let answer: Answer = {};
      client.subscribe(
        { query: SIGN_IN, variables: { handle, password } },
        { next: (result) => (answer = result as Answer), error: reject, complete: () => resolve(answer) },
      );
    });
  } finally {
    await client.dispose();
  }
}

const errorOf = (answer: Answer) => ({ code: answer.errors?.[0]?.extensions?.code, message: answer.errors?.[0]?.message });

describe('sign-in throttle', () => {
  it('locks a handle after 5 failures in a row from several addresses and both transports, answering an unknown handle identically', async () => {
    // Five wrong guesses, spread over addresses and transports: each is an ordinary refusal.
    const guesses = [
      signInHttp('127.0.0.2', 'ada', 'wrong-1'),
      signInWs('127.0.0.3', 'ada', 'wrong-2'),
      signInHttp('127.0.0.4', 'ada', 'wrong-3'),
      signInWs('127.0.0.5', 'ada', 'wrong-4'),
      signInHttp('127.0.0.6', 'ada', 'wrong-5'),
    ];
    for (const guess of guesses) expect(codes({ status: 200, ...(await guess) } as never)).toEqual(['INVALID_CREDENTIALS']);
    // Locked now: even the right password, from a fresh address, over either transport.
    const locked = await signInHttp('127.0.0.7', 'ada', 'password123');
    expect(errorOf(locked).code).toBe('SIGN_IN_THROTTLED');
    expect(locked.errors![0]!.extensions!.retryAfterSeconds).toEqual(expect.any(Number));
    expect(errorOf(await signInWs('127.0.0.8', 'ada', 'password123')).code).toBe('SIGN_IN_THROTTLED');

    // A handle nobody has goes through exactly the same: same refusals, same lockout answer.
    for (let i = 0; i < 5; i++)
      expect(errorOf(await signInHttp(`127.0.1.${i + 2}`, 'nobody_here', `guess-${i}`)).code).toBe('INVALID_CREDENTIALS');
    const unknown = await signInHttp('127.0.0.9', 'nobody_here', 'password123');
    expect({ ...errorOf(unknown), data: unknown.data }).toEqual({ ...errorOf(locked), data: locked.data });
    expect(Object.keys(unknown.errors![0]!.extensions!).sort()).toEqual(Object.keys(locked.errors![0]!.extensions!).sort());
  });

  it('a successful sign-in resets the count', async () => {
    for (let i = 0; i < 4; i++) expect(errorOf(await signInHttp('127.0.2.2', 'bob', `wrong-${i}`)).code).toBe('INVALID_CREDENTIALS');
    expect((await signInHttp('127.0.2.3', 'bob', 'password123')).errors).toBeUndefined();
    // Four more: without the reset this would be nine in a row and locked.
    for (let i = 0; i < 4; i++) expect(errorOf(await signInWs('127.0.2.4', 'bob', `again-${i}`)).code).toBe('INVALID_CREDENTIALS');
    expect((await signInWs('127.0.2.5', 'bob', 'password123')).errors).toBeUndefined();
    // And the fifth failure in a row still locks.
    for (let i = 0; i < 5; i++) await signInHttp('127.0.2.6', 'bob', `third-${i}`);
    expect(errorOf(await signInHttp('127.0.2.7', 'bob', 'password123')).code).toBe('SIGN_IN_THROTTLED');
  });
});

describe('cursors', () => {
  const FOLLOWERS = `query ($id: ID!, $after: String) { user(id: $id) { followers(first: 1, after: $after) { edges { cursor } pageInfo { endCursor } } } }`;
  const FOLLOWING_FEED = `query ($after: String) { feed(kind: FOLLOWING, first: 5, after: $after) { pageInfo { hasNextPage } } }`;

  it('a crafted social cursor is BAD_USER_INPUT, not a server error', async () => {
    const crafted = Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'not-a-uuid'])).toString('base64url');
    for (const after of [crafted, 'garbage', `${crafted}.AAAA`]) {
      const response = await request(stack.gatewayUrl, FOLLOWERS, { token: ada.token, variables: { id: bob.id, after } });
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('a social cursor works for its viewer and list only', async () => {
    const carol = await signUp(stack.gatewayUrl, 'carol');
    await ok(
      request(
        stack.gatewayUrl,
        `
          mutation ($id: ID!) {
            follow(userId: $id) {
              id
            }
          }
        `,
        { token: ada.token, variables: { id: carol.id } },
      ),
    );
    await ok(
      request(
        stack.gatewayUrl,
        `
          mutation ($id: ID!) {
            follow(userId: $id) {
              id
            }
          }
        `,
        { token: bob.token, variables: { id: carol.id } },
      ),
    );
    const first = await ok(request(stack.gatewayUrl, FOLLOWERS, { token: ada.token, variables: { id: carol.id } }));
    const after = first.user.followers.pageInfo.endCursor as string;
    expect((await request(stack.gatewayUrl, FOLLOWERS, { token: ada.token, variables: { id: carol.id, after } })).errors).toBeUndefined();
    // Another viewer, or another list, cannot use it.
    expect(codes(await request(stack.gatewayUrl, FOLLOWERS, { token: bob.token, variables: { id: carol.id, after } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await request(stack.gatewayUrl, FOLLOWERS, { token: ada.token, variables: { id: bob.id, after } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('a Following cursor of one viewer is refused for another', async () => {
    // Signed as the feed signs them (the test holds the cursor secret), for ada.
    const cursor = signCursor(
      cursorKey(testSecrets.cursorSecret),
      { viewerId: ada.id, connection: 'Query.following' },
      {
        k: 'F',
        t: '2026-01-01T00:00:00.000Z',
        id: '00000000-0000-4000-8000-000000000000',
      },
    );
    expect((await request(stack.gatewayUrl, FOLLOWING_FEED, { token: ada.token, variables: { after: cursor } })).errors).toBeUndefined();
    expect(codes(await request(stack.gatewayUrl, FOLLOWING_FEED, { token: bob.token, variables: { after: cursor } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});
