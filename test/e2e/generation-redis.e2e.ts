import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createPubSub, type PubSub } from '@cameo/kernel/pubsub';
import { createDb, type GenerationsDb } from '@cameo/generations/db';
import { generationTopic, type ProgressEvent } from '@cameo/generations/events';
import { createLocalAdapter } from '@cameo/generations/rendering/local-adapter';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import type { CreateGenerationInput } from '@cameo/test-helpers/generated/graphql';
import { until, requestAs } from '@cameo/test-helpers/graphql';
import { TEST_REDIS_URL, startStack, type TestStack } from '@cameo/test-helpers/stack';
import { signUp, verifiedCameo, type TestUser, approveCameoFor } from '@cameo/test-helpers/users';

/** Generations through Redis: BullMQ, live progress over pub/sub, revocation events. */
let database: TestDatabase;
let stack: TestStack;
let db: GenerationsDb;
let pubsub: PubSub;
let creator: TestUser, friend: TestUser;
let friendCameo: string;

const gql = requestAs(() => stack.gatewayUrl);
const create = async (input: CreateGenerationInput) => {
  const response = await gql(
    creator,
    graphql(`
      mutation GenerationRedisCreateGeneration($input: CreateGenerationInput!) {
        createGeneration(input: $input) {
          id
        }
      }
    `),
    { input },
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.createGeneration.id as string;
};
const row = (id: string) => db.generation.findUniqueOrThrow({ where: { id } });
// Files are stored under random keys (kept in the row), never the generation id; a hidden
// video's move to quarantine/ (a revoke hides the earlier video casting the same cameo) keeps them.
const storedFiles = () => {
  const quarantine = path.join(stack.assetsDir, 'quarantine');
  const live = readdirSync(stack.assetsDir).filter((file) => file !== 'quarantine');
  return [...live, ...(existsSync(quarantine) ? readdirSync(quarantine) : [])].sort();
};

beforeAll(async () => {
  database = await createTestDatabase('e2e_generation_redis');
  // The worker renders slowly enough to revoke consent while it renders.
  stack = await startStack(database.url, { redis: true, adapter: createLocalAdapter({ msPerFrame: 15 }) });
  db = createDb(database.url, 2);
  pubsub = createPubSub(TEST_REDIS_URL, { prefix: 'cameo:' });
  [creator, friend] = await Promise.all([signUp(stack.gatewayUrl, 'creator'), signUp(stack.gatewayUrl, 'friend')]);
  friendCameo = await verifiedCameo(stack.gatewayUrl, friend);
  await approveCameoFor(stack.gatewayUrl, friend, friendCameo, 'creator');
});
afterAll(async () => {
  await pubsub?.close();
  await db?.$disconnect();
  await stack?.stop();
  await database?.drop();
});

describe('through BullMQ and Redis', () => {
  it('publishes live progress in order up to 100, then completes with one asset', async () => {
    const id = await create({ prompt: 'a slow pan over a neon city', seconds: 2, cameoIds: [friendCameo] });
    // Progress events go to every subscriber; this one listens from outside the stack's process objects.
    const stream = pubsub.subscribe(generationTopic(id));
    await stream.ready;
    const events: ProgressEvent[] = [];
    for (;;) {
      const { value } = await stream.next();
      events.push(value as ProgressEvent);
      if ((value as ProgressEvent).status !== 'IN_PROGRESS') break;
    }
    await stream.return();
    const progress = events.filter((event) => event.status === 'IN_PROGRESS').map((event) => event.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ status: 'COMPLETED', progress: 100, creatorId: creator.id });
    const done = await row(id);
    expect(done.assetKey).toMatch(/^[0-9a-f]{32}\.gif$/);
    expect(storedFiles()).toEqual([done.assetKey, done.manifestKey].sort());
    // The queue's depth is a Prometheus metric of the generations subgraph.
    const metrics = await (await fetch(stack.subgraphUrls.generations.replace(/\/graphql$/, '/metrics'))).text();
    expect(metrics).toMatch(/cameo_generations_queue_jobs\{state="completed"\} [1-9]/);
    expect(metrics).toContain('cameo_generations_queue_jobs{state="waiting"}');
  });

  it('a revoke during rendering blocks the job and publishes no asset', async () => {
    const before = storedFiles();
    const id = await create({ prompt: 'a long take with my friend', seconds: 8, cameoIds: [friendCameo] });
    await until('rendering', async () => (await row(id)).progress >= 10, 15_000);
    const revoke = await gql(
      friend,
      graphql(`
        mutation GenerationRedisRevokeCameoAccess($id: ID!, $u: ID!) {
          revokeCameoAccess(cameoId: $id, userId: $u) {
            id
          }
        }
      `),
      {
        id: friendCameo,
        u: creator.id,
      },
    );
    expect(revoke.errors).toBeUndefined();
    const blocked = await until(
      'blocked',
      async () => {
        const current = await row(id);
        return current.status !== 'IN_PROGRESS' && current.status !== 'QUEUED' && current;
      },
      15_000,
    );
    expect(blocked).toMatchObject({ status: 'BLOCKED', assetKey: null });
    expect(blocked.progress).toBeLessThan(100);
    expect(storedFiles()).toEqual(before);
    // Restore the grant for the next test.
    await gql(
      friend,
      graphql(`
        mutation GenerationRedisGrantCameoAccess($id: ID!) {
          grantCameoAccess(cameoId: $id, handle: "creator") {
            id
          }
        }
      `),
      { id: friendCameo },
    );
  });
});
