import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type http from 'node:http';
import { directFeedPage } from '../../scripts/bench/direct-feed';
import { startApolloGateway } from '../../scripts/bench/apollo-gateway';
import { createHiveGatewayServer } from '../../scripts/bench/hive-gateway';
import { FEED_DOCUMENT, postGraphql } from '../../scripts/bench/load';
import { GATEWAY_PROOF_HEADER, signGatewayProof } from '@cameo/kernel/gateway-proof';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import { ok, request, until } from '@cameo/test-helpers/graphql';
import { startStack, testSecrets, type TestStack } from '@cameo/test-helpers/stack';
import { publishedVideo, signUp, verifiedCameo, type TestUser } from '@cameo/test-helpers/users';

/**
 * What `npm run bench` compares must be the same work: the peers on our supergraph (Hive
 * Gateway with its JavaScript and its Rust query planner, plain Apollo Gateway) and the direct
 * baseline (the query plan's subgraph requests made by hand) give the Feed query's answer exactly
 * as our gateway does, to each viewer their own. If the plan or the schema changes, this fails first.
 */
let database: TestDatabase;
let stack: TestStack;
const hives: http.Server[] = [];
const peers: Record<string, string> = {};
let stopApollo: (() => Promise<void>) | undefined;
let cy: TestUser;
let bo: TestUser;

beforeAll(async () => {
  database = await createTestDatabase('e2e_bench_baselines');
  stack = await startStack(database.url, { redis: true });
  const [ada, bob, reader] = await Promise.all(['ada', 'bob', 'cyd'].map((handle) => signUp(stack.gatewayUrl, handle)));
  cy = reader!;
  bo = bob!;
  const bobCameo = await verifiedCameo(stack.gatewayUrl, bob!);
  await ok(
    request(
      stack.gatewayUrl,
      graphql(`
        mutation BenchBaselinesSetCameoPolicy($id: ID!) {
          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {
            id
          }
        }
      `),
      { token: bob!.token, variables: { id: bobCameo } },
    ),
  );
  await ok(
    request(
      stack.gatewayUrl,
      graphql(`
        mutation BenchBaselinesFollow($id: ID!) {
          follow(userId: $id) {
            id
          }
        }
      `),
      { token: cy.token, variables: { id: ada!.id } },
    ),
  );
  const cast = await publishedVideo(stack.gatewayUrl, ada!, 'ada and bob on a boat', { caption: 'boat day', cameoIds: [bobCameo] });
  await publishedVideo(stack.gatewayUrl, ada!, 'sunset over the sea', { caption: 'sunset' });
  await ok(
    request(
      stack.gatewayUrl,
      graphql(`
        mutation BenchBaselinesLikeGeneration($id: ID!) {
          likeGeneration(id: $id) {
            id
          }
        }
      `),
      { token: cy.token, variables: { id: cast } },
    ),
  );
  await until('both posts in Following', async () => (await feedAt(stack.gatewayUrl)).data?.feed.edges.length === 2);
  const peerOptions = {
    supergraphSdl: readFileSync(path.join(__dirname, '../../schema/supergraph.graphql'), 'utf8'),
    subgraphUrls: stack.subgraphUrls,
    jwtSecret: testSecrets.jwtSecret,
    gatewayProofPrivateKey: testSecrets.gatewayProofPrivateKey,
  };
  for (const queryPlanner of ['js', 'rust'] as const) {
    const hive = createHiveGatewayServer({ ...peerOptions, queryPlanner });
    hives.push(hive);
    await new Promise<void>((resolve) => hive.listen(0, '127.0.0.1', resolve));
    peers[`Hive Gateway (${queryPlanner} planner)`] = `http://127.0.0.1:${(hive.address() as AddressInfo).port}/graphql`;
  }
  const apollo = await startApolloGateway(peerOptions);
  stopApollo = apollo.stop;
  peers['Apollo Gateway'] = apollo.url;
});
afterAll(async () => {
  for (const hive of hives) {
    hive.closeAllConnections();
    await new Promise((resolve) => hive.close(resolve));
  }
  await stopApollo?.();
  await stack?.stop();
  await database?.drop();
});

const feedAt = (url: string, viewer = cy) =>
  postGraphql(
    url,
    { authorization: `Bearer ${viewer.token}` },
    { query: FEED_DOCUMENT, operationName: 'Feed', variables: { kind: 'FOLLOWING', first: 10 } },
  );

describe('the benchmark’s baselines', () => {
  it('each peer answers the Feed query exactly as our gateway does, to each viewer their own, asked at once', async () => {
    const ours = await feedAt(stack.gatewayUrl);
    expect(ours.errors).toBeUndefined();
    expect(ours.data!.feed.edges[1].node).toMatchObject({
      caption: 'boat day',
      creator: { handle: 'ada' },
      cameos: [{ owner: { handle: 'bob' } }],
      video: { likeCount: 1, viewerHasLiked: true },
    });
    const bobs = await feedAt(stack.gatewayUrl, bo);
    expect(bobs).toEqual({ data: { feed: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } });
    // The feed subgraph gets the same request body for both viewers (the viewer is in the proof):
    // a peer sharing one in-flight answer between them would give bob cy's page.
    for (const [name, url] of Object.entries(peers)) {
      const answers = await Promise.all([feedAt(url), feedAt(url, bo), feedAt(url), feedAt(url, bo)]);
      expect({ name, answers }).toEqual({ name, answers: [ours, bobs, ours, bobs] });
    }
  });

  it('the direct baseline fetches the same fields from the subgraphs', async () => {
    const ours = (await feedAt(stack.gatewayUrl)).data!.feed;
    const direct = await directFeedPage(
      (subgraph, body) =>
        postGraphql(
          stack.subgraphUrls[subgraph as keyof TestStack['subgraphUrls']],
          {
            [GATEWAY_PROOF_HEADER]: signGatewayProof(
              testSecrets.gatewayProofPrivateKey,
              subgraph,
              { viewerId: cy.id },
              { method: 'POST', body: JSON.stringify(body) },
            ),
          },
          body,
        ),
      'FOLLOWING',
    );
    expect(direct.errors).toBeUndefined();
    const page = (direct.data as { feed: typeof ours }).feed;
    // The direct page also carries the entity keys (__typename, id) the plan fetches with.
    const strip = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(strip)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .filter(([key]) => key !== '__typename')
                .map(([key, v]) => [key, strip(v)]),
            )
          : value;
    const withoutKeys = strip(page) as typeof ours;
    for (const edge of withoutKeys.edges) {
      delete edge.node.creator.id;
      for (const cameo of edge.node.cameos) delete cameo.id;
      delete edge.node.video.id;
    }
    expect(withoutKeys).toEqual(ours);
  });
});
