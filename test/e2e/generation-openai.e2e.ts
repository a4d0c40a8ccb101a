import { createOpenAiAdapter } from '@cameo/generations/rendering/openai-adapter';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import { until, requestAs } from '@cameo/test-helpers/graphql';
import { startOpenAiContractServer } from '@cameo/test-helpers/openai-contract-server';
import { startStack, type TestStack } from '@cameo/test-helpers/stack';
import { signUp, verifiedCameo, type TestUser } from '@cameo/test-helpers/users';

/** The same job flow as generation.e2e.ts, rendered by the OpenAI-contract adapter against a local contract server. */
let database: TestDatabase;
let stack: TestStack;
let contract: Awaited<ReturnType<typeof startOpenAiContractServer>>;
let creator: TestUser, friend: TestUser;
let friendCameo: string;

const gql = requestAs(() => stack.gatewayUrl);

async function finished(id: string) {
  return until('the generation to finish', async () => {
    const { data } = await gql(
      creator,
      graphql(`
        query GenerationOpenaiGeneration($id: ID!) {
          generation(id: $id) {
            status
            progress
            errorReason
            videoUrl
            model
            provenance {
              cameoOwners {
                handle
              }
              model
            }
          }
        }
      `),
      { id },
    );
    return !['QUEUED', 'IN_PROGRESS'].includes(data!.generation!.status) && data!.generation;
  });
}

beforeAll(async () => {
  contract = await startOpenAiContractServer('sk-test');
  database = await createTestDatabase('e2e_generation_openai');
  stack = await startStack(database.url, { adapter: createOpenAiAdapter({ baseUrl: contract.url, apiKey: 'sk-test', pollIntervalMs: 5 }) });
  [creator, friend] = await Promise.all([signUp(stack.gatewayUrl, 'creator'), signUp(stack.gatewayUrl, 'friend')]);
  friendCameo = await verifiedCameo(stack.gatewayUrl, friend);
  await gql(
    friend,
    graphql(`
      mutation GenerationOpenaiSetCameoPolicy($id: ID!) {
        setCameoPolicy(cameoId: $id, input: { policy: EVERYONE, restrictionTags: [NO_POLITICAL_CONTENT] }) {
          id
        }
      }
    `),
    { id: friendCameo },
  );
});
afterAll(async () => {
  await stack?.stop();
  await database?.drop();
  await contract?.stop();
});

it('renders through the Videos API contract and serves the MP4 with provenance', async () => {
  const created = await gql(
    creator,
    graphql(`
      mutation GenerationOpenaiCreateGeneration($input: CreateGenerationInput!) {
        createGeneration(input: $input) {
          id
        }
      }
    `),
    {
      input: { prompt: 'my friend on a rooftop at night', cameoIds: [friendCameo], seconds: 6, aspect: 'LANDSCAPE' },
    },
  );
  expect(created.errors).toBeUndefined();
  const generation = await finished(created.data!.createGeneration.id);
  expect(generation).toMatchObject({
    status: 'COMPLETED',
    progress: 100,
    model: 'sora-2',
    provenance: { cameoOwners: [{ handle: 'friend' }], model: 'sora-2' },
  });
  expect(contract.requests).toEqual([
    {
      model: 'sora-2',
      prompt: 'my friend on a rooftop at night\n\nRespect these restrictions from the people shown: no political content.',
      seconds: '8',
      size: '1280x720',
    },
  ]);
  const video = await fetch(`${stack.origin}${generation!.videoUrl}`);
  expect(video.headers.get('content-type')).toBe('video/mp4');
  expect(
    Buffer.from(await video.arrayBuffer())
      .subarray(4, 8)
      .toString('ascii'),
  ).toBe('ftyp');
});

it('a render the model fails ends FAILED with a reason and no file', async () => {
  const created = await gql(
    creator,
    graphql(`
      mutation GenerationOpenaiCreateGeneration2 {
        createGeneration(input: { prompt: "please FAIL", seconds: 4 }) {
          id
        }
      }
    `),
  );
  const generation = await finished(created.data!.createGeneration.id);
  expect(generation).toMatchObject({ status: 'FAILED', errorReason: 'The video model failed to render this video.', videoUrl: null });
});
