import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getOperationAST, parse } from 'graphql';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { Gateway } from '@cameo/gateway/gateway';
import { DEFAULT_MANIFEST_PATH, readManifest } from '@cameo/gateway/safelist';
import * as sdk from '@cameo/sdk';
import { GenerationProgressDocument, MeDocument, SignUpDocument, createCameoClient } from '@cameo/sdk';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { codes, request } from '@cameo/test-helpers/graphql';
import { startReplicaGateway, startStack, type TestStack } from '@cameo/test-helpers/stack';

// Raw GraphQL text on purpose: hardening tests probe the gateway at the wire with what no generated
// client sends (malformed, over-limit, introspection, misspelt or bare documents, exact bytes), so
// they do not use the typed documents of @cameo/test-helpers/generated.

/**
 * Automatic persisted queries, the persisted-query manifest of clients/operations (ids sent
 * alone), and the safelist mode that runs registered operations only.
 */
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

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** The id codegen attached to an SDK document (what the SDK sends). */
const idOf = (document: { __meta__?: Record<string, unknown> }) => ({ version: 1, sha256Hash: String(document.__meta__?.hash) });
const unknownId = { version: 1, sha256Hash: sha256('{ me { id handle } }') };

/** One operation over graphql-ws: its result, or the errors the server refused it with. */
async function overWs(url: string, payload: { query: string; extensions?: Record<string, unknown> }) {
  const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  try {
    return await new Promise<{ data?: unknown; errors?: { extensions?: { code?: string } }[] }>((resolve) => {
      let answer = {};
      client.subscribe(payload, {
        next: (result) => (answer = result),
        error: (errors) => resolve({ errors: errors as never }),
        complete: () => resolve(answer),
      });
    });
  } finally {
    await client.dispose();
  }
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (response) => ({
    status: response.status,
    ...((await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] }),
  }));

it('registers an operation by hash on first use and runs it by hash afterwards (APQ)', async () => {
  const query = '{ __typename }';
  const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
  expect((await post(stack.gatewayUrl, { extensions: { persistedQuery } })).errors?.[0]?.extensions?.code).toBe(
    'PERSISTED_QUERY_NOT_FOUND',
  );
  expect((await post(stack.gatewayUrl, { query, extensions: { persistedQuery } })).data).toEqual({ __typename: 'Query' });
  expect((await post(stack.gatewayUrl, { extensions: { persistedQuery } })).data).toEqual({ __typename: 'Query' });
});

it('in safelist mode runs the registered operations and refuses any other', async () => {
  const sdk = createCameoClient({ url: safeUrl });
  const { signUp } = await sdk.request(SignUpDocument, { input: { handle: 'listed', displayName: 'Listed', password: 'password123' } });
  sdk.setToken(signUp.token);
  expect((await sdk.request(MeDocument)).me?.handle).toBe('listed');
  const adHoc = await request(safeUrl, '{ me { id handle } }', { token: signUp.token });
  expect(adHoc.status).toBe(400);
  expect(codes(adHoc)).toEqual(['OPERATION_NOT_ALLOWED']);
  // A registered operation in another layout (the manifest holds its normalised print) is that
  // operation; one more field makes it another.
  const relaidOut = await request(safeUrl, 'query Me {\n  me { handle\n displayName id }\n}', { token: signUp.token });
  expect(relaidOut.data).toEqual({ me: { handle: 'listed', displayName: 'Listed', id: expect.any(String) } });
  expect(codes(await request(safeUrl, 'query Me { me { id handle displayName followerCount } }', { token: signUp.token }))).toEqual([
    'OPERATION_NOT_ALLOWED',
  ]);
  // Signed out, a registered operation still runs (and answers as it would anywhere).
  expect(await createCameoClient({ url: safeUrl }).request(MeDocument)).toEqual({ me: null });
});

it('the committed manifest is an Apollo persisted-query manifest of every SDK operation', () => {
  const manifest = JSON.parse(readFileSync(DEFAULT_MANIFEST_PATH, 'utf8')) as {
    format: string;
    version: number;
    operations: { id: string; name: string; type: string; body: string }[];
  };
  expect(manifest.format).toBe('apollo-persisted-query-manifest');
  expect(manifest.version).toBe(1);
  for (const { id, name, type, body } of manifest.operations) {
    expect(Object.keys({ id, name, type, body })).toEqual(['id', 'name', 'type', 'body']);
    expect(id).toBe(sha256(body));
    const operation = getOperationAST(parse(body));
    expect({ name: operation?.name?.value, type: operation?.operation }).toEqual({ name, type });
  }
  // Each generated document is registered under the id the SDK sends, and nothing else is.
  const documents = Object.values(sdk).filter((value) => value instanceof sdk.TypedDocumentString);
  expect(new Set(manifest.operations.map(({ id }) => id))).toEqual(new Set(documents.map((document) => idOf(document).sha256Hash)));
  // The registered body is the SDK's own operation, in codegen's normalised layout.
  for (const document of documents) {
    const registered = manifest.operations.find(({ id }) => id === idOf(document).sha256Hash);
    expect(registered?.body).toBe(printExecutableGraphQLDocument(parse(document.toString())));
  }
  expect(readManifest().size).toBe(documents.length);
});

it('refuses to start from a manifest whose ids do not hash their bodies', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'cameo-manifest-')), 'tampered.json');
  const manifest = JSON.parse(readFileSync(DEFAULT_MANIFEST_PATH, 'utf8'));
  manifest.operations[0].body = '{ __typename }';
  writeFileSync(path, JSON.stringify(manifest));
  expect(() => readManifest(path)).toThrow(/has no body whose SHA-256 is its id/);
});

it('in safelist mode runs a registered operation sent by id alone, over HTTP and graphql-ws, and no unknown id', async () => {
  const signUp = await post(safeUrl, {
    variables: { input: { handle: 'by_id', displayName: 'By id', password: 'password123' } },
    extensions: { persistedQuery: idOf(SignUpDocument) },
  });
  expect(signUp.errors).toBeUndefined();
  expect((signUp.data as { signUp: { user: { handle: string } } }).signUp.user.handle).toBe('by_id');
  expect((await post(safeUrl, { extensions: { persistedQuery: idOf(MeDocument) } })).data).toEqual({ me: null });
  expect(await overWs(safeUrl, { query: '', extensions: { persistedQuery: idOf(MeDocument) } })).toEqual({ data: { me: null } });

  const unknown = await post(safeUrl, { extensions: { persistedQuery: unknownId } });
  expect(codes(unknown as never)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  expect(codes((await overWs(safeUrl, { query: '', extensions: { persistedQuery: unknownId } })) as never)).toEqual([
    'PERSISTED_QUERY_NOT_FOUND',
  ]);
  // Registering it by APQ does not make it allowed.
  expect(codes((await post(safeUrl, { query: '{ me { id handle } }', extensions: { persistedQuery: unknownId } })) as never)).toEqual([
    'OPERATION_NOT_ALLOWED',
  ]);
});

it('the SDK falls back to the text on a gateway built from other operations', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'cameo-manifest-')), 'empty.json');
  writeFileSync(path, JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [] }));
  const other = await startReplicaGateway(stack, { persistedQueryManifest: path });
  try {
    expect(await createCameoClient({ url: other.url }).request(MeDocument)).toEqual({ me: null });
    // The text went with its id, so APQ now knows that id.
    expect((await post(other.url, { extensions: { persistedQuery: idOf(MeDocument) } })).data).toEqual({ me: null });
    // Over graphql-ws too: the answer is the operation's own (signed out), not PERSISTED_QUERY_NOT_FOUND.
    const client = createCameoClient({ url: other.url, webSocketImpl: WebSocket });
    try {
      const refused = await new Promise<sdk.CameoError>((resolve) =>
        client.subscribe(GenerationProgressDocument, { id: '999999' }, { next: () => undefined, error: resolve }),
      );
      expect(refused.code).toBe('UNAUTHENTICATED');
    } finally {
      await client.close();
    }
  } finally {
    await other.gateway.stop();
  }
});
