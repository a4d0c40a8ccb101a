import type { FeedKind } from './load';

/**
 * The Feed query (clients/operations/feed.graphql) answered without a gateway: the same
 * subgraph requests the gateway's query plan makes — the feed page, then in parallel the
 * creators and cameo owners from users, counts from social and files from generations — and
 * the page assembled from them. It is the "direct" baseline a gateway's overhead is measured
 * against. (Print the plan with @apollo/query-planner to check it still matches.)
 */
export interface SubgraphPost {
  id: string;
  caption: string;
  publishedAt: string;
  creator: { id: string; handle?: string; displayName?: string };
  cameos: { id: string; owner?: { handle: string } }[];
  video: { id: string; videoUrl?: string | null; likeCount?: number; commentCount?: number; viewerHasLiked?: boolean };
}

type Response = { data?: any; errors?: { message: string }[] };
type Post = (subgraph: string, body: { query: string; variables: Record<string, unknown> }) => Promise<Response>;

const FEED_PAGE = `query ($kind: FeedKind!, $first: Int) {
  feed(kind: $kind, first: $first) {
    edges { cursor node { id caption publishedAt creator { __typename id } cameos { __typename id } video { __typename id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const entities = (selection: string) =>
  `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`;
const CREATORS = entities('... on User { handle displayName }');
const CAMEO_OWNERS = entities('... on Cameo { owner { handle } }');
const COUNTS = entities('... on Generation { likeCount commentCount viewerHasLiked }');
const FILES = entities('... on Generation { videoUrl }');

export async function directFeedPage(post: Post, kind: FeedKind): Promise<{ data?: unknown; errors?: { message: string }[] }> {
  const page = await post('feed', { query: FEED_PAGE, variables: { kind, first: 10 } });
  if (page.errors || !page.data) return page;
  const nodes = (page.data.feed.edges as { node: SubgraphPost }[]).map((edge) => edge.node);
  const unique = <T extends { id: string }>(items: T[]) => [...new Map(items.map((item) => [item.id, item])).values()];
  const creators = unique(nodes.map((node) => node.creator));
  const cameos = unique(nodes.flatMap((node) => node.cameos));
  const videos = nodes.map((node) => node.video);
  const fetches = await Promise.all([
    post('users', { query: CREATORS, variables: { representations: creators } }),
    cameos.length
      ? post('users', { query: CAMEO_OWNERS, variables: { representations: cameos } })
      : Promise.resolve<Response>({ data: { _entities: [] } }),
    post('social', { query: COUNTS, variables: { representations: videos } }),
    post('generations', { query: FILES, variables: { representations: videos } }),
  ]);
  const errors = fetches.flatMap((fetch) => fetch.errors ?? []);
  if (errors.length) return { errors };
  const [creatorRows, cameoRows, countRows, fileRows] = fetches.map((fetch) => fetch.data._entities as Record<string, unknown>[]);
  const byId = <T>(items: { id: string }[], rows: T[]) => new Map(items.map((item, i) => [item.id, rows[i]]));
  const creatorById = byId(creators, creatorRows!);
  const cameoById = byId(cameos, cameoRows!);
  for (const [i, node] of nodes.entries()) {
    Object.assign(node.creator, creatorById.get(node.creator.id));
    for (const cameo of node.cameos) Object.assign(cameo, cameoById.get(cameo.id));
    Object.assign(node.video, countRows![i], fileRows![i]);
  }
  return page;
}
