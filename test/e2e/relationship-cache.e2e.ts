import { RELATIONSHIP_CHANGED_TOPIC } from '@cameo/kernel/relationship-events';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { ok, quietFor, requestAs, until } from '@cameo/test-helpers/graphql';
import { dropping, startStack, type StackOptions, type TestStack } from '@cameo/test-helpers/stack';
import { publishedVideo, signUp, type TestUser } from '@cameo/test-helpers/users';

/**
 * The feed and generations remember each viewer's blocks and mutes from social, and forget them
 * when social announces a change: a second page costs social nothing, and a block, unblock,
 * mute or unmute shows on the very next page and video query. Without a bus nothing is cached.
 */
const FEED = `query CachedFeed($kind: FeedKind!) { feed(kind: $kind, first: 20) { edges { node { id } } } }`;
const VIDEO = `query CachedVideo($id: ID!) { generation(id: $id) { id } }`;
const relationship = (name: 'block' | 'unblock' | 'mute' | 'unmute') => `mutation Cached_${name}($id: ID!) { ${name}(userId: $id) { id } }`;

/** The statement social's /internal/blocks route sends: one per call from the feed or generations. */
const isBlocksCall = (sql: string) => sql.includes('ARRAY(SELECT muted_id');

describe.each<[string, StackOptions]>([
  ['the in-process bus (npm start)', {}],
  ['Redis pub/sub', { redis: true }],
])('social’s answers cached on %s', (label, options) => {
  let database: TestDatabase;
  let stack: TestStack;
  let viewer: TestUser, author: TestUser;
  let video: string;
  let blocksCalls = 0;
  const gql = requestAs(() => stack.gatewayUrl);
  const feedIds = async (kind: 'FOLLOWING' | 'FOR_YOU') => {
    const { feed } = await ok(gql(viewer, FEED, { kind }));
    return (feed.edges as { node: { id: string } }[]).map((edge) => edge.node.id);
  };
  const sees = async () => ({
    following: (await feedIds('FOLLOWING')).includes(video),
    forYou: (await feedIds('FOR_YOU')).includes(video),
    video: (await ok(gql(viewer, VIDEO, { id: video }))).generation !== null,
  });
  const act = (name: 'block' | 'unblock' | 'mute' | 'unmute') => ok(gql(viewer, relationship(name), { id: author.id }));

  beforeAll(async () => {
    database = await createTestDatabase(`e2e_relcache_${label.startsWith('Redis') ? 'redis' : 'memory'}`);
    stack = await startStack(database.url, {
      ...options,
      onStatement: (subgraph, sql) => {
        if (subgraph === 'social' && isBlocksCall(sql)) blocksCalls++;
      },
    });
    [viewer, author] = await Promise.all([signUp(stack.gatewayUrl, 'viewer'), signUp(stack.gatewayUrl, 'author')]);
    await ok(gql(viewer, `mutation CachedFollow($id: ID!) { follow(userId: $id) { id } }`, { id: author.id }));
    video = await publishedVideo(stack.gatewayUrl, author, 'a heron on one leg', { caption: 'heron' });
    await until(
      'the video in both feeds',
      async () => {
        const now = await sees();
        // Paced: probing every 25 ms, the in-process event consumers were seen to fall behind for good.
        await quietFor(250);
        return now.following && now.forYou;
      },
      30_000,
    );
  });
  afterAll(async () => {
    await stack?.stop();
    await database?.drop();
  });

  it('serves further pages and video queries without asking social', async () => {
    await sees();
    const before = blocksCalls;
    for (let page = 0; page < 3; page++) expect(await sees()).toEqual({ following: true, forYou: true, video: true });
    expect(blocksCalls).toBe(before);
  });

  it('shows a mute, an unmute, a block and an unblock on the very next page and video query', async () => {
    await sees();
    // A mute hides the author's videos from the feeds only.
    await act('mute');
    expect(await sees()).toEqual({ following: false, forYou: false, video: true });
    await act('unmute');
    expect(await sees()).toEqual({ following: true, forYou: true, video: true });
    await act('block');
    expect(await sees()).toEqual({ following: false, forYou: false, video: false });
    await act('unblock');
    // Following is left out: the block also ended the follow, which reaches the feed by event.
    const { forYou, video: visible } = await sees();
    expect({ forYou, visible }).toEqual({ forYou: true, visible: true });
  });
});

describe('social’s answers with no shared bus (subgraphs in separate processes, no Redis)', () => {
  let database: TestDatabase;
  let stack: TestStack;
  let blocksCalls = 0;

  beforeAll(async () => {
    database = await createTestDatabase('e2e_relcache_nobus');
    stack = await startStack(database.url, {
      sharedLiveBus: false,
      onStatement: (subgraph, sql) => {
        if (subgraph === 'social' && isBlocksCall(sql)) blocksCalls++;
      },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await database?.drop();
  });

  it('asks social on every page and every video query, as nothing could tell it of a change', async () => {
    const gql = requestAs(() => stack.gatewayUrl);
    const [viewer, author] = await Promise.all([signUp(stack.gatewayUrl, 'viewer'), signUp(stack.gatewayUrl, 'author')]);
    const video = await publishedVideo(stack.gatewayUrl, author, 'a heron on one leg', { caption: 'heron' });
    for (const round of [1, 2]) {
      const before = blocksCalls;
      await ok(gql(viewer, FEED, { kind: 'FOR_YOU' }));
      expect(blocksCalls - before).toBeGreaterThanOrEqual(1);
      const between = blocksCalls;
      await ok(gql(viewer, VIDEO, { id: video }));
      expect({ round, calls: blocksCalls - between }).toEqual({ round, calls: 1 });
    }
  });
});

describe('a block whose announcement is lost (social ended between its commit and its publish)', () => {
  let database: TestDatabase;
  let stack: TestStack;
  beforeAll(async () => {
    database = await createTestDatabase('e2e_relcache_lost');
    stack = await startStack(database.url, { socialBus: dropping(RELATIONSHIP_CHANGED_TOPIC) });
  });
  afterAll(async () => {
    await stack?.stop();
    await database?.drop();
  });

  it('leaves the feed and hides the video once social’s durable event arrives, not when the cached answers expire', async () => {
    const gql = requestAs(() => stack.gatewayUrl);
    const [viewer, author] = await Promise.all([signUp(stack.gatewayUrl, 'viewer'), signUp(stack.gatewayUrl, 'author')]);
    const video = await publishedVideo(stack.gatewayUrl, author, 'a heron on one leg', { caption: 'heron' });
    const inForYou = async () => {
      const { feed } = await ok(gql(viewer, FEED, { kind: 'FOR_YOU' }));
      return (feed.edges as { node: { id: string } }[]).some((edge) => edge.node.id === video);
    };
    const seesVideo = async () => (await ok(gql(viewer, VIDEO, { id: video }))).generation !== null;
    await until(
      'the video in For You, with the viewer’s answer from social cached',
      async () => (await inForYou()) && quietFor(250).then(() => true),
      30_000,
    );
    // Generations now remembers the viewer's answer too.
    expect(await seesVideo()).toBe(true);
    await ok(gql(viewer, relationship('block'), { id: author.id }));
    // No announcement: only social.blocked, followed by the feed and generations, can drop the answers.
    await until('the blocked author out of For You', async () => !(await inForYou()) || (await quietFor(250).then(() => false)), 30_000);
    await until('the blocked author’s video hidden', async () => !(await seesVideo()) || (await quietFor(250).then(() => false)), 30_000);
    expect({ forYou: await inForYou(), video: await seesVideo() }).toEqual({ forYou: false, video: false });
  });
});
