import { signHs256, verifyHs256 } from './hs256';

/**
 * Viewers' session tokens: HS256 JWTs signed by the users subgraph at sign-in and verified by
 * the gateway. Subgraphs never see them; they see the gateway's proof instead.
 */
const ISSUER = 'cameo';
const AUDIENCE = 'cameo-session';

/** How long a session lasts. Default: 30 days. */
export const SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;

export function signSessionToken(secret: string, userId: string): string {
  return signHs256(secret, {}, { issuer: ISSUER, audience: AUDIENCE, subject: userId, ttlSeconds: SESSION_TTL_SECONDS });
}

/** Returns the user id, or null when the token is malformed, forged or expired. */
export function verifySessionToken(secret: string, token: string): string | null {
  const claims = verifyHs256(secret, token, { issuer: ISSUER, audience: AUDIENCE });
  return typeof claims?.sub === 'string' ? claims.sub : null;
}
