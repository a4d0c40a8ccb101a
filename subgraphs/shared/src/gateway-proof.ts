import { signHs256, verifyHs256 } from './hs256';

/**
 * The gateway's proof: a short-lived HS256 JWT, signed with GATEWAY_SECRET, that the gateway
 * attaches to every subgraph request. It carries the viewer the gateway authenticated, so
 * subgraphs trust it instead of parsing client credentials, and it is scoped to one subgraph
 * (audience) so a proof captured from one subgraph's traffic cannot be replayed at another.
 * Subgraphs refuse any request without a valid proof: they are not public endpoints.
 */
export const GATEWAY_PROOF_HEADER = 'x-cameo-gateway-proof';

/** Lifetime of a proof. Short: one is minted per subgraph request. Default: 60 seconds. */
export const GATEWAY_PROOF_TTL_SECONDS = 60;

const ISSUER = 'cameo-gateway';

export interface GatewayProof {
  /** The authenticated viewer's user id, or null for an anonymous request. */
  viewerId: string | null;
}

export function signGatewayProof(secret: string, audience: string, proof: GatewayProof): string {
  return signHs256(secret, { viewer: proof.viewerId }, { issuer: ISSUER, audience, ttlSeconds: GATEWAY_PROOF_TTL_SECONDS });
}

/** Returns the proof's claims, or null when it is missing, forged, expired or for another subgraph. */
export function verifyGatewayProof(secret: string, audience: string, token: string | undefined): GatewayProof | null {
  if (!token) return null;
  const claims = verifyHs256(secret, token, { issuer: ISSUER, audience });
  if (!claims) return null;
  const viewer = claims.viewer;
  if (viewer !== null && typeof viewer !== 'string') return null;
  return { viewerId: viewer };
}
