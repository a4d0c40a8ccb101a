import { existsSync } from 'node:fs';
import path from 'node:path';
import { createAssetUrlSigner } from '@cameo/generations/asset-urls';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import { codes, ok, until, requestAs } from '@cameo/test-helpers/graphql';
import { startStack, testSecrets, type TestStack } from '@cameo/test-helpers/stack';
import { collect, wsClient } from '@cameo/test-helpers/subscriptions';
import { signUp, verifiedCameo, type TestUser, approveCameoFor } from '@cameo/test-helpers/users';

const ASSET_VISIBILITY_CREATE_GENERATION2 = graphql(`
  mutation AssetVisibilityCreateGeneration2($input: CreateGenerationInput!) {
    createGeneration(input: $input) {
      id
    }
  }
`);

/**
 * Consent and visibility at the moment a video is seen (no Redis: the `npm start` default):
 * files under random keys, served by viewer-bound signed URLs and the visibility rule at each
 * request; quarantine on hide; publish and remix re-check; generationProgress by visibleTo.
 * test/e2e/asset-visibility-redis.e2e.ts covers what goes through events.
 */
let database: TestDatabase;
let stack: TestStack;
let creator: TestUser, friend: TestUser, pal: TestUser, stranger: TestUser, blocked: TestUser;
let friendCameo: string, palCameo: string;
const signer = createAssetUrlSigner(testSecrets.assetUrlSecret);

const gql = requestAs(() => stack.gatewayUrl);
const VIEW = graphql(`
  query AssetVisibilityGeneration($id: ID!) {
    generation(id: $id) {
      id
      status
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
/** A URL for `key` signed for `viewerId` with the platform's asset key, as the subgraph would sign it. */
const signedFor = (key: string, viewerId: string | null) => signer.sign(key, viewerId);

async function rendered(user: TestUser, prompt: string, cameoIds: string[] = []): Promise<string> {
  const { createGeneration } = await ok(
    gql(user, ASSET_VISIBILITY_CREATE_GENERATION2, {
      input: { prompt, seconds: 1, cameoIds },
    }),
  );
  await until('rendered', async () => (await view(user, createGeneration.id))?.status === 'COMPLETED');
  return createGeneration.id as string;
}
const publish = (user: TestUser, id: string) =>
  gql(
    user,
    graphql(`
      mutation AssetVisibilityPublishGeneration($id: ID!) {
        publishGeneration(id: $id, caption: "look") {
          id
          publishedAt
        }
      }
    `),
    { id },
  );

beforeAll(async () => {
  database = await createTestDatabase('e2e_asset_visibility');
  stack = await startStack(database.url);
  [creator, friend, pal, stranger, blocked] = await Promise.all([
    signUp(stack.gatewayUrl, 'creator'),
    signUp(stack.gatewayUrl, 'friend'),
    signUp(stack.gatewayUrl, 'pal'),
    signUp(stack.gatewayUrl, 'stranger'),
    signUp(stack.gatewayUrl, 'blocked'),
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
  await stack?.stop();
  await database?.drop();
});

describe('a draft', () => {
  let id: string;
  let creatorUrl: string;
  beforeAll(async () => {
    id = await rendered(creator, 'a draft with my friend', [friendCameo]);
    creatorUrl = (await view(creator, id))!.videoUrl!;
  });

  it('is stored under a random key, and the old /assets/<generation id> URL answers 404', async () => {
    expect(creatorUrl).toMatch(/^\/assets\/[0-9a-f]{32}\.gif\?v=[0-9a-f-]{36}&exp=\d+&sig=[\w-]{43}$/);
    expect(creatorUrl).not.toContain(id);
    for (const old of [`/assets/${id}.gif`, `/assets/${id}.manifest.json`, `/assets/${keyOf(creatorUrl)}`]) {
      expect((await fetchAsset(old)).status).toBe(404);
    }
  });

  it('is served to its creator and to the owner of a cameo cast in it, private and not stored', async () => {
    const own = await fetchAsset(creatorUrl);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/gif');
    expect(own.headers.get('cache-control')).toBe('private, no-store');
    expect(
      Buffer.from(await own.arrayBuffer())
        .subarray(0, 6)
        .toString('ascii'),
    ).toBe('GIF89a');
    const cast = await view(friend, id);
    expect((await fetchAsset(cast!.videoUrl!)).status).toBe(200);
    const manifest = await fetchAsset(cast!.provenance!.manifestUrl!);
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('cache-control')).toBe('private, no-store');
  });

  it('is refused to strangers and anonymously, even with a URL validly signed for them', async () => {
    expect(await view(stranger, id)).toBeNull();
    const key = keyOf(creatorUrl);
    for (const viewer of [stranger.id, blocked.id, null]) {
      expect((await fetchAsset(signedFor(key, viewer))).status).toBe(404);
    }
  });

  it('refuses someone else’s URL altered in its signature, viewer or expiry, and an expired one', async () => {
    const url = new URL(creatorUrl, 'http://x');
    const altered = (name: string, value: string) => {
      const copy = new URL(url);
      copy.searchParams.set(name, value);
      return `${copy.pathname}${copy.search}`;
    };
    const sig = url.searchParams.get('sig')!;
    const otherSig = `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    const exp = Number(url.searchParams.get('exp'));
    for (const tampered of [altered('sig', otherSig), altered('v', stranger.id), altered('v', ''), altered('exp', String(exp + 3600))]) {
      const response = await fetchAsset(tampered);
      expect(response.status).toBe(404);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
    }
    // Correctly signed for the creator, but an hour ago: it has expired.
    const expired = signer.sign(keyOf(creatorUrl), creator.id, Math.floor(Date.now() / 1000) - 3600);
    expect((await fetchAsset(expired)).status).toBe(404);
  });

  it('cannot be remixed by the owner of a cameo cast in it (a draft is not shared)', async () => {
    const remix = await gql(friend, ASSET_VISIBILITY_CREATE_GENERATION2, {
      input: { prompt: 'remix', remixOf: id },
    });
    expect(codes(remix)).toEqual(['NOT_FOUND']);
  });
});

describe('a published video', () => {
  let id: string;
  beforeAll(async () => {
    id = await rendered(creator, 'a published video with my friend', [friendCameo]);
    await ok(publish(creator, id));
  });

  it('is served to a stranger and anonymously by their own URLs, cacheable for a short while', async () => {
    for (const viewer of [stranger, null]) {
      const generation = await view(viewer, id);
      const response = await fetchAsset(generation!.videoUrl!);
      expect(response.status).toBe(200);
      const cacheControl = response.headers.get('cache-control')!;
      expect(cacheControl).toMatch(/^public, max-age=\d+$/);
      expect(Number(cacheControl.split('=')[1])).toBeLessThanOrEqual(60);
      expect((await fetchAsset(generation!.provenance!.manifestUrl!)).status).toBe(200);
    }
  });

  it('stops being served to someone the creator blocks, URL already in hand; generationProgress is NOT_FOUND for them', async () => {
    const url = (await view(blocked, id))!.videoUrl;
    expect((await fetchAsset(url!)).status).toBe(200);
    await ok(
      gql(
        creator,
        graphql(`
          mutation AssetVisibilityBlock($id: ID!) {
            block(userId: $id) {
              isBlockedByViewer
            }
          }
        `),
        { id: blocked.id },
      ),
    );
    expect(await view(blocked, id)).toBeNull();
    expect((await fetchAsset(url!)).status).toBe(404);

    const client = wsClient(stack.gatewayUrl, blocked.token);
    try {
      const run = collect(
        client,
        graphql(`
          subscription AssetVisibilityGenerationProgress($id: ID!) {
            generationProgress(id: $id) {
              progress
              generation {
                prompt
                caption
                videoUrl
              }
            }
          }
        `),
        { id },
      );
      await run.done.catch(() => {});
      expect(run.results.flatMap((result) => result.errors ?? []).map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
      expect(run.results.filter((result) => result.data)).toEqual([]);
    } finally {
      await client.dispose();
    }
  });

  it('once its cameo’s owner removes it: refused to a stranger, files in quarantine, still served to its creator', async () => {
    const strangerUrl = (await view(stranger, id))!.videoUrl;
    const key = keyOf(strangerUrl!);
    const manifestKey = keyOf((await view(creator, id))!.provenance!.manifestUrl);
    expect(existsSync(path.join(stack.assetsDir, key))).toBe(true);

    await ok(
      gql(
        friend,
        graphql(`
          mutation AssetVisibilityRemoveCameoAppearance($g: ID!, $c: ID!) {
            removeCameoAppearance(generationId: $g, cameoId: $c) {
              hidden
            }
          }
        `),
        {
          g: id,
          c: friendCameo,
        },
      ),
    );
    expect((await fetchAsset(strangerUrl!)).status).toBe(404);
    // The cast owner who removed it does not get the file back either: hidden is the creator's only.
    expect((await fetchAsset(signedFor(key, friend.id))).status).toBe(404);
    for (const file of [key, manifestKey]) {
      expect(existsSync(path.join(stack.assetsDir, file))).toBe(false);
      expect(existsSync(path.join(stack.assetsDir, 'quarantine', file))).toBe(true);
    }
    const own = await view(creator, id);
    const response = await fetchAsset(own!.videoUrl!);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect((await fetchAsset(own!.provenance!.manifestUrl!)).status).toBe(200);
  });

  it('once hidden, cannot be remixed, not even by its creator', async () => {
    const remix = await gql(
      creator,
      graphql(`
        mutation AssetVisibilityCreateGeneration($input: CreateGenerationInput!) {
          createGeneration(input: $input) {
            id
          }
        }
      `),
      {
        input: { prompt: 'remix', remixOf: id },
      },
    );
    expect(codes(remix)).toEqual(['NOT_FOUND']);
  });
});

it('refuses to publish right after a cast cameo’s consent is revoked, naming the cameo, and publishes nothing', async () => {
  const id = await rendered(creator, 'pal and me', [palCameo]);
  await ok(
    gql(
      pal,
      graphql(`
        mutation AssetVisibilitySetCameoPolicy($id: ID!) {
          setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {
            id
          }
        }
      `),
      { id: palCameo },
    ),
  );
  const refused = await publish(creator, id);
  expect(codes(refused)).toEqual(['CAMEO_CONSENT_REQUIRED']);
  expect(refused.errors![0]!.extensions!.refused).toEqual([{ cameoId: palCameo, reason: expect.any(String) }]);
  expect(
    (
      await ok(
        gql(
          creator,
          graphql(`
            query AssetVisibilityGeneration2($id: ID!) {
              generation(id: $id) {
                publishedAt
              }
            }
          `),
          { id },
        ),
      )
    ).generation!.publishedAt,
  ).toBeNull();
  expect(await view(stranger, id)).toBeNull();
});
