import type { IncomingMessage } from 'node:http';
import type { Context } from '@opentelemetry/api';
import { GATEWAY_PROOF_HEADER, verifyGatewayProof } from './gateway-proof';

/** Who is asking, as proven by the gateway. */
export interface Viewer {
  userId: string;
}

/** What every subgraph resolver receives; subgraphs extend it with their own services. */
export interface BaseContext {
  viewer: Viewer | null;
  /** The gateway's request id (x-request-id), for log lines. */
  requestId?: string;
  /** The trace context the gateway sent (traceparent), parent of this operation's span. */
  traceContext?: Context;
  /** The client's address as the gateway saw it (signed, see client-address.ts); absent when not sent. */
  clientAddress?: string;
}

/**
 * Reads the gateway's proof from a request. Returns null when it is missing or invalid, so the
 * caller can refuse the request before any GraphQL work happens.
 */
export function viewerFromProof(req: IncomingMessage, gatewaySecret: string, subgraph: string): BaseContext | null {
  const header = req.headers[GATEWAY_PROOF_HEADER];
  return viewerFromProofToken(gatewaySecret, subgraph, Array.isArray(header) ? header[0] : header);
}

/** The same for a proof carried outside HTTP headers (graphql-ws messages). */
export function viewerFromProofToken(gatewaySecret: string, subgraph: string, token: string | undefined): BaseContext | null {
  const proof = verifyGatewayProof(gatewaySecret, subgraph, token);
  if (!proof) return null;
  return { viewer: proof.viewerId ? { userId: proof.viewerId } : null };
}
