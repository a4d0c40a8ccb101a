import { randomUUID } from 'node:crypto';
import { createDb, type FeedDb } from '@cameo/feed/db';
import { applyFeedEvent } from '@cameo/feed/projection';
import { rebuildFeed } from '@cameo/feed/rebuild';
import { createEventTransport } from '@cameo/kernel/event-transport';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import type { FeedKind } from '@cameo/test-helpers/generated/graphql';
import { codes, ok, request, until, requestAs } from '@cameo/test-helpers/graphql';
import { TEST_REDIS_URL, startStack, type TestStack } from '@cameo/test-helpers/stack';
import { publishedVideo, signUp, verifiedCameo, type TestUser } from '@cameo/test-helpers/users';

const FEED_FOLLOW = graphql(`
  mutation FeedFollow($id: ID!) {
    follow(userId: $id) {
      id
    }
  }
`);
const FEED2 = graphql(`
  query Feed2($after: String) {
    feed(kind: FOR_YOU, after: $after) {
      edges {
        cursor
      }
    }
  }
`);

/** The feed through the gateway, built from real domain events on Redis. */
let database: TestDatabase;
let stack: TestStack;
let feedDb: FeedDb;
const statements: string[] = [];
let ada: TestUser, bob: TestUser, cy: TestUser, dee: TestUser, teen: TestUser;
let bobCameo: string;
let withCameo: string, deeVideo: string, newest: string;

const gql = requestAs(() => stack.gatewayUrl);

const FEED = graphql(`
  query Feed($kind: FeedKind!, $first: Int, $after: String) {
    feed(kind: $kind, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          caption
          creator {
            handle
          }
          cameos {
            owner {
              handle
            }
          }
          video {
            videoUrl
            likeCount
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
const ids = async (user: TestUser, kind: FeedKind, first = 50, after?: string | null) => {
  const { feed } = await ok(
    gql(
      user,
      graphql(`
        query FeedFeed2($kind: FeedKind!, $first: Int, $after: String) {
          feed(kind: $kind, first: $first, after: $after) {
            edges {
              node {
                id
              }
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
        }
      `),
      { kind, first, after },
    ),
  );
  return { ids: feed.edges.map((edge: { node: { id: string } }) => edge.node.id) as string[], pageInfo: feed.pageInfo };
};

beforeAll(async () => {
  database = await createTestDatabase('e2e_feed');
  stack = await startStack(database.url, { redis: true, teenDailyCap: 2, feedDb: { onQuery: (sql) => statements.push(sql) } });
  feedDb = createDb(database.url, 2);
  const fifteen = new Date(Date.now() - 15 * 365.25 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  [ada, bob, cy, dee, teen] = await Promise.all([
    signUp(stack.gatewayUrl, 'ada'),
    signUp(stack.gatewayUrl, 'bob'),
    signUp(stack.gatewayUrl, 'cyd'),
    signUp(stack.gatewayUrl, 'dee'),
    signUp(stack.gatewayUrl, 'teen', { birthDate: fifteen }),
  ]);
  bobCameo = await verifiedCameo(stack.gatewayUrl, bob);
  await ok(
    gql(
      bob,
      graphql(`
        mutation FeedSetCameoPolicy($id: ID!) {
          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {
            id
          }
        }
      `),
      { id: bobCameo },
    ),
  );
  await ok(gql(cy, FEED_FOLLOW, { id: ada.id }));
  withCameo = await publishedVideo(stack.gatewayUrl, ada, 'ada and bob on a boat', { caption: 'boat day', cameoIds: [bobCameo] });
  deeVideo = await publishedVideo(stack.gatewayUrl, dee, 'a cat playing piano', { caption: 'piano cat' });
  newest = await publishedVideo(stack.gatewayUrl, ada, 'sunset over the sea', { caption: 'sunset' });
  await ok(
    gql(
      cy,
      graphql(`
        mutation FeedLikeGeneration($id: ID!) {
          likeGeneration(id: $id) {
            id
          }
        }
      `),
      { id: deeVideo },
    ),
  );
  await until('posts in the feed', async () => (await ids(cy, 'FOR_YOU')).ids.length === 3);
  await until('follows in the feed', async () => (await ids(cy, 'FOLLOWING')).ids.length === 2);
});
afterAll(async () => {
  await feedDb?.$disconnect();
  await stack?.stop();
  await database?.drop();
});

describe('a page through the gateway', () => {
  it('resolves creator, cast, video and like counts from their subgraphs', async () => {
    const { feed } = await ok(gql(cy, FEED, { kind: 'FOR_YOU', first: 10 }));
    const byId = new Map(feed.edges.map((edge: { node: { id: string } }) => [edge.node.id, edge.node]));
    expect(byId.get(withCameo)).toEqual({
      id: withCameo,
      caption: 'boat day',
      creator: { handle: 'ada' },
      cameos: [{ owner: { handle: 'bob' } }],
      // A URL signed for the viewer, under a random key (not the post's id).
      video: { videoUrl: expect.stringMatching(/^\/assets\/[0-9a-f]{32}\.gif\?v=[0-9a-f-]{36}&exp=\d+&sig=[\w-]{43}$/), likeCount: 0 },
    });
    expect(byId.get(deeVideo)).toMatchObject({ creator: { handle: 'dee' }, video: { likeCount: 1 } });
    const following = await ok(gql(cy, FEED, { kind: 'FOLLOWING', first: 10 }));
    expect(following.feed.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([newest, withCameo]);
  });

  it('costs the feed the same number of statements for 10 or 50 posts', async () => {
    const count = async (kind: FeedKind, first: number) => {
      statements.length = 0;
      await ok(gql(cy, FEED, { kind, first }));
      return statements.length;
    };
    expect(await count('FOR_YOU', 10)).toBe(await count('FOR_YOU', 50));
    expect(await count('FOLLOWING', 10)).toBe(await count('FOLLOWING', 50));
  });

  it('serves a first For You page from its candidate set: the set read after the reuse check and the viewer’s signals, then the pin with the page', async () => {
    await forceFullRanking(cy);
    statements.length = 0;
    await ok(gql(cy, FEED, { kind: 'FOR_YOU', first: 10 }));
    expect(statements).toHaveLength(4);
    expect(statements.filter(isGather)).toHaveLength(1);
    expect(statements.filter((sql) => sql.includes('INSERT INTO "feed"."snapshot"'))).toHaveLength(1);
  });
});

/** Statements that tell a full ranking (the candidate pool's read) from a reused one (the head's read). */
const isGather = (sql: string) => sql.includes('LEFT JOIN LATERAL');
const isHeadRead = (sql: string) => sql.includes('AS followed') && !isGather(sql);
/** Makes the viewer's last ranking too old to reuse: their next first page is ranked in full. */
const forceFullRanking = (user: TestUser) =>
  feedDb.$executeRaw`UPDATE "feed"."snapshot" SET ranked_at = ranked_at - interval '1 hour' WHERE user_id = ${user.id}::uuid`;
const servedBy = async (user: TestUser) => {
  statements.length = 0;
  const page = await ids(user, 'FOR_YOU');
  return { ids: page.ids, gathered: statements.some(isGather), reused: statements.some(isHeadRead) };
};

describe('steering, feedback and explanations', () => {
  it('explains a ranking, reads preferences in plain words and drops what you asked to see less of', async () => {
    const { explainRanking } = await ok(
      gql(
        cy,
        graphql(`
          query FeedExplainRanking($id: ID!) {
            explainRanking(postId: $id) {
              shown
              reasons {
                factor
                detail
              }
            }
          }
        `),
        { id: newest },
      ),
    );
    expect(explainRanking!.shown).toBe(true);
    expect(explainRanking!.reasons.map((reason: { factor: string }) => reason.factor)).toEqual(
      expect.arrayContaining(['engagement', 'age', 'following', 'freshness']),
    );

    const { setFeedPreferences } = await ok(
      gql(
        cy,
        graphql(`
          mutation FeedSetFeedPreferences {
            setFeedPreferences(text: "more cats, less boats") {
              more
              less
            }
          }
        `),
      ),
    );
    expect(setFeedPreferences).toEqual({ more: ['cats'], less: ['boats'] });
    const steered = await ok(
      gql(
        cy,
        graphql(`
          query FeedExplainRanking2($id: ID!) {
            explainRanking(postId: $id) {
              reasons {
                factor
                detail
              }
            }
          }
        `),
        { id: withCameo },
      ),
    );
    expect(steered.explainRanking!.reasons).toContainEqual({ factor: 'less', detail: 'you asked for less: boats' });
    expect((await ids(cy, 'FOR_YOU')).ids[0]).toBe(deeVideo);

    expect(
      (
        await ok(
          gql(
            bob,
            graphql(`
              mutation FeedSeeLessLikeThis($id: ID!) {
                seeLessLikeThis(postId: $id)
              }
            `),
            { id: deeVideo },
          ),
        )
      ).seeLessLikeThis,
    ).toBe(true);
    expect((await ids(bob, 'FOR_YOU')).ids.sort()).toEqual([withCameo, newest].sort());
  });

  it('caps a teen’s feed per day', async () => {
    await ok(gql(teen, FEED_FOLLOW, { id: ada.id }));
    const first = await ids(teen, 'FOR_YOU', 5);
    expect(first.ids).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(false);
    expect((await ids(teen, 'FOR_YOU', 5)).ids).toEqual([]);
    expect((await ids(teen, 'FOLLOWING', 5)).ids).toEqual([]);
  });
});

describe('filters on the next page', () => {
  it('a block removes the creator at once, from a fresh page and from a pinned one', async () => {
    const page1 = await ids(dee, 'FOR_YOU', 1);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    await ok(
      gql(
        dee,
        graphql(`
          mutation FeedBlock($id: ID!) {
            block(userId: $id) {
              id
            }
          }
        `),
        { id: ada.id },
      ),
    );
    const rest = await ids(dee, 'FOR_YOU', 50, page1.pageInfo.endCursor);
    expect([...page1.ids.slice(1), ...rest.ids].filter((id) => id === withCameo || id === newest)).toEqual([]);
    expect((await ids(dee, 'FOR_YOU')).ids).toEqual([deeVideo]);
    await ok(
      gql(
        dee,
        graphql(`
          mutation FeedUnblock($id: ID!) {
            unblock(userId: $id) {
              id
            }
          }
        `),
        { id: ada.id },
      ),
    );
  });

  it('a revoked cameo takes its videos out of every feed by the next page', async () => {
    const page1 = await ids(cy, 'FOLLOWING', 1);
    expect(page1.ids).toEqual([newest]);
    await ok(
      gql(
        bob,
        graphql(`
          mutation FeedSetCameoPolicy2($id: ID!) {
            setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {
              id
            }
          }
        `),
        { id: bobCameo },
      ),
    );
    // users -> generations (hides the video) -> feed, through the event streams.
    await until('hidden in the feed', async () => (await feedDb.post.findUniqueOrThrow({ where: { id: withCameo } })).hiddenAt !== null);
    expect((await ids(cy, 'FOLLOWING', 10, page1.pageInfo.endCursor)).ids).toEqual([]);
    expect((await ids(cy, 'FOR_YOU')).ids).not.toContain(withCameo);
    expect((await ids(dee, 'FOR_YOU')).ids).not.toContain(withCameo);
  });
});

describe('cursors', () => {
  it('answers CURSOR_EXPIRED for a cursor whose pinned ranking is gone (swept, or lost with an unlogged table in a crash)', async () => {
    const { pageInfo } = await ids(cy, 'FOR_YOU', 1);
    expect(codes(await gql(cy, FEED2, { after: pageInfo.endCursor }))).toEqual([]);
    await feedDb.$executeRaw`DELETE FROM "feed"."snapshot" WHERE user_id = ${cy.id}::uuid`;
    expect(codes(await gql(cy, FEED2, { after: pageInfo.endCursor }))).toEqual(['CURSOR_EXPIRED']);
  });

  it('refuses a tampered or foreign cursor', async () => {
    const page = await ids(cy, 'FOR_YOU', 1);
    const cursor = page.pageInfo.endCursor as string;
    const [body, mac] = cursor.split('.');
    const forged = `${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), o: 0 })).toString('base64url')}.${mac}`;
    expect(codes(await gql(cy, FEED2, { after: forged }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(dee, FEED2, { after: cursor }))).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(
        await gql(
          cy,
          graphql(`
            query Feed3 {
              feed(kind: FOR_YOU, first: 51) {
                edges {
                  cursor
                }
              }
            }
          `),
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(
        await request(
          stack.gatewayUrl,
          graphql(`
            query Feed4 {
              feed(kind: FOLLOWING) {
                edges {
                  cursor
                }
              }
            }
          `),
        ),
      ),
    ).toEqual(['UNAUTHENTICATED']);
  });
});

describe('stable paging at size', () => {
  it('pages through 200 posts while likes change underneath: no duplicate, no gap', async () => {
    const creators = Array.from({ length: 40 }, () => randomUUID());
    const seeded = Array.from({ length: 200 }, (_, i) => ({ id: randomUUID(), creatorId: creators[i % 40]! }));
    for (const [i, post] of seeded.entries()) {
      await applyFeedEvent(feedDb, {
        id: `seed:${post.id}`,
        topic: 'generation.published',
        at: new Date().toISOString(),
        payload: {
          generationId: post.id,
          creatorId: post.creatorId,
          caption: `post ${i}`,
          prompt: '',
          cameoIds: [],
          cameoOwnerIds: [],
          remixOfId: null,
          publishedAt: new Date(Date.now() - i * 60_000).toISOString(),
        },
      });
    }
    const expected = new Set((await ids(cy, 'FOR_YOU', 1)).ids.length ? [...seeded.map((post) => post.id), deeVideo, newest] : []);
    const seen: string[] = [];
    let after: string | null | undefined;
    let round = 0;
    do {
      const page = await ids(cy, 'FOR_YOU', 7, after);
      seen.push(...page.ids);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
      // Likes pour in between pages, reordering what a fresh ranking would say.
      await Promise.all(
        seeded.slice(round * 10, round * 10 + 10).map((post, i) =>
          applyFeedEvent(feedDb, {
            id: `like:${round}:${i}`,
            topic: 'social.liked',
            at: new Date().toISOString(),
            payload: { userId: randomUUID(), generationId: post.id, creatorId: post.creatorId },
          }),
        ),
      );
      round++;
    } while (after);
    expect(seen.length).toBe(new Set(seen).size);
    expect(new Set(seen)).toEqual(expected);
  });
});

describe('freshness', () => {
  it('a followee’s new post is in the next first page, and not in the pages pinned before it', async () => {
    const before = await ids(cy, 'FOR_YOU', 1);
    const fresh = await publishedVideo(stack.gatewayUrl, ada, 'a fresh take', { caption: 'fresh' });
    await until('the new post in a first page', async () => (await ids(cy, 'FOR_YOU')).ids.includes(fresh));
    const pinned = [...before.ids];
    for (let after = before.pageInfo.endCursor; after;) {
      const page = await ids(cy, 'FOR_YOU', 50, after);
      pinned.push(...page.ids);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    }
    expect(pinned.length).toBeGreaterThan(1);
    expect(pinned).not.toContain(fresh);
  });
});

describe('rebuild', () => {
  it('replays the event streams into an identical read model, Following timelines and For You candidate sets included', async () => {
    const snapshot = async () =>
      (await feedDb.post.findMany({ where: { id: { in: [withCameo, deeVideo, newest] } }, orderBy: { id: 'asc' } })).map(
        // projectedAt is when a row arrived, which a replay moves.
        ({ hiddenAt, hot, projectedAt, ...post }) => ({ ...post, hidden: hiddenAt !== null }),
      );
    const timelines = async () =>
      (await feedDb.timelineEntry.findMany({ orderBy: [{ userId: 'asc' }, { publishedAt: 'desc' }, { postId: 'desc' }] })).map(
        ({ userId, postId }) => ({ userId, postId }),
      );
    const before = await snapshot();
    const follows = await feedDb.followEdge.count();
    const built = await timelines();
    expect(built).toContainEqual({ userId: cy.id, postId: newest });
    const candidates = () =>
      feedDb.candidate.findMany({
        where: { viewerId: cy.id },
        select: { kind: true, sourceId: true, postId: true },
        orderBy: [{ kind: 'asc' }, { postId: 'asc' }],
      });
    await ids(cy, 'FOR_YOU', 1);
    const cySet = await candidates();
    expect(cySet.length).toBeGreaterThan(0);
    const transport = createEventTransport({
      kind: 'redis',
      subgraph: 'feed',
      db: feedDb,
      redisUrl: TEST_REDIS_URL,
      namespace: stack.queuePrefix,
      onError: () => {},
    });
    const applied = await rebuildFeed(feedDb, transport);
    await transport.close();
    expect(applied).toBeGreaterThan(5);
    expect(await snapshot()).toEqual(before);
    expect(await feedDb.followEdge.count()).toBe(follows);
    // Emptied, then written again by the follows' replay (posts come first, so each follow copies them in).
    expect(await timelines()).toEqual(built);
    // Candidate sets are emptied; the next first page gathers the same one again.
    expect(await feedDb.candidateSet.count()).toBe(0);
    await ids(cy, 'FOR_YOU', 1);
    expect(await candidates()).toEqual(cySet);
  });
});

describe('a first page from the last ranking', () => {
  let eve: TestUser;
  beforeAll(async () => {
    eve = await signUp(stack.gatewayUrl, 'eve');
    await ok(gql(eve, FEED_FOLLOW, { id: ada.id }));
    // The follow's event drops eve's candidate set: applied before any ranking here is reused.
    await until(
      'the follow in the feed',
      async () => (await feedDb.followEdge.count({ where: { followerId: eve.id, followeeId: ada.id } })) === 1,
    );
    await until('eve’s feed', async () => (await ids(eve, 'FOR_YOU')).ids.length >= 3);
  });

  it('re-ranks the last ranking within two minutes without the gather, and gives what a full ranking gives', async () => {
    await forceFullRanking(eve);
    const full = await servedBy(eve);
    expect(full).toMatchObject({ gathered: true, reused: false });
    const reused = await servedBy(eve);
    expect(reused).toMatchObject({ gathered: false, reused: true });
    // Every post here is in the re-ranked head, so the order is the full ranking's.
    expect(reused.ids).toEqual(full.ids);
  });

  it('takes in at once a post published since: a followee’s, or one trending from someone not followed', async () => {
    await servedBy(eve);
    const followee = await publishedVideo(stack.gatewayUrl, ada, 'ada again', { caption: 'again' });
    const stranger = await publishedVideo(stack.gatewayUrl, dee, 'dee again', { caption: 'dee' });
    await until('both new posts in a first page', async () => {
      const page = await servedBy(eve);
      return page.ids.includes(followee) && page.ids.includes(stranger) && page.reused;
    });
  });

  it('ranks in full after the viewer’s own engagement, feedback or steering words, and after a follow', async () => {
    await servedBy(eve);
    expect((await servedBy(eve)).reused).toBe(true);
    await ok(
      gql(
        eve,
        graphql(`
          mutation FeedReuseLike($id: ID!) {
            likeGeneration(id: $id) {
              id
            }
          }
        `),
        { id: newest },
      ),
    );
    await until('the like in the feed', async () => (await feedDb.engaged.count({ where: { userId: eve.id, postId: newest } })) === 1);
    expect(await servedBy(eve)).toMatchObject({ gathered: true, reused: false });
    expect((await servedBy(eve)).reused).toBe(true);

    await ok(
      gql(
        eve,
        graphql(`
          mutation FeedReuseSeeLess($id: ID!) {
            seeLessLikeThis(postId: $id)
          }
        `),
        { id: deeVideo },
      ),
    );
    const afterFeedback = await servedBy(eve);
    expect(afterFeedback).toMatchObject({ gathered: true, reused: false });
    expect(afterFeedback.ids).not.toContain(deeVideo);
    expect((await servedBy(eve)).reused).toBe(true);

    await ok(
      gql(
        eve,
        graphql(`
          mutation FeedReuseSteer {
            setFeedPreferences(text: "more sunsets") {
              more
            }
          }
        `),
      ),
    );
    expect(await servedBy(eve)).toMatchObject({ gathered: true, reused: false });
    expect((await servedBy(eve)).reused).toBe(true);

    await ok(gql(eve, FEED_FOLLOW, { id: dee.id }));
    await until(
      'the follow drops eve’s candidate set',
      async () => (await feedDb.candidateSet.count({ where: { viewerId: eve.id } })) === 0,
    );
    expect(await servedBy(eve)).toMatchObject({ gathered: true, reused: false });
  });
});
