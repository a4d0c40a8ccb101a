import { createHash } from 'node:crypto';
import type { Gateway } from '../../gateway/src/gateway';
import { MeDocument, SignUpDocument, createCameoClient } from '../../clients/sdk/src';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { codes, graphql } from '../helpers/graphql';
import { startReplicaGateway, startStack, type TestStack } from '../helpers/stack';

/** Automatic persisted queries, and the safelist mode that runs registered operations only. */
let database: TestDatabase;
let stack: TestStack;
let safelisted: Gateway;
let safeUrl: string;

beforeAll(async () => {
  database = await createTestDatabase('hardening_persisted');
  stack = await startStack(database.url);
  ({ gateway: safelisted, url: safeUrl } = await startReplicaGateway(stack, { production: true, safelist: true }));
});
afterAll(async () => {
  await safelisted?.stop();
  await stack?.stop();
  await database?.drop();
});

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (response) => ({
    status: response.status,
    ...((await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] }),
  }));

it('registers an operation by hash on first use and runs it by hash afterwards (APQ)', async () => {
  const query = '{ __typename }';
  const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
  expect((await post(stack.gatewayUrl, { extensions: { persistedQuery } })).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  expect((await post(stack.gatewayUrl, { query, extensions: { persistedQuery } })).data).toEqual({ __typename: 'Query' });
  expect((await post(stack.gatewayUrl, { extensions: { persistedQuery } })).data).toEqual({ __typename: 'Query' });
});

it('in safelist mode runs the registered operations and refuses any other', async () => {
  const sdk = createCameoClient({ url: safeUrl });
  const { signUp } = await sdk.request(SignUpDocument, { input: { handle: 'listed', displayName: 'Listed', password: 'password123' } });
  sdk.setToken(signUp.token);
  expect((await sdk.request(MeDocument)).me?.handle).toBe('listed');
  const adHoc = await graphql(safeUrl, '{ me { id handle } }', { token: signUp.token });
  expect(adHoc.status).toBe(400);
  expect(codes(adHoc)).toEqual(['OPERATION_NOT_ALLOWED']);
  // Signed out, a registered operation still runs (and answers as it would anywhere).
  expect(await createCameoClient({ url: safeUrl }).request(MeDocument)).toEqual({ me: null });
});
