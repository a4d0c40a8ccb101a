import type { IncomingMessage } from 'node:http';
import { GATEWAY_PROOF_HEADER, verifyGatewayProof } from './gateway-proof';

/** Who is asking, as proven by the gateway. */
export interface Viewer {
  userId: string;
}

/** What every subgraph resolver receives; subgraphs extend it with their own services. */
export interface BaseContext {
  viewer: Viewer | null;
}

/**
 * Reads the gateway's proof from a request. Returns null when it is missing or invalid, so the
 * caller can refuse the request before any GraphQL work happens.
 */
export function viewerFromProof(req: IncomingMessage, gatewaySecret: string, subgraph: string): BaseContext | null {
  const header = req.headers[GATEWAY_PROOF_HEADER];
  const proof = verifyGatewayProof(gatewaySecret, subgraph, Array.isArray(header) ? header[0] : header);
  if (!proof) return null;
  return { viewer: proof.viewerId ? { userId: proof.viewerId } : null };
}
