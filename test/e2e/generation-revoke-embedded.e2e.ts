import { createDb, type GenerationsDb } from '@cameo/generations/db';
import { createLocalAdapter } from '@cameo/generations/rendering/local-adapter';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import { ok, request, until, type Operation } from '@cameo/test-helpers/graphql';
import { startStack, type TestStack } from '@cameo/test-helpers/stack';
import { signUp, verifiedCameo, type TestUser } from '@cameo/test-helpers/users';

/**
 * The embedded default's shape (no Redis: jobs render in-process, events travel on PostgreSQL):
 * a revoke while a video renders reaches the job through the users subgraph's event, and the
 * render stops at its next progress report instead of finishing.
 */
let database: TestDatabase;
let stack: TestStack;
let db: GenerationsDb;
let creator: TestUser, friend: TestUser;

beforeAll(async () => {
  database = await createTestDatabase('e2e_generation_revoke_embedded');
  // Slow enough to revoke mid-render; the reconciler is out of the way so the event alone acts.
  stack = await startStack(database.url, { adapter: createLocalAdapter({ msPerFrame: 40 }), reconciler: { intervalMs: 3_600_000 } });
  db = createDb(database.url, 2);
  [creator, friend] = await Promise.all([signUp(stack.gatewayUrl, 'creator'), signUp(stack.gatewayUrl, 'friend')]);
});
afterAll(async () => {
  await db?.$disconnect();
  await stack?.stop();
  await database?.drop();
});

it('a revoke during rendering blocks the job without Redis, and no file is kept', async () => {
  const as = <Data = Record<string, any>, Variables = Record<string, unknown>>(
    user: TestUser,
    query: Operation<Data, Variables>,
    variables: Variables,
  ) => ok(request(stack.gatewayUrl, query, { token: user.token, variables }));
  const cameoId = await verifiedCameo(stack.gatewayUrl, friend);
  await as(
    friend,
    graphql(`
      mutation GenerationRevokeEmbeddedSetCameoPolicy($id: ID!) {
        setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {
          id
        }
      }
    `),
    { id: cameoId },
  );
  const { createGeneration } = await as(
    creator,
    graphql(`
      mutation GenerationRevokeEmbeddedCreateGeneration($input: CreateGenerationInput!) {
        createGeneration(input: $input) {
          id
        }
      }
    `),
    {
      input: { prompt: 'a long take with my friend', seconds: 8, cameoIds: [cameoId] },
    },
  );
  const id = createGeneration.id as string;
  await until('rendering', async () => (await db.generation.findUniqueOrThrow({ where: { id } })).progress >= 5, 30_000);
  await as(
    friend,
    graphql(`
      mutation GenerationRevokeEmbeddedSetCameoPolicy2($id: ID!) {
        setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {
          id
        }
      }
    `),
    { id: cameoId },
  );
  const final = await until(
    'the job to end',
    async () => {
      const row = await db.generation.findUniqueOrThrow({ where: { id } });
      return row.status !== 'QUEUED' && row.status !== 'IN_PROGRESS' && row;
    },
    30_000,
  );
  // The revocation handler's reason (the worker's own last gate before storing names the refusal).
  expect(final).toMatchObject({ status: 'BLOCKED', assetKey: null, errorReason: 'Consent to use a cameo was withdrawn.' });
  expect(final.progress).toBeLessThan(100);
});
