import { createHash } from 'node:crypto';
import { createDb, type GenerationsDb } from '@cameo/generations/db';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import type { CreateGenerationInput } from '@cameo/test-helpers/generated/graphql';
import { codes, ok, request, until, type ResultOf, requestAs } from '@cameo/test-helpers/graphql';
import { startStack, type TestStack } from '@cameo/test-helpers/stack';
import { signUp, verifiedCameo, type TestUser, approveCameoFor } from '@cameo/test-helpers/users';

const GENERATION3 = graphql(`
  query Generation3($id: ID!) {
    generation(id: $id) {
      id
    }
  }
`);
const GENERATION_REMOVE_CAMEO_APPEARANCE = graphql(`
  mutation GenerationRemoveCameoAppearance($g: ID!, $c: ID!) {
    removeCameoAppearance(generationId: $g, cameoId: $c) {
      hidden
    }
  }
`);
const GENERATION_CANCEL_GENERATION = graphql(`
  mutation GenerationCancelGeneration($id: ID!) {
    cancelGeneration(id: $id) {
      status
    }
  }
`);

/**
 * Generations end to end with no Redis: the in-process queue and worker (the `npm start`
 * default). test/e2e/generation-redis.e2e.ts runs the BullMQ path.
 */
let database: TestDatabase;
let stack: TestStack;
let db: GenerationsDb;
let creator: TestUser, friend: TestUser, stranger: TestUser;
let friendCameo: string;

const gql = requestAs(() => stack.gatewayUrl);

const CREATE = graphql(`
  mutation GenerationCreateGeneration($input: CreateGenerationInput!) {
    createGeneration(input: $input) {
      id
      status
    }
  }
`);

async function waitForStatus(gatewayUrl: string, user: TestUser, id: string, done: (status: string) => boolean) {
  return until(`generation ${id} to finish`, async () => {
    const { data } = await request(
      gatewayUrl,
      graphql(`
        query Generation($id: ID!) {
          generation(id: $id) {
            status
            progress
          }
        }
      `),
      { token: user.token, variables: { id } },
    );
    if (data?.generation && done(data.generation.status)) return data.generation;
    return undefined;
  });
}

beforeAll(async () => {
  database = await createTestDatabase('e2e_generation');
  stack = await startStack(database.url, { settings: { freeDailyQuota: 3 } });
  db = createDb(database.url, 2);
  [creator, friend, stranger] = await Promise.all([
    signUp(stack.gatewayUrl, 'creator'),
    signUp(stack.gatewayUrl, 'friend'),
    signUp(stack.gatewayUrl, 'stranger'),
  ]);
  friendCameo = await verifiedCameo(stack.gatewayUrl, friend);
  await approveCameoFor(stack.gatewayUrl, friend, friendCameo, 'creator');
});
afterAll(async () => {
  await db?.$disconnect();
  await stack?.stop();
  await database?.drop();
});

describe('a generation with a friend’s cameo', () => {
  let generationId: string;

  it('is created, rendered and served with provenance naming creator and cameo owner', async () => {
    const created = await gql(creator, CREATE, {
      input: {
        prompt: 'my friend surfing a giant wave at dawn',
        cameoIds: [friendCameo],
        seconds: 2,
        aspect: 'SQUARE',
        idempotencyKey: 'first',
      },
    });
    expect(created.errors).toBeUndefined();
    generationId = created.data!.createGeneration.id;
    expect(created.data!.createGeneration.status).toMatch(/QUEUED|IN_PROGRESS/);

    const finished = await waitForStatus(stack.gatewayUrl, creator, generationId, (status) => !['QUEUED', 'IN_PROGRESS'].includes(status));
    expect(finished).toEqual({ status: 'COMPLETED', progress: 100 });

    const { data } = await gql(
      creator,
      graphql(`
        query Generation2($id: ID!) {
          generation(id: $id) {
            videoUrl
            watermark
            creator {
              handle
            }
            cameos {
              id
              owner {
                handle
              }
            }
            provenance {
              creator {
                handle
              }
              cameoOwners {
                handle
                displayName
              }
              model
              promptSha256
              manifestUrl
            }
          }
        }
      `),
      { id: generationId },
    );
    const generation = data!.generation;
    expect(generation!.creator).toEqual({ handle: 'creator' });
    expect(generation!.cameos).toEqual([{ id: friendCameo, owner: { handle: 'friend' } }]);
    expect(generation!.provenance).toMatchObject({
      creator: { handle: 'creator' },
      cameoOwners: [{ handle: 'friend', displayName: 'friend' }],
      model: 'cameo-local-gif-1',
      promptSha256: createHash('sha256').update('my friend surfing a giant wave at dawn').digest('hex'),
    });

    const video = await fetch(`${stack.origin}${generation!.videoUrl}`);
    expect(video.status).toBe(200);
    expect(video.headers.get('content-type')).toBe('image/gif');
    const bytes = Buffer.from(await video.arrayBuffer());
    expect(bytes.subarray(0, 6).toString('ascii')).toBe('GIF89a');
    expect(bytes.length).toBeGreaterThan(1000);

    const manifest = (await (await fetch(`${stack.origin}${generation!.provenance!.manifestUrl!}`)).json()) as {
      claim: { assertions: { label: string; data: unknown }[] };
    };
    const assertion = (label: string) => manifest.claim.assertions.find((a) => a.label === label)?.data;
    expect(assertion('cameo.creator')).toEqual({ userId: creator.id });
    expect(assertion('cameo.cast')).toEqual([{ cameoId: friendCameo, ownerId: friend.id, policyVersion: 3 }]);
    expect(assertion('c2pa.hash.data')).toEqual({ alg: 'sha256', hash: createHash('sha256').update(bytes).digest('hex') });
    expect(assertion('cameo.watermark')).toEqual({ label: generation!.watermark });
  });

  it('shows up in the cameo owner’s appearances, not to a stranger, and is published', async () => {
    const APPEARANCES = graphql(`
      query GenerationCameo($id: ID!) {
        cameo(id: $id) {
          appearances(first: 10) {
            edges {
              node {
                id
                prompt
              }
            }
            pageInfo {
              hasNextPage
            }
          }
        }
      }
    `);
    const owner = await gql(friend, APPEARANCES, { id: friendCameo });
    expect(owner.data!.cameo!.appearances.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([generationId]);
    expect((await gql(stranger, GENERATION3, { id: generationId })).data).toEqual({
      generation: null,
    });

    const published = await gql(
      creator,
      graphql(`
        mutation GenerationPublishGeneration($id: ID!) {
          publishGeneration(id: $id, caption: "dawn patrol") {
            publishedAt
            caption
          }
        }
      `),
      {
        id: generationId,
      },
    );
    expect(published.data!.publishGeneration.caption).toBe('dawn patrol');
    expect((await gql(stranger, GENERATION3, { id: generationId })).data).toEqual({
      generation: { id: generationId },
    });
    const events = await db.outboxEvent.findMany({ orderBy: { id: 'asc' } });
    expect(events.map((event) => event.topic)).toEqual(['generation.completed', 'generation.published']);
  });

  it('removeCameoAppearance by the cameo’s owner hides it everywhere', async () => {
    const removed = await gql(friend, GENERATION_REMOVE_CAMEO_APPEARANCE, {
      g: generationId,
      c: friendCameo,
    });
    expect(removed.data).toEqual({ removeCameoAppearance: { hidden: true } });
    expect((await gql(stranger, GENERATION3, { id: generationId })).data).toEqual({
      generation: null,
    });
    const byCreator = await gql(stranger, GENERATION_REMOVE_CAMEO_APPEARANCE, {
      g: generationId,
      c: friendCameo,
    });
    expect(codes(byCreator)).toEqual(['FORBIDDEN']);
  });
});

describe('refusals', () => {
  it('without consent: CAMEO_CONSENT_REQUIRED and nothing queued', async () => {
    const before = await db.generation.count();
    const response = await gql(stranger, CREATE, { input: { prompt: 'uses a cameo without asking', cameoIds: [friendCameo] } });
    expect(codes(response)).toEqual(['CAMEO_CONSENT_REQUIRED']);
    expect(response.errors![0]!.extensions!.refused).toEqual([{ cameoId: friendCameo, reason: 'NOT_APPROVED' }]);
    expect(await db.generation.count()).toBe(before);
  });

  it('bad input: stable codes, nothing stored', async () => {
    const before = await db.generation.count();
    const cases: [CreateGenerationInput, string][] = [
      [{ prompt: '   ' }, 'BAD_USER_INPUT'],
      [{ prompt: 'x'.repeat(2001) }, 'BAD_USER_INPUT'],
      [{ prompt: 'ok', seconds: 0 }, 'BAD_USER_INPUT'],
      [{ prompt: 'ok', seconds: 21 }, 'BAD_USER_INPUT'],
      [{ prompt: 'ok', cameoIds: ['nope'] }, 'BAD_USER_INPUT'],
      [
        { prompt: 'ok', cameoIds: [friendCameo, '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'] },
        'TOO_MANY_CAMEOS',
      ],
      [{ prompt: 'ok', remixOf: '00000000-0000-4000-8000-000000000001' }, 'NOT_FOUND'],
    ];
    for (const [input, code] of cases) expect(codes(await gql(creator, CREATE, { input }))).toEqual([code]);
    expect(codes(await gql(null, CREATE, { input: { prompt: 'anonymous' } }))).toEqual(['UNAUTHENTICATED']);
    expect(await db.generation.count()).toBe(before);
  });

  it('over quota: QUOTA_EXCEEDED (free plan limited to 3 a day here)', async () => {
    const results = [];
    for (let i = 0; i < 3; i++) results.push(codes(await gql(stranger, CREATE, { input: { prompt: `clip ${i}`, seconds: 1 } })));
    expect(results).toEqual([[], [], []]);
    const over = await gql(stranger, CREATE, { input: { prompt: 'one too many', seconds: 1 } });
    expect(codes(over)).toEqual(['QUOTA_EXCEEDED']);
    expect(over.errors![0]!.extensions!.limit).toBe(3);
    expect(await db.generation.count({ where: { creatorId: stranger.id } })).toBe(3);
  });

  it('50 concurrent creates with one idempotency key make one generation and one job', async () => {
    const input = { prompt: 'same request, many taps', seconds: 1, idempotencyKey: 'tap-tap-tap' };
    const responses = await Promise.all(Array.from({ length: 50 }, () => gql(friend, CREATE, { input })));
    expect(responses.flatMap((response) => codes(response))).toEqual([]);
    const ids = new Set(responses.map((response) => response.data!.createGeneration.id));
    expect(ids.size).toBe(1);
    expect(await db.generation.count({ where: { creatorId: friend.id, idempotencyKey: 'tap-tap-tap' } })).toBe(1);
    const [id] = [...ids];
    const finished = await waitForStatus(stack.gatewayUrl, friend, id!, (status) => status === 'COMPLETED');
    expect(finished.status).toBe('COMPLETED');
    expect((await db.generation.findUniqueOrThrow({ where: { id: id! } })).attempts).toBe(1);
  });
});

describe('managing generations', () => {
  it('cancels a running generation, then retries it to completion', async () => {
    const created = await gql(creator, CREATE, { input: { prompt: 'a long, slow sunset', seconds: 20 } });
    const id = created.data!.createGeneration.id;
    const cancelled = await gql(creator, GENERATION_CANCEL_GENERATION, { id });
    expect(cancelled.data).toEqual({ cancelGeneration: { status: 'CANCELLED' } });
    expect(codes(await gql(creator, GENERATION_CANCEL_GENERATION, { id }))).toEqual(['INVALID_GENERATION_STATE']);
    expect(
      codes(
        await gql(
          stranger,
          graphql(`
            mutation GenerationRetryGeneration($id: ID!) {
              retryGeneration(id: $id) {
                status
              }
            }
          `),
          { id },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    const row = await db.generation.findUniqueOrThrow({ where: { id } });
    expect(row.assetKey).toBeNull();

    const retried = await gql(
      creator,
      graphql(`
        mutation GenerationRetryGeneration2($id: ID!) {
          retryGeneration(id: $id) {
            status
            progress
          }
        }
      `),
      { id },
    );
    // Queued again from 0; the in-process worker may already have picked it up.
    expect(['QUEUED', 'IN_PROGRESS']).toContain(retried.data!.retryGeneration.status);
    expect(retried.errors).toBeUndefined();
    expect((await waitForStatus(stack.gatewayUrl, creator, id, (status) => status === 'COMPLETED')).progress).toBe(100);
  });

  it('pages through myGenerations newest first with no repeats', async () => {
    const PAGE = graphql(`
      query GenerationMyGenerations($after: String) {
        myGenerations(first: 1, after: $after) {
          edges {
            node {
              id
              createdAt
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    `);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { data }: { data?: ResultOf<typeof PAGE> | null } = await gql(creator, PAGE, { after });
      seen.push(...data!.myGenerations.edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!data!.myGenerations.pageInfo.hasNextPage) break;
      after = data!.myGenerations.pageInfo.endCursor;
    }
    const rows = await db.generation.findMany({ where: { creatorId: creator.id }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    expect(seen).toEqual(rows.map((row) => row.id));
    expect(codes(await gql(creator, PAGE, { after: 'not-a-cursor' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('answers the whole Relay PageInfo: startCursor and endCursor name the edges, hasPreviousPage once paged', async () => {
    const PAGE = graphql(`
      query GenerationMyGenerations2($after: String) {
        myGenerations(first: 1, after: $after) {
          edges {
            cursor
            node {
              id
            }
          }
          pageInfo {
            hasNextPage
            hasPreviousPage
            startCursor
            endCursor
          }
        }
      }
    `);
    expect(await db.generation.count({ where: { creatorId: creator.id } })).toBeGreaterThanOrEqual(2);
    const first = (await ok(gql(creator, PAGE, { after: null }))).myGenerations;
    expect(first.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.edges[0]!.cursor,
      endCursor: first.edges[0]!.cursor,
    });
    const second = (await ok(gql(creator, PAGE, { after: first.pageInfo.endCursor }))).myGenerations;
    expect(second.edges[0]!.node.id!).not.toBe(first.edges[0]!.node.id!);
    expect(second.pageInfo).toMatchObject({
      hasPreviousPage: true,
      startCursor: second.edges[0]!.cursor,
      endCursor: second.edges[0]!.cursor,
    });
  });

  it('signs generation cursors for one viewer and one list: a borrowed or moved one is BAD_USER_INPUT', async () => {
    const PAGE = graphql(`
      query GenerationMyGenerations3($after: String, $status: GenerationStatus) {
        myGenerations(first: 1, after: $after, status: $status) {
          pageInfo {
            endCursor
          }
        }
      }
    `);
    const cursor = (await ok(gql(creator, PAGE, { after: null }))).myGenerations.pageInfo.endCursor as string;
    expect(codes(await gql(stranger, PAGE, { after: cursor }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(creator, PAGE, { after: cursor, status: 'COMPLETED' }))).toEqual(['BAD_USER_INPUT']);
    const USER_PAGE = graphql(`
      query GenerationUser($id: ID!, $after: String) {
        user(id: $id) {
          generations(first: 1, after: $after) {
            edges {
              node {
                id
              }
            }
          }
        }
      }
    `);
    expect(codes(await gql(creator, USER_PAGE, { id: creator.id, after: cursor }))).toEqual(['BAD_USER_INPUT']);
    expect((await gql(creator, PAGE, { after: cursor })).errors).toBeUndefined();
  });
});
