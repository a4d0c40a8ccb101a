import { GATEWAY_PROOF_HEADER, signGatewayProof } from '@cameo/kernel/gateway-proof';
import type { RunningServer } from '@cameo/kernel/serve';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import { codes, request, type Operation } from '@cameo/test-helpers/graphql';
import { generateKeyPairSync } from 'node:crypto';
import { proofFor, testSecrets } from '@cameo/test-helpers/stack';
import { start } from '../src/server';
import { createDb, type UsersDb } from '../src/db';
import { currentCost, hashPassword, scryptCost } from '../src/passwords';

let database: TestDatabase;
let server: RunningServer;
let db: UsersDb;

beforeAll(async () => {
  database = await createTestDatabase('users_auth');
  db = createDb(database.url, 2);
  server = await start({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    jwtSecret: testSecrets.jwtSecret,
    keys: testSecrets,
  });
});
afterAll(async () => {
  await server?.stop();
  await db?.$disconnect();
  await database?.drop();
});

const proof = (viewerId: string | null = null, audience = 'users') => proofFor(audience, viewerId);
const call = <Data = Record<string, any>, Variables = Record<string, unknown>>(
  query: Operation<Data, Variables>,
  variables?: Variables,
  viewerId: string | null = null,
) => request(server.url, query, { variables, headers: proof(viewerId) });

const SIGN_UP = graphql(`
  mutation UsersAuthSignUp($input: SignUpInput!) {
    signUp(input: $input) {
      token
      user {
        id
        handle
        displayName
      }
    }
  }
`);
const SIGN_IN = graphql(`
  mutation UsersAuthSignIn($handle: String!, $password: String!) {
    signIn(handle: $handle, password: $password) {
      token
      user {
        handle
      }
    }
  }
`);

describe('the gateway proof', () => {
  it('refuses a direct call without it', async () => {
    const response = await request(server.url, '{ __typename }');
    expect(response.status).toBe(401);
    expect(codes(response)).toEqual(['GATEWAY_PROOF_REQUIRED']);
  });

  it('refuses a proof for another subgraph, a forged one and a stale one', async () => {
    const otherAudience = await request(server.url, '{ __typename }', { headers: proof(null, 'feed') });
    expect(codes(otherAudience)).toEqual(['GATEWAY_PROOF_REQUIRED']);
    const forged = await request(server.url, '{ __typename }', {
      headers: (body) => ({
        [GATEWAY_PROOF_HEADER]: signGatewayProof(
          generateKeyPairSync('ed25519').privateKey,
          'users',
          { viewerId: null },
          { method: 'POST', body },
        ),
      }),
    });
    expect(codes(forged)).toEqual(['GATEWAY_PROOF_REQUIRED']);
    const jwt = await import('jsonwebtoken');
    const stale = jwt.default.sign({ viewer: null, iat: 1_000_000 }, testSecrets.internalCallSecret, {
      issuer: 'cameo-gateway',
      audience: 'users',
      expiresIn: 60,
    });
    const expired = await request(server.url, '{ __typename }', { headers: { [GATEWAY_PROOF_HEADER]: stale } });
    expect(codes(expired)).toEqual(['GATEWAY_PROOF_REQUIRED']);
  });

  it('answers with a valid proof', async () => {
    const response = await call('{ __typename }');
    expect(response.data).toEqual({ __typename: 'Query' });
  });
});

describe('sign-up and sign-in', () => {
  it('signs up, then the proof viewer is `me`', async () => {
    const signUp = await call(SIGN_UP, { input: { handle: '@Ada', displayName: ' Ada L ', password: 'analytical engine' } });
    expect(signUp.errors).toBeUndefined();
    const { user } = signUp.data!.signUp;
    expect(user).toMatchObject({ handle: 'ada', displayName: 'Ada L' });
    const me = await call('{ me { handle } }', undefined, user.id);
    expect(me.data).toEqual({ me: { handle: 'ada' } });
    const anonymous = await call('{ me { handle } }');
    expect(anonymous.data).toEqual({ me: null });
  });

  it('stores a slow hash, never the password', async () => {
    const row = await db.user.findUniqueOrThrow({ where: { handle: 'ada' } });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain('analytical engine');
  });

  it('refuses a taken handle, whatever its case', async () => {
    const response = await call(SIGN_UP, { input: { handle: 'ADA', displayName: 'Other', password: 'another password' } });
    expect(codes(response)).toEqual(['HANDLE_TAKEN']);
    expect(await db.user.count({ where: { handle: 'ada' } })).toBe(1);
  });

  it('lets exactly one of two concurrent sign-ups for a handle win', async () => {
    const input = { handle: 'race', displayName: 'Racer', password: 'password one' };
    const results = await Promise.all([call(SIGN_UP, { input }), call(SIGN_UP, { input })]);
    expect(results.map((r) => codes(r)).sort()).toEqual([[], ['HANDLE_TAKEN']]);
    expect(await db.user.count({ where: { handle: 'race' } })).toBe(1);
  });

  it.each([
    [{ handle: 'x', displayName: 'X', password: 'long enough' }, 'handle'],
    [{ handle: 'valid_handle', displayName: '', password: 'long enough' }, 'displayName'],
    [{ handle: 'valid_handle', displayName: 'Valid', password: 'short' }, 'password'],
  ])('refuses bad input %j with BAD_USER_INPUT on %s and writes nothing', async (input, field) => {
    const before = await db.user.count();
    const response = await call(SIGN_UP, { input });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions?.field).toBe(field);
    expect(await db.user.count()).toBe(before);
  });

  it('signs in with the right password only, the same way for unknown handles', async () => {
    const ok = await call(SIGN_IN, { handle: 'Ada', password: 'analytical engine' });
    expect(ok.data?.signIn.user).toEqual({ handle: 'ada' });
    expect(typeof ok.data?.signIn.token).toBe('string');
    const wrong = await call(SIGN_IN, { handle: 'ada', password: 'difference engine' });
    const unknown = await call(SIGN_IN, { handle: 'nobody', password: 'difference engine' });
    expect(codes(wrong)).toEqual(['INVALID_CREDENTIALS']);
    expect(unknown.errors).toEqual(wrong.errors);
  });

  it('re-hashes a password stored at an older cost when its owner signs in', async () => {
    await call(SIGN_UP, { input: { handle: 'hopper', displayName: 'Hopper', password: 'compiler one' } });
    const old = await hashPassword('compiler one', scryptCost(12));
    await db.user.update({ where: { handle: 'hopper' }, data: { passwordHash: old } });
    const signedIn = await call(SIGN_IN, { handle: 'hopper', password: 'compiler one' });
    expect(signedIn.data?.signIn.user).toEqual({ handle: 'hopper' });
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { handle: 'hopper' } });
    expect(passwordHash).not.toBe(old);
    expect(passwordHash.startsWith(`scrypt$${currentCost().N}$8$1$`)).toBe(true);
    // The upgraded hash signs in as before.
    expect((await call(SIGN_IN, { handle: 'hopper', password: 'compiler one' })).data?.signIn.user).toEqual({ handle: 'hopper' });
  });

  it('answers unknown ids with null and invalid queries without a stack trace', async () => {
    const response = await call('{ user(id: "not-a-uuid") { id } userByHandle(handle: "nobody") { id } }');
    expect(response.data).toEqual({ user: null, userByHandle: null });
    const bad = await call('{ nope }');
    expect(codes(bad)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(bad)).not.toMatch(/stacktrace|at .*\.ts/);
  });
});

describe('the User entity', () => {
  it('resolves references by id, and unknown or malformed ids to null', async () => {
    const { data } = await call(SIGN_UP, { input: { handle: 'grace', displayName: 'Grace', password: 'cobol rules ok' } });
    const id = data!.signUp.user.id;
    // Raw text: `_entities` is the subgraph's own federation field, not in the public schema.
    const response = await call(
      `
        query ($reps: [_Any!]!) {
          _entities(representations: $reps) {
            ... on User {
              id
              handle
            }
          }
        }
      `,
      {
        reps: [
          { __typename: 'User', id },
          { __typename: 'User', id: '00000000-0000-0000-0000-000000000000' },
          { __typename: 'User', id: 'nope' },
        ],
      },
    );
    expect(response.data).toEqual({ _entities: [{ id, handle: 'grace' }, null, null] });
  });
});
