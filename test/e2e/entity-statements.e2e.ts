import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import { ok, requestAs, until } from '@cameo/test-helpers/graphql';
import { eventsSettled } from '@cameo/test-helpers/events-settled';
import { TEST_REDIS_URL, startStack, type TestStack } from '@cameo/test-helpers/stack';
import { approveCameoFor, publishedVideo, signUp, verifiedCameo, type TestUser } from '@cameo/test-helpers/users';

/**
 * What one Feed page costs each subgraph in SQL: the page's creators, cast owners, counts and
 * files are resolved in one statement per entity type, however many posts the page holds. The
 * gateway runs without its entity cache, so every creator and owner is asked of users.
 */
type Subgraph = 'users' | 'generations' | 'social' | 'feed';
let database: TestDatabase;
let stack: TestStack;
let recording = false;
const statements: { subgraph: Subgraph; sql: string }[] = [];
let viewer: TestUser;
const creators: TestUser[] = [];

/** What the subgraphs' pollers send meanwhile (outboxes, the verification queue): not the page's. */
const BACKGROUND = /"?outbox"? WHERE published_at IS NULL|cameo_verification_job|dead_letter_event/;

const gql = requestAs(() => stack.gatewayUrl);

const FOLLOW = graphql(`
  mutation EntityStatementsFollow($id: ID!) {
    follow(userId: $id) {
      id
    }
  }
`);
const LIKE = graphql(`
  mutation EntityStatementsLike($id: ID!) {
    likeGeneration(id: $id) {
      id
    }
  }
`);
// The SDK's Feed query (clients/operations/feed.graphql), as `npm run bench` sends it.
const FEED = graphql(`
  query EntityStatementsFeed($kind: FeedKind!, $first: Int) {
    feed(kind: $kind, first: $first) {
      edges {
        cursor
        node {
          id
          caption
          publishedAt
          creator {
            handle
            displayName
          }
          cameos {
            owner {
              handle
            }
          }
          video {
            videoUrl
            likeCount
            commentCount
            viewerHasLiked
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

beforeAll(async () => {
  database = await createTestDatabase('e2e_entity_statements');
  stack = await startStack(database.url, {
    redis: true,
    entityCache: false,
    onStatement: (subgraph, sql) => {
      if (recording && !BACKGROUND.test(sql)) statements.push({ subgraph, sql });
    },
  });
  viewer = await signUp(stack.gatewayUrl, 'viewer');
  for (const handle of ['cara', 'dan', 'eve']) creators.push(await signUp(stack.gatewayUrl, handle));
  // Each creator casts the next one's cameo: a page with three cameo owners.
  const cameos = await Promise.all(creators.map((creator) => verifiedCameo(stack.gatewayUrl, creator)));
  for (const [i, owner] of creators.entries())
    await approveCameoFor(stack.gatewayUrl, owner, cameos[i]!, creators[(i + creators.length - 1) % creators.length]!.handle);
  const videos: string[] = [];
  for (const [i, creator] of creators.entries()) {
    await ok(gql(viewer, FOLLOW, { id: creator.id }));
    videos.push(await publishedVideo(stack.gatewayUrl, creator, `a clip by ${creator.handle}`, { cameoIds: [cameos[(i + 1) % 3]!] }));
    videos.push(await publishedVideo(stack.gatewayUrl, creator, `another clip by ${creator.handle}`));
  }
  await ok(gql(viewer, LIKE, { id: videos[0]! }));
  await until('the page in the feed, with its like', async () => {
    const { feed } = await ok(gql(viewer, FEED, { kind: 'FOLLOWING', first: 10 }));
    return feed.edges.length === 6 && feed.edges.some((edge) => edge.node.video.likeCount === 1);
  });
  // The like shows through social at once; its event may still be on its way to the feed's
  // projection, whose statements would be counted as a page's.
  await until('every event applied', () => eventsSettled(database.url, TEST_REDIS_URL, stack.queuePrefix));
});
afterAll(async () => {
  await stack?.stop();
  await database?.drop();
});

/** The statements each subgraph's API sends while one Feed page is served. */
async function statementsOfOnePage(kind: 'FOLLOWING' | 'FOR_YOU', first: number) {
  statements.length = 0;
  recording = true;
  const { feed } = await ok(gql(viewer, FEED, { kind, first }));
  recording = false;
  const count = (subgraph: Subgraph) => statements.filter((statement) => statement.subgraph === subgraph).length;
  return {
    posts: feed.edges.length,
    users: count('users'),
    generations: count('generations'),
    social: count('social'),
    feed: count('feed'),
  };
}

describe('one Feed page', () => {
  it('shows every creator, cast member, count and like of the page', async () => {
    const { feed } = await ok(gql(viewer, FEED, { kind: 'FOLLOWING', first: 10 }));
    expect(feed.edges).toHaveLength(6);
    expect(feed.edges.flatMap((edge) => edge.node.cameos.map((cameo) => cameo.owner.handle)).sort()).toEqual(['cara', 'dan', 'eve']);
    expect(new Set(feed.edges.map((edge) => edge.node.creator.handle))).toEqual(new Set(['cara', 'dan', 'eve']));
    expect(feed.edges.filter((edge) => edge.node.video.viewerHasLiked)).toHaveLength(1);
    expect(feed.edges.every((edge) => edge.node.video.videoUrl)).toBe(true);
  });

  it.each(['FOLLOWING', 'FOR_YOU'] as const)('%s costs each subgraph the same statements for 2 posts or 6', async (kind) => {
    // A viewer's first For You page also gathers their candidate set; count the pages after it.
    await ok(gql(viewer, FEED, { kind, first: 2 }));
    const small = await statementsOfOnePage(kind, 2);
    const large = await statementsOfOnePage(kind, 10);
    expect([small.posts, large.posts]).toEqual([2, 6]);
    // users: the creators (1) and the cast with their owners (1, a lateral join). generations:
    // the videos with their cast (1). social: the counts and the viewer's likes (1); the
    // viewer's blocks and mutes were asked by the page before and are cached by the feed and
    // generations until social announces a change (relationship-cache.e2e.ts).
    const entities = { users: 2, generations: 1, social: 1 };
    expect(small).toMatchObject(entities);
    expect(large).toMatchObject(entities);
    // Following: the page's ids from the viewer's timeline and its posts in one statement, at
    // any size. For You's own statements are the feed's business (feed.e2e.ts).
    if (kind === 'FOLLOWING') expect([small.feed, large.feed]).toEqual([1, 1]);
    else expect(large.feed).toBe(small.feed);
  });
});

describe('a first For You page', () => {
  const POOL_READ = /FROM "feed"\."candidate" WHERE viewer_id = \$1::uuid AND kind = 'followee'/;
  const GATHER =
    /INSERT INTO "feed"\."candidate" \(viewer_id, kind, source_id, post_id, published_at\)\s+SELECT \(SELECT viewer_id FROM header\)/;

  it('gathers the candidate set of a viewer who has none before reading the pool, once', async () => {
    const newcomer = await signUp(stack.gatewayUrl, 'newcomer');
    for (const creator of creators) await ok(gql(newcomer, FOLLOW, { id: creator.id }));
    statements.length = 0;
    recording = true;
    const { feed } = await ok(gql(newcomer, FEED, { kind: 'FOR_YOU', first: 10 }));
    recording = false;
    const feedStatements = statements.filter((statement) => statement.subgraph === 'feed').map((statement) => statement.sql);
    expect(feedStatements.filter((sql) => GATHER.test(sql))).toHaveLength(1);
    expect(feedStatements.filter((sql) => POOL_READ.test(sql))).toHaveLength(1);
    expect(feed.edges).toHaveLength(6);
    expect(feedStatements.findIndex((sql) => GATHER.test(sql))).toBeLessThan(feedStatements.findIndex((sql) => POOL_READ.test(sql)));
  });
});
