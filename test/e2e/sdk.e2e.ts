import WebSocket from 'ws';
import {
  CameoError,
  CameoOfUserDocument,
  CreateGenerationDocument,
  FeedDocument,
  GenerationProgressDocument,
  GrantCameoAccessDocument,
  MeDocument,
  PublishGenerationDocument,
  SetCameoPolicyDocument,
  SignUpDocument,
  StartCameoVerificationDocument,
  CameoVerificationDocument,
  uploadRecording,
  createCameoClient,
  type CameoClient,
  type GenerationProgressSubscription,
} from '@cameo/sdk';
import { readFileSync } from 'node:fs';
import { until } from '@cameo/test-helpers/graphql';
import { makeRecording } from '@cameo/test-helpers/recordings';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { startStack, type TestStack } from '@cameo/test-helpers/stack';

/** The whole flow with the generated SDK only: no query string is written here. */
let database: TestDatabase;
let stack: TestStack;
const clients: CameoClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase('e2e_sdk');
  stack = await startStack(database.url, { redis: true });
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await stack?.stop();
  await database?.drop();
});

async function signedUp(handle: string): Promise<CameoClient> {
  const client = createCameoClient({ url: stack.gatewayUrl, webSocketImpl: WebSocket });
  clients.push(client);
  const { signUp } = await client.request(SignUpDocument, {
    input: { handle, displayName: handle.toUpperCase(), password: 'password123' },
  });
  client.setToken(signUp.token);
  return client;
}

it('signs up, verifies a cameo, generates with a friend’s cameo, watches progress, publishes, and the friend sees it', async () => {
  const [creator, friend] = await Promise.all([signedUp('creator'), signedUp('friend')]);
  expect((await friend.request(MeDocument)).me?.handle).toBe('friend');

  const { startCameoVerification: started } = await friend.request(StartCameoVerificationDocument, { input: { kind: 'PERSON' } });
  // The recording goes to the signed upload URL (tus); verification runs by itself.
  const sent: number[] = [];
  await uploadRecording({
    url: new URL(started.uploadUrl!, stack.gatewayUrl).href,
    file: readFileSync(makeRecording({ phrase: null })),
    contentType: 'video/mp4',
    chunkBytes: 8 * 1024,
    onProgress: (bytes) => sent.push(bytes),
  });
  expect(sent.length).toBeGreaterThan(1);
  await until('verified', async () => (await friend.request(CameoVerificationDocument, { id: started.id })).cameo?.status === 'VERIFIED');
  await friend.request(SetCameoPolicyDocument, { cameoId: started.id, input: { policy: 'APPROVED' } });
  await friend.request(GrantCameoAccessDocument, { cameoId: started.id, handle: 'creator' });

  const { userByHandle } = await creator.request(CameoOfUserDocument, { handle: 'friend' });
  expect(userByHandle?.cameo?.id).toBe(started.id);
  const { createGeneration } = await creator.request(CreateGenerationDocument, {
    input: { prompt: 'two friends surfing at dawn', seconds: 2, cameoIds: [userByHandle!.cameo!.id] },
  });

  const steps = await new Promise<GenerationProgressSubscription['generationProgress'][]>((resolve, reject) => {
    const seen: GenerationProgressSubscription['generationProgress'][] = [];
    creator.subscribe(
      GenerationProgressDocument,
      { id: createGeneration.id },
      {
        next: (data) => seen.push(data.generationProgress),
        error: reject,
        complete: () => resolve(seen),
      },
    );
  });
  expect(steps.at(-1)).toMatchObject({
    status: 'COMPLETED',
    progress: 100,
    generation: { videoUrl: expect.stringMatching(/^\/assets\/[0-9a-f]{32}\.gif\?v=[0-9a-f-]{36}&exp=\d+&sig=[\w-]{43}$/) },
  });
  const progress = steps.map((step) => step.progress);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));

  await creator.request(PublishGenerationDocument, { id: createGeneration.id, caption: 'surf’s up' });
  const post = await until('the post in the friend’s feed', async () => {
    const { feed } = await friend.request(FeedDocument, { kind: 'FOR_YOU', first: 10 });
    return feed.edges.find((edge) => edge.node.id === createGeneration.id)?.node;
  });
  expect(post).toMatchObject({ caption: 'surf’s up', creator: { handle: 'creator' }, cameos: [{ owner: { handle: 'friend' } }] });
});

it('reports refusals as CameoError with the stable code', async () => {
  const stranger = await signedUp('stranger');
  const { userByHandle } = await stranger.request(CameoOfUserDocument, { handle: 'friend' });
  expect(userByHandle?.cameo).toBeNull();
  const error = await stranger.request(CreateGenerationDocument, { input: { prompt: '', seconds: 2 } }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(CameoError);
  expect((error as CameoError).code).toBe('BAD_USER_INPUT');
});
