import type { Context } from '@opentelemetry/api';
import type { GatewayProof } from './gateway-proof';

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
  /** The client's address as the gateway saw it (a claim of its proof); absent when not sent. */
  clientAddress?: string;
}

/** The base context of a request whose gateway proof was verified (gateway-proof.ts). */
export function contextFromProof(proof: GatewayProof): BaseContext {
  return {
    viewer: proof.viewerId ? { userId: proof.viewerId } : null,
    ...(proof.clientAddress ? { clientAddress: proof.clientAddress } : {}),
  };
}
