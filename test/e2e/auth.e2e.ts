import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import { codes, request } from '@cameo/test-helpers/graphql';
import { startStack, type TestStack } from '@cameo/test-helpers/stack';

let database: TestDatabase;
let stack: TestStack;

beforeAll(async () => {
  database = await createTestDatabase('e2e_auth');
  stack = await startStack(database.url);
});
afterAll(async () => {
  await stack?.stop();
  await database?.drop();
});

describe('through the gateway', () => {
  it('signs up, then `me` is the new user; signs in again', async () => {
    const signUp = await request(
      stack.gatewayUrl,
      graphql(`
        mutation AuthSignUp {
          signUp(input: { handle: "linus", displayName: "Linus", password: "just for fun" }) {
            token
            user {
              id
              handle
            }
          }
        }
      `),
    );
    expect(signUp.errors).toBeUndefined();
    const { token, user } = signUp.data!.signUp;
    const me = await request(stack.gatewayUrl, '{ me { id handle displayName } }', { token });
    expect(me.data).toEqual({ me: { id: user.id, handle: 'linus', displayName: 'Linus' } });

    const signIn = await request(
      stack.gatewayUrl,
      graphql(`
        mutation AuthSignIn {
          signIn(handle: "@LINUS", password: "just for fun") {
            token
          }
        }
      `),
    );
    const again = await request(stack.gatewayUrl, '{ me { handle } userByHandle(handle: "linus") { id } }', {
      token: signIn.data!.signIn.token,
    });
    expect(again.data).toEqual({ me: { handle: 'linus' }, userByHandle: { id: user.id } });
  });

  it('is anonymous without a token and refuses a bad one with UNAUTHENTICATED', async () => {
    const anonymous = await request(stack.gatewayUrl, '{ me { id } }');
    expect(anonymous.data).toEqual({ me: null });
    const forged = await request(stack.gatewayUrl, '{ me { id } }', { token: 'not.a.token' });
    expect(forged.status).toBe(401);
    expect(codes(forged)).toEqual(['UNAUTHENTICATED']);
  });

  it('passes domain error codes through', async () => {
    const response = await request(
      stack.gatewayUrl,
      graphql(`
        mutation AuthSignIn2 {
          signIn(handle: "linus", password: "wrong password") {
            token
          }
        }
      `),
    );
    expect(codes(response)).toEqual(['INVALID_CREDENTIALS']);
    expect(JSON.stringify(response)).not.toContain('stacktrace');
  });

  it('serves the Apollo Sandbox landing page and introspection in development', async () => {
    const page = await fetch(stack.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('embeddable-sandbox');
    const introspection = await request(stack.gatewayUrl, '{ __schema { queryType { name } } }');
    expect(introspection.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('health', () => {
  const base = () => stack.gatewayUrl.replace(/\/graphql$/, '');

  it('is live and ready while every subgraph answers, not ready when one is down', async () => {
    expect((await fetch(`${base()}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    const readyBody = (await ready.json()) as { status: string; subgraphs: { name: string }[] };
    expect(readyBody.status).toBe('ready');
    expect(readyBody.subgraphs.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'feed', ready: true },
      { name: 'generations', ready: true },
      { name: 'social', ready: true },
      { name: 'users', ready: true },
    ]);

    await stack.stopUsers();
    const notReady = await fetch(`${base()}/readyz`);
    expect(notReady.status).toBe(503);
    const body = (await notReady.json()) as { subgraphs: { name: string; ready: boolean }[] };
    expect(body.subgraphs).toContainEqual(expect.objectContaining({ name: 'users', ready: false }));
    expect(body.subgraphs).toContainEqual({ name: 'generations', ready: true });
  });
});
