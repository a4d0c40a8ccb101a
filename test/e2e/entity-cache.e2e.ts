import { Redis } from 'ioredis';
import { eventStream } from '@cameo/kernel/events';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import { ok, request, until, type Operation } from '@cameo/test-helpers/graphql';
import { TEST_REDIS_URL, startReplicaGateway, startStack, type TestStack } from '@cameo/test-helpers/stack';
import { publishedVideo, signUp, verifiedCameo, type TestUser } from '@cameo/test-helpers/users';

/** The gateway's entity cache, seen from clients: feed pages through one gateway and a replica. */
let database: TestDatabase;
let stack: TestStack;
let ada: TestUser, bob: TestUser, cy: TestUser;
let video: string;

const FEED = graphql(`
  query EntityCacheFeed {
    feed(kind: FOLLOWING, first: 10) {
      edges {
        node {
          id
          creator {
            handle
            displayName
          }
          cameos {
            owner {
              handle
              displayName
            }
          }
        }
      }
    }
  }
`);
/** The nodes of a feed page (`query`: any feed document). */
const page = async (gatewayUrl: string, viewer: TestUser, query: Operation<{ feed: { edges: { node: unknown }[] } }, never> = FEED) =>
  (await ok(request(gatewayUrl, query, { token: viewer.token }))).feed.edges.map((edge: { node: unknown }) => edge.node);

/** Requests the gateway has sent each subgraph, from its /metrics. */
async function fetchesBySubgraph(gatewayUrl: string): Promise<Record<string, number>> {
  const text = await (await fetch(gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
  const counts: Record<string, number> = {};
  for (const [, subgraph, count] of text.matchAll(
    /^cameo_gateway_subgraph_fetch_seconds_count\{subgraph="(\w+)",outcome="\w+"\} (\d+)$/gm,
  )) {
    counts[subgraph!] = (counts[subgraph!] ?? 0) + Number(count);
  }
  return counts;
}

beforeAll(async () => {
  database = await createTestDatabase('e2e_entity_cache');
  stack = await startStack(database.url, { redis: true });
  [ada, bob, cy] = await Promise.all([signUp(stack.gatewayUrl, 'ada'), signUp(stack.gatewayUrl, 'bob'), signUp(stack.gatewayUrl, 'cyd')]);
  const bobCameo = await verifiedCameo(stack.gatewayUrl, bob);
  await ok(
    request(
      stack.gatewayUrl,
      graphql(`
        mutation EntityCacheSetCameoPolicy($id: ID!) {
          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {
            id
          }
        }
      `),
      { token: bob.token, variables: { id: bobCameo } },
    ),
  );
  await ok(
    request(
      stack.gatewayUrl,
      graphql(`
        mutation EntityCacheFollow($id: ID!) {
          follow(userId: $id) {
            id
          }
        }
      `),
      { token: cy.token, variables: { id: ada.id } },
    ),
  );
  video = await publishedVideo(stack.gatewayUrl, ada, 'ada and bob on a boat', { caption: 'boat day', cameoIds: [bobCameo] });
  await until('the video in cy’s feed', async () => (await page(stack.gatewayUrl, cy)).length === 1);
});
afterAll(async () => {
  await stack?.stop();
  await database?.drop();
});

it('answers a page’s creators and cast from memory the second time: users is not asked', async () => {
  const first = await page(stack.gatewayUrl, cy);
  const before = await fetchesBySubgraph(stack.gatewayUrl);
  const second = await page(stack.gatewayUrl, cy);
  const after = await fetchesBySubgraph(stack.gatewayUrl);
  expect(second).toEqual(first);
  expect(second).toEqual([
    { id: video, creator: { handle: 'ada', displayName: 'ada' }, cameos: [{ owner: { handle: 'bob', displayName: 'bob' } }] },
  ]);
  expect(after.feed! - before.feed!).toBe(1);
  expect(after.users ?? 0).toBe(before.users ?? 0);
});

it('shows a new name on the next page: at once through the gateway that changed it, after the event through a replica', async () => {
  const replica = await startReplicaGateway(stack, {
    events: { redisUrl: TEST_REDIS_URL, eventNamespace: stack.queuePrefix },
    entityCache: {},
  });
  try {
    await until('the replica caching', async () => {
      await page(replica.url, cy);
      const before = (await fetchesBySubgraph(replica.url)).users;
      await page(replica.url, cy);
      return (await fetchesBySubgraph(replica.url)).users === before;
    });
    await ok(
      request(
        stack.gatewayUrl,
        graphql(`
          mutation EntityCacheUpdateProfile {
            updateProfile(input: { displayName: "Bob the Builder" }) {
              id
            }
          }
        `),
        { token: bob.token },
      ),
    );
    await ok(
      request(
        stack.gatewayUrl,
        graphql(`
          mutation EntityCacheUpdateProfile2 {
            updateProfile(input: { displayName: "Ada L." }) {
              id
            }
          }
        `),
        { token: ada.token },
      ),
    );
    // Cy reads through the gateway the mutations went through, before their events can arrive.
    const renamed = {
      id: video,
      creator: { handle: 'ada', displayName: 'Ada L.' },
      cameos: [{ owner: { handle: 'bob', displayName: 'Bob the Builder' } }],
    };
    expect(await page(stack.gatewayUrl, cy)).toEqual([renamed]);
    await until('the replica showing the new names', async () => JSON.stringify(await page(replica.url, cy)) === JSON.stringify([renamed]));
  } finally {
    await replica.gateway.stop();
  }
});

it('fetches what only its owner may see for every viewer, whatever was asked before', async () => {
  const PLANS = graphql(`
    query EntityCacheFeed2 {
      feed(kind: FOR_YOU, first: 10) {
        edges {
          node {
            id
            creator {
              handle
              plan
            }
          }
        }
      }
    }
  `);
  await until('the video in ada’s For You', async () => (await page(stack.gatewayUrl, ada, PLANS)).length === 1);
  for (const viewer of [ada, cy, ada, cy]) {
    expect(await page(stack.gatewayUrl, viewer, PLANS)).toEqual([
      { id: video, creator: { handle: 'ada', plan: viewer === ada ? 'FREE' : null } },
    ]);
  }
});

it('reads users’ event stream over one connection, for the cache and the session guard alike', async () => {
  // Both follow users' stream (names, ended sessions); nothing else in the stack does.
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const clients = ((await redis.client('LIST')) as string).split('\n');
    const name = `name=cameo-stream-follower:${eventStream('users', stack.queuePrefix)} `;
    expect(clients.filter((line) => line.includes(name))).toHaveLength(1);
  } finally {
    redis.disconnect();
  }
});
