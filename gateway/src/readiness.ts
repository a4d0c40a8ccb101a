import type { KeyObject } from 'node:crypto';
import { GATEWAY_PROOF_HEADER, signGatewayProof } from '@cameo/kernel/gateway-proof';

export interface SubgraphHealth {
  name: string;
  ready: boolean;
  /** Why it is not ready. */
  error?: string;
}

/** How long a subgraph may take to answer a readiness probe. Default: 2 seconds. */
export const READINESS_TIMEOUT_MS = 2_000;

/** Ready means the subgraph answers a GraphQL request carrying the gateway's proof. */
export async function checkSubgraphs(subgraphs: Record<string, string>, proofKey: KeyObject): Promise<SubgraphHealth[]> {
  return Promise.all(
    Object.entries(subgraphs).map(async ([name, url]): Promise<SubgraphHealth> => {
      try {
        const body = JSON.stringify({ query: '{ __typename }' });
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [GATEWAY_PROOF_HEADER]: signGatewayProof(proofKey, name, { viewerId: null }, { method: 'POST', body }),
          },
          body,
          signal: AbortSignal.timeout(READINESS_TIMEOUT_MS),
        });
        const answer = (await response.json()) as { data?: { __typename?: string } };
        return response.ok && answer.data?.__typename === 'Query'
          ? { name, ready: true }
          : { name, ready: false, error: `HTTP ${response.status}` };
      } catch (error) {
        return { name, ready: false, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
}
