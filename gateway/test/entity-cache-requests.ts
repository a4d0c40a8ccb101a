import { GATEWAY_PROOF_HEADER, signGatewayProof } from '@cameo/kernel/gateway-proof';
import { testSecrets } from '@cameo/test-helpers/stack';

/** What the entity cache passes on: a subgraph request and the viewer it is made for. */
export interface SentRequest {
  request: { query?: string; variables?: Record<string, unknown> };
  context: { viewerId?: string | null };
}

/** A subgraph request made for a client's operation, as the gateway hands it to the entity cache. */
export function incoming(query: string, variables: Record<string, unknown>, viewerId: string | null = null) {
  return { kind: 'incoming operation', request: { query, variables }, context: { viewerId }, incomingRequestContext: {} } as never;
}

/** Sends a request on to a real subgraph, with the gateway's proof for its viewer, as the gateway would. */
export async function sendToSubgraph(url: string, subgraph: string, sent: SentRequest) {
  const body = JSON.stringify({ query: sent.request.query, variables: sent.request.variables });
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [GATEWAY_PROOF_HEADER]: signGatewayProof(
        testSecrets.gatewayProofPrivateKey,
        subgraph,
        { viewerId: sent.context.viewerId ?? null },
        { method: 'POST', body },
      ),
    },
    body,
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}
