import { ok, request, until } from '@cameo/test-helpers/graphql';
import type { TestStack } from '@cameo/test-helpers/stack';
import { publishedVideo, type TestUser } from '@cameo/test-helpers/users';
import type { EntityCache } from '../src/entity-cache/entity-cache';
import { incoming, sendToSubgraph, startCacheHarness, type CacheHarness, type SentRequest } from './entity-cache-harness';

// Raw GraphQL text on purpose: these are `_entities` fetches and mutations as the gateway sends
// them to the social subgraph, not operations of the public schema.

/**
 * The entity cache's per-viewer answers, in front of a real social subgraph with its events on
 * a real Redis: a video's counts are one answer for everyone, whether the viewer liked it is
 * each viewer's own, and neither outlives the like that changes it.
 */
let harness: CacheHarness;
let stack: TestStack;
let cache: EntityCache;
let ada: TestUser, bob: TestUser, cy: TestUser;
let video: { __typename: 'Generation'; id: string };

const FACTS = `query Feed__social__3($representations:[_Any!]!){_entities(representations:$representations){...on Generation{likeCount commentCount viewerHasLiked}}}`;
const LIKE = `mutation($id:ID!){likeGeneration(id:$id){id}}`;

/** Who each request that reached social was for. */
let sentFor: (string | null)[] = [];

async function send(sent: SentRequest) {
  sentFor.push(sent.context.viewerId ?? null);
  return sendToSubgraph(stack.subgraphUrls.social!, 'social', sent);
}
const facts = async (viewer: TestUser | null) =>
  (await cache.process('social', incoming(FACTS, { representations: [video] }, viewer?.id ?? null), send as never)).data?._entities;

beforeAll(async () => {
  harness = await startCacheHarness('gateway_entity_cache_viewer');
  ({ stack, cache } = harness);
  [ada, bob, cy] = harness.people;
  video = { __typename: 'Generation', id: await publishedVideo(stack.gatewayUrl, ada, 'a dog on a skateboard') };
});
beforeEach(() => {
  sentFor = [];
});
afterAll(async () => {
  await harness?.stop();
});

describe('answers of the viewer’s own', () => {
  it('are kept per viewer: each viewer’s first request goes to social, their next is answered from memory', async () => {
    const none = [{ likeCount: 0, commentCount: 0, viewerHasLiked: false }];
    expect(await facts(bob)).toEqual(none);
    expect(await facts(cy)).toEqual(none);
    expect(await facts(null)).toEqual(none);
    expect(await facts(bob)).toEqual(none);
    expect(await facts(cy)).toEqual(none);
    expect(sentFor).toEqual([bob.id, cy.id, null]);
  });

  it('show the viewer their own like at once, and everyone else the new count once social says so, never the like as theirs', async () => {
    await facts(bob);
    await facts(cy);
    await cache.process('social', incoming(LIKE, { id: video.id }, bob.id), send as never);
    expect(await facts(bob)).toEqual([{ likeCount: 1, commentCount: 0, viewerHasLiked: true }]);
    await until('cy sees the new count', async () => (await facts(cy))[0].likeCount === 1);
    expect(await facts(cy)).toEqual([{ likeCount: 1, commentCount: 0, viewerHasLiked: false }]);
    expect(await facts(bob)).toEqual([{ likeCount: 1, commentCount: 0, viewerHasLiked: true }]);
  });

  it('skip the cache for a viewer who just sent social a mutation, whose change to a shared count has no event yet', async () => {
    await facts(bob);
    await facts(cy);
    sentFor = [];
    // A mutation for bob that changes nothing: no event will come.
    await cache.process('social', incoming(LIKE, { id: video.id }, bob.id), (async () => ({ data: {} })) as never);
    await facts(bob);
    await facts(bob);
    await facts(cy);
    expect(sentFor).toEqual([bob.id, bob.id]);
  });

  it('follow a like sent through the gateway, which this cache did not see go', async () => {
    expect((await facts(cy))[0]).toMatchObject({ viewerHasLiked: false });
    await ok(request(stack.gatewayUrl, LIKE, { token: cy.token, variables: { id: video.id } }));
    await until('the like heard', async () => (await facts(cy))[0].viewerHasLiked === true);
    expect(await facts(cy)).toEqual([{ likeCount: 2, commentCount: 0, viewerHasLiked: true }]);
    expect(await facts(bob)).toEqual([{ likeCount: 2, commentCount: 0, viewerHasLiked: true }]);
    expect(await facts(ada)).toEqual([{ likeCount: 2, commentCount: 0, viewerHasLiked: false }]);
  });
});
