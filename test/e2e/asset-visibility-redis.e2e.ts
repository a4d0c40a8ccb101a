import { existsSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import { ok, until, requestAs } from '@cameo/test-helpers/graphql';
import { startStack, type TestStack } from '@cameo/test-helpers/stack';
import {
  MULTIPART_ACCEPT,
  SSE_ACCEPT,
  multipartParts,
  openStream,
  payloadErrorCodes,
  sseNextEvents,
} from '@cameo/test-helpers/http-streams';
import { collect, wsClient } from '@cameo/test-helpers/subscriptions';
import { signUp, verifiedCameo, type TestUser, approveCameoFor } from '@cameo/test-helpers/users';

/**
 * Visibility at the moment of seeing where events are involved (Redis: BullMQ, streams,
 * pub/sub): a consent revocation applied by the consumer quarantines the files, and a
 * subscription's events stop carrying a generation its subscriber may no longer see.
 */
let database: TestDatabase;
let stack: TestStack;
let creator: TestUser, friend: TestUser, pal: TestUser, stranger: TestUser;
let friendCameo: string, palCameo: string;
let worker: { stop(): Promise<void> } | undefined;

const gql = requestAs(() => stack.gatewayUrl);
const VIEW = graphql(`
  query AssetVisibilityRedisGeneration($id: ID!) {
    generation(id: $id) {
      id
      status
      hidden
      videoUrl
      provenance {
        manifestUrl
      }
    }
  }
`);
const view = async (user: TestUser | null, id: string) => (await ok(gql(user, VIEW, { id }))).generation;
const fetchAsset = (url: string) => fetch(`${stack.origin}${url}`);
const keyOf = (url: string) => new URL(url, 'http://x').pathname.split('/').pop()!;
const create = async (prompt: string, cameoId: string) =>
  (
    await ok(
      gql(
        creator,
        graphql(`
          mutation AssetVisibilityRedisCreateGeneration($input: CreateGenerationInput!) {
            createGeneration(input: $input) {
              id
            }
          }
        `),
        {
          input: { prompt, seconds: 1, cameoIds: [cameoId] },
        },
      ),
    )
  ).createGeneration.id as string;

beforeAll(async () => {
  database = await createTestDatabase('e2e_asset_visibility_redis');
  // No worker at first: jobs wait in the queue until a test has its subscriber in place.
  stack = await startStack(database.url, { redis: true, worker: false });
  [creator, friend, pal, stranger] = await Promise.all([
    signUp(stack.gatewayUrl, 'creator'),
    signUp(stack.gatewayUrl, 'friend'),
    signUp(stack.gatewayUrl, 'pal'),
    signUp(stack.gatewayUrl, 'stranger'),
  ]);
  friendCameo = await verifiedCameo(stack.gatewayUrl, friend);
  palCameo = await verifiedCameo(stack.gatewayUrl, pal);
  for (const [owner, cameo] of [
    [friend, friendCameo],
    [pal, palCameo],
  ] as const)
    await approveCameoFor(stack.gatewayUrl, owner, cameo, 'creator');
});
afterAll(async () => {
  await worker?.stop();
  await stack?.stop();
  await database?.drop();
});

it('generationProgress ends with NOT_FOUND once its subscriber has a block with the creator', async () => {
  const id = await create('friend and me, queued', friendCameo);
  const client = wsClient(stack.gatewayUrl, friend.token);
  try {
    const run = collect(
      client,
      graphql(`
        subscription AssetVisibilityRedisGenerationProgress($id: ID!) {
          generationProgress(id: $id) {
            status
            generation {
              prompt
              videoUrl
            }
          }
        }
      `),
      {
        id,
      },
    );
    await run.waitFor(1);
    // The cast owner sees their draft's progress, generation included.
    expect(run.results[0]!.data!.generationProgress).toMatchObject({ status: 'QUEUED', generation: { prompt: 'friend and me, queued' } });
    await ok(
      gql(
        friend,
        graphql(`
          mutation AssetVisibilityRedisBlock($id: ID!) {
            block(userId: $id) {
              isBlockedByViewer
            }
          }
        `),
        { id: creator.id },
      ),
    );
    worker = stack.startWorker();
    await run.done.catch(() => {});
    // Nothing more about the render reaches them: one NOT_FOUND, as the query field answers, and the end.
    expect(run.results.slice(1).map((result) => (result.errors ?? []).map((error) => error.extensions?.code))).toEqual([['NOT_FOUND']]);
  } finally {
    await client.dispose();
  }
});

it('generationProgress ends with NOT_FOUND over multipart HTTP and SSE too, once its subscriber has a block with the creator', async () => {
  // Jobs wait again until both subscribers are in place.
  await worker?.stop();
  worker = undefined;
  const buddy = await signUp(stack.gatewayUrl, 'buddy');
  const buddyCameo = await verifiedCameo(stack.gatewayUrl, buddy);
  await ok(gql(buddy, `mutation ($id: ID!) { setCameoPolicy(cameoId: $id, input: { policy: APPROVED }) { id } }`, { id: buddyCameo }));
  await ok(gql(buddy, `mutation ($id: ID!) { grantCameoAccess(cameoId: $id, handle: "creator") { id } }`, { id: buddyCameo }));
  const id = await create('buddy and me, queued', buddyCameo);
  const body = { query: `subscription ($id: ID!) { generationProgress(id: $id) { status generation { prompt } } }`, variables: { id } };
  const multipart = openStream(stack.gatewayUrl, MULTIPART_ACCEPT, body, buddy.token);
  const events = openStream(stack.gatewayUrl, SSE_ACCEPT, body, buddy.token);
  await multipart.until((text) => text.includes('QUEUED'));
  await events.until((text) => text.includes('QUEUED'));
  await ok(gql(buddy, `mutation ($id: ID!) { block(userId: $id) { isBlockedByViewer } }`, { id: creator.id }));
  worker = stack.startWorker();

  const parts = multipartParts(await multipart.ended)
    .map(({ body }) => body.payload as { data?: { generationProgress: { status: string } }; errors?: unknown[] } | undefined)
    .filter((payload) => payload);
  expect(parts[0]!.data!.generationProgress).toMatchObject({ status: 'QUEUED', generation: { prompt: 'buddy and me, queued' } });
  expect(payloadErrorCodes(await multipart.ended)).toEqual(['NOT_FOUND']);
  expect(parts.at(-1)!.errors).toBeDefined();
  const next = sseNextEvents(await events.ended);
  expect(next[0]!.data!.generationProgress).toMatchObject({ status: 'QUEUED' });
  expect(next.slice(1).map((event) => (event.errors ?? []).map((error) => error.extensions?.code))).toEqual([['NOT_FOUND']]);
});

it('a revoked consent, applied from its event, quarantines a published video’s files: refused to a stranger, served to the creator', async () => {
  worker ??= stack.startWorker();
  const id = await create('pal and me, published', palCameo);
  await until('rendered', async () => (await view(creator, id))?.status === 'COMPLETED', 20_000);
  await ok(
    gql(
      creator,
      graphql(`
        mutation AssetVisibilityRedisPublishGeneration($id: ID!) {
          publishGeneration(id: $id, caption: "look") {
            id
          }
        }
      `),
      { id },
    ),
  );
  const strangerUrl = (await view(stranger, id))!.videoUrl;
  expect((await fetchAsset(strangerUrl!)).status).toBe(200);
  const key = keyOf(strangerUrl!);
  const manifestKey = keyOf((await view(creator, id))!.provenance!.manifestUrl);

  await ok(
    gql(
      pal,
      graphql(`
        mutation AssetVisibilityRedisSetCameoPolicy2($id: ID!) {
          setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {
            id
          }
        }
      `),
      { id: palCameo },
    ),
  );
  await until('hidden by the revocation consumer', async () => (await view(creator, id))!.hidden, 20_000);
  await until('files in quarantine', async () =>
    [key, manifestKey].every((file) => existsSync(path.join(stack.assetsDir, 'quarantine', file))),
  );
  for (const file of [key, manifestKey]) expect(existsSync(path.join(stack.assetsDir, file))).toBe(false);
  expect((await fetchAsset(strangerUrl!)).status).toBe(404);
  expect(await view(stranger, id)).toBeNull();
  const own = await view(creator, id);
  const response = await fetchAsset(own!.videoUrl!);
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('private, no-store');
});
