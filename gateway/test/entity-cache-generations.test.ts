import { ok, request, until } from '@cameo/test-helpers/graphql';
import type { TestStack } from '@cameo/test-helpers/stack';
import { approveCameoFor, publish, publishedVideo, renderedVideo, verifiedCameo, type TestUser } from '@cameo/test-helpers/users';
import type { EntityCache } from '../src/entity-cache/entity-cache';
import { incoming, sendToSubgraph, startCacheHarness, type CacheHarness, type SentRequest } from './entity-cache-harness';

// Raw GraphQL text on purpose: these are `_entities` fetches as the gateway sends them to the
// generations subgraph, not operations of the public schema.

/**
 * The entity cache's answers from generations, in front of a real generations subgraph with its
 * events (and social's) on a real Redis. Generations answers a video only to whom may see it, so
 * every answer is the viewer's own: never another's draft, never across a block, and none
 * outlives the publication or block that changes it.
 */
let harness: CacheHarness;
let stack: TestStack;
let cache: EntityCache;
let ada: TestUser, bob: TestUser, cy: TestUser;
let video: string;

const VIDEO = `query Feed__generations__2($representations:[_Any!]!){_entities(representations:$representations){...on Generation{videoUrl caption publishedAt}}}`;
const HIDDEN = `query Feed__generations__5($representations:[_Any!]!){_entities(representations:$representations){...on Generation{hidden}}}`;
const ONLY_ID = `query Feed__generations__4($representations:[_Any!]!){_entities(representations:$representations){...on Generation{id}}}`;

/** Who each request that reached generations was for. */
let sentFor: (string | null)[] = [];

async function send(sent: SentRequest) {
  sentFor.push(sent.context.viewerId ?? null);
  return sendToSubgraph(stack.subgraphUrls.generations!, 'generations', sent);
}
type Answer = { videoUrl: string | null; caption: string | null; publishedAt: string | null } | null;
const answer = async (id: string, viewer: TestUser | null, query = VIDEO): Promise<Answer> => {
  const response = await cache.process(
    'generations',
    incoming(query, { representations: [{ __typename: 'Generation', id }] }, viewer?.id ?? null),
    send as never,
  );
  return (response.data?._entities as Answer[])[0]!;
};
/**
 * The viewer's answer once it comes from memory. The video's own events (completed, published,
 * each delivered at least once) may still be arriving when a test starts, and each drops it.
 */
async function fromMemory(id: string, viewer: TestUser): Promise<Answer> {
  let remembered: Answer = null;
  await until(`${viewer.handle}'s answer from memory`, async () => {
    await answer(id, viewer);
    sentFor = [];
    remembered = await answer(id, viewer);
    return sentFor.length === 0;
  });
  sentFor = [];
  return remembered;
}
const signedFor = (url: string | null | undefined) => (url ? new URL(url, 'http://gateway').searchParams.get('v') : undefined);

beforeAll(async () => {
  harness = await startCacheHarness('gateway_entity_cache_generations');
  ({ stack, cache } = harness);
  [ada, bob, cy] = harness.people;
  video = await publishedVideo(stack.gatewayUrl, ada, 'a dog on a skateboard', { caption: 'skate' });
});
beforeEach(() => {
  sentFor = [];
});
afterAll(async () => {
  await harness?.stop();
});

describe('answers from generations', () => {
  it('are kept per viewer, each with a file URL signed for that viewer', async () => {
    const bobs = await fromMemory(video, bob);
    const cys = await fromMemory(video, cy);
    expect(signedFor(bobs?.videoUrl)).toBe(bob.id);
    expect(signedFor(cys?.videoUrl)).toBe(cy.id);
    expect(bobs).toMatchObject({ caption: 'skate' });
    expect(cys).toEqual({ ...bobs, videoUrl: cys?.videoUrl });
  });

  it('never give a draft its creator sees to anyone else, even when only its id is asked', async () => {
    const draft = await renderedVideo(stack.gatewayUrl, ada, 'a cat in a hat');
    for (const query of [VIDEO, ONLY_ID]) {
      expect(await answer(draft, ada, query)).not.toBeNull();
      expect(await answer(draft, ada, query)).not.toBeNull();
      expect(await answer(draft, bob, query)).toBeNull();
      expect(await answer(draft, null, query)).toBeNull();
    }
    // Bob and the anonymous viewer were asked for each time: nothing of ada's was kept for them.
    expect(sentFor.filter((viewer) => viewer !== ada.id)).toEqual([bob.id, null, bob.id, null]);
  });

  it('follow a publication made through the gateway, which this cache did not see go', async () => {
    const draft = await renderedVideo(stack.gatewayUrl, ada, 'a horse on a bike');
    expect(await answer(draft, ada)).toMatchObject({ caption: null, publishedAt: null });
    await publish(stack.gatewayUrl, ada, draft, 'riding');
    await until('the publication heard', async () => (await answer(draft, ada))?.publishedAt != null);
    expect(await answer(draft, ada)).toMatchObject({ caption: 'riding' });
    expect(await answer(draft, bob)).toMatchObject({ caption: 'riding' });
  });

  it('are dropped when the video is taken down (a cast cameo’s owner removes it through the gateway)', async () => {
    const cameo = await verifiedCameo(stack.gatewayUrl, cy);
    await approveCameoFor(stack.gatewayUrl, cy, cameo, ada.handle);
    const starring = await publishedVideo(stack.gatewayUrl, ada, 'cy on a unicycle', { cameoIds: [cameo] });
    expect(signedFor((await fromMemory(starring, bob))?.videoUrl)).toBe(bob.id);
    expect(await answer(starring, ada, HIDDEN)).toEqual({ hidden: false });
    await ok(
      request(stack.gatewayUrl, `mutation ($g: ID!, $c: ID!) { removeCameoAppearance(generationId: $g, cameoId: $c) { id } }`, {
        token: cy.token,
        variables: { g: starring, c: cameo },
      }),
    );
    await until('the take-down heard', async () => (await answer(starring, bob)) === null);
    // Its creator still sees it, marked hidden: the event dropped every viewer's answer.
    expect(await answer(starring, ada, HIDDEN)).toEqual({ hidden: true });
  });

  it('are dropped for both people when one blocks the other, and not kept again until generations has heard of it', async () => {
    expect(await fromMemory(video, bob)).not.toBeNull();
    await ok(
      request(stack.gatewayUrl, `mutation ($id: ID!) { block(userId: $id) { id } }`, { token: ada.token, variables: { id: bob.id } }),
    );
    await until('the block heard', async () => (await answer(video, bob)) === null);
    // In the window after the block every request of bob's is sent, whatever it answered.
    sentFor = [];
    await answer(video, bob);
    await answer(video, bob);
    expect(sentFor).toEqual([bob.id, bob.id]);
    // Cy still sees it.
    expect(signedFor((await answer(video, cy))?.videoUrl)).toBe(cy.id);
  });
});
