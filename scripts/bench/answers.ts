import { GATEWAY_PROOF_HEADER, signGatewayProof } from '@cameo/kernel/gateway-proof';
import { signSessionToken } from '@cameo/kernel/session-token';
import { directFeedPage } from './direct-feed';
import { FEED_DOCUMENT, postGraphql, seededUserId } from './load';
import { benchKeys, log, secrets } from './platform';

/**
 * Distinct seeded viewers, each asking a gateway this many times at once (more in flight than
 * the runs' 8 made the feed subgraph fail on the shared 2-core machine).
 */
const VIEWERS = 8;
const REPEATS = 2;

/**
 * Every gateway must give each viewer that viewer's own Following page (deterministic; it and
 * viewerHasLiked differ per viewer), as the subgraphs answer it directly, without errors — all
 * of one gateway's requests in flight at once. A gateway that shared one subgraph answer between
 * concurrent requests with the same body (the viewer travels in the gateway proof, a header)
 * would serve one viewer's page to another and do less work than the others: this fails first.
 */
export async function checkAnswers(subgraphUrls: Record<string, string>, gateways: { name: string; url: string }[]): Promise<void> {
  const { gatewayProofPrivateKey } = benchKeys();
  const viewers = Array.from({ length: VIEWERS }, (_, i) => seededUserId(i + 1));
  const expected = new Map<string, unknown>();
  for (const viewerId of viewers) {
    const page = await directFeedPage(
      (subgraph, body) =>
        postGraphql(
          subgraphUrls[subgraph]!,
          {
            [GATEWAY_PROOF_HEADER]: signGatewayProof(
              gatewayProofPrivateKey,
              subgraph,
              { viewerId },
              { method: 'POST', body: JSON.stringify(body) },
            ),
          },
          body,
        ),
      'FOLLOWING',
    );
    if (page.errors) throw new Error(`the direct Following page of ${viewerId} failed: ${JSON.stringify(page.errors)}`);
    expected.set(viewerId, page.data);
  }
  if (new Set([...expected.values()].map((page) => JSON.stringify(page))).size < 2)
    throw new Error('every checked viewer has the same Following page: the check could not tell a shared answer');

  const body = { query: FEED_DOCUMENT, operationName: 'Feed', variables: { kind: 'FOLLOWING', first: 10 } };
  for (const gateway of gateways) {
    const asks = viewers.flatMap((viewerId) =>
      Array.from({ length: REPEATS }, async () => {
        const headers = { authorization: `Bearer ${signSessionToken(secrets.jwtSecret, viewerId, 0)}` };
        const answer = await postGraphql(gateway.url, headers, body);
        if (answer.errors) throw new Error(`${gateway.name} failed the check query: ${JSON.stringify(answer.errors)}`);
        // The direct page also holds the entity keys the plan fetched with: compare the fields asked for.
        const own = JSON.stringify(project(expected.get(viewerId), answer.data));
        if (JSON.stringify(answer.data) !== own)
          throw new Error(`${gateway.name} answered ${viewerId} with another page:\n${JSON.stringify(answer.data)}\nits own:\n${own}`);
      }),
    );
    await Promise.all(asks);
  }
  log(`each gateway gave each of ${VIEWERS} viewers their own Following page, ${VIEWERS * REPEATS} requests at once`);
}

/** `value` cut to the fields of `shape` (objects), element by element (arrays), in shape's key order. */
export function project(value: unknown, shape: unknown): unknown {
  if (Array.isArray(shape)) return Array.isArray(value) ? value.map((item, i) => project(item, shape[i])) : value;
  if (shape && typeof shape === 'object' && value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(shape).map((key) => [key, project((value as Record<string, unknown>)[key], (shape as Record<string, unknown>)[key])]),
    );
  return value;
}
