import { FeedDocument, SignInDocument, createCameoClient, type FeedQuery } from '@cameo/sdk';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { until } from '@cameo/test-helpers/graphql';
import { readDemoMode } from '../../scripts/demo';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_VIDEOS } from '../../scripts/demo-world';
import { startPlatform } from '../../scripts/start';

/**
 * The demo world (scripts/demo.ts): the platform fills a new database with it through its own
 * gateway, so the feed shows published videos of several creators with likes and comments; a
 * second start on the same database adds nothing.
 */
let database: TestDatabase;
let platform: Awaited<ReturnType<typeof startPlatform>> | undefined;

const env = (url: string) => ({
  NODE_ENV: 'test',
  DATABASE_URL: url,
  GATEWAY_PORT: '0',
  USERS_PORT: '0',
  GENERATIONS_PORT: '0',
  SOCIAL_PORT: '0',
  FEED_PORT: '0',
  // The test polls the feed until the demo's last events reach it (every 25 ms, a few pages each
  // time): on a loaded machine that can pass the per-address limit, which is not under test here.
  RATE_LIMIT_IP_PER_MINUTE: '100000',
  RATE_LIMIT_USER_PER_MINUTE: '100000',
});

beforeAll(async () => {
  database = await createTestDatabase('e2e_demo');
});
afterAll(async () => {
  await platform?.stop();
  await database?.drop();
});

type Post = FeedQuery['feed']['edges'][number]['node'];

/** A demo person signed in through the gateway. */
async function signedIn(gatewayUrl: string, handle: string) {
  const client = createCameoClient({ url: gatewayUrl });
  client.setToken((await client.request(SignInDocument, { handle, password: DEMO_PASSWORD })).signIn.token);
  return client;
}

/** The whole For You feed of a signed-in person. */
async function feedOf(client: ReturnType<typeof createCameoClient>): Promise<Post[]> {
  const posts: Post[] = [];
  let after: string | null | undefined;
  do {
    const { feed } = await client.request(FeedDocument, { kind: 'FOR_YOU', first: 50, after });
    posts.push(...feed.edges.map(({ node }) => node));
    after = feed.pageInfo.hasNextPage ? feed.pageInfo.endCursor : undefined;
  } while (after);
  return posts;
}

const summary = (posts: Post[]) =>
  posts
    .map(({ id, creator, video }) => ({ id, creator: creator.handle, likes: video.likeCount, comments: video.commentCount }))
    .sort((a, b) => a.id.localeCompare(b.id));

it('fills a new, empty database with the demo world, seen in the feed through the gateway; a second start adds nothing', async () => {
  // `auto` (npm start's default outside tests and production) fills a database with no account.
  platform = await startPlatform({ env: env(database.url), demo: 'auto' });
  // A person who made no video: their For You holds everyone else's.
  const viewer = DEMO_PEOPLE[4]!.handle;
  const expectedLikes = (posts: Post[]) => posts.filter(({ video }) => video.likeCount > 0).length;
  const client = await signedIn(platform.gatewayUrl, viewer);
  const posts = await until(
    'every demo video in the feed with its likes and comments',
    async () => {
      const feed = await feedOf(client);
      const complete = feed.length === DEMO_VIDEOS.length && expectedLikes(feed) === DEMO_VIDEOS.length;
      return complete && feed.filter(({ video }) => video.commentCount > 0).length >= DEMO_VIDEOS.length / 2 ? feed : undefined;
    },
    30_000,
  );
  expect(new Set(posts.map(({ creator }) => creator.handle)).size).toBeGreaterThanOrEqual(10);
  expect(posts.some(({ cameos }) => cameos.length > 0)).toBe(true);
  expect(posts.every(({ video }) => video.videoUrl?.startsWith('/assets/'))).toBe(true);
  const before = summary(posts);

  // `--demo` on a database that has the demo world: nothing is added.
  await platform.stop();
  platform = await startPlatform({ env: env(database.url), demo: 'on' });
  expect(summary(await feedOf(await signedIn(platform.gatewayUrl, viewer)))).toEqual(before);
}, 180_000);

it('is on by default in development, off in tests and production, and follows --demo / --no-demo / CAMEO_DEMO', () => {
  expect(readDemoMode([], {})).toBe('auto');
  expect(readDemoMode([], { NODE_ENV: 'development' })).toBe('auto');
  expect(readDemoMode([], { NODE_ENV: 'test' })).toBe('off');
  expect(readDemoMode(['--demo'], { NODE_ENV: 'test' })).toBe('on');
  expect(readDemoMode(['--demo'], { NODE_ENV: 'production' })).toBe('off');
  expect(readDemoMode([], { CAMEO_DEMO: '1', NODE_ENV: 'production' })).toBe('off');
  expect(readDemoMode(['--no-demo'], {})).toBe('off');
  expect(readDemoMode([], { CAMEO_DEMO: '0' })).toBe('off');
  expect(readDemoMode([], { CAMEO_DEMO: 'true', NODE_ENV: 'test' })).toBe('on');
  expect(() => readDemoMode([], { CAMEO_DEMO: 'maybe' })).toThrow(/CAMEO_DEMO/);
});
