import { signHs256, verifyHs256 } from './hs256';

/**
 * Viewers' session tokens: HS256 JWTs signed by the users subgraph at sign-in and verified by
 * the gateway. Subgraphs never see them; they see the gateway's proof instead.
 *
 * Each token carries the account's session version (`sv`) at sign-in. The users subgraph bumps
 * the version to end every session at once (signOutEverywhere) and deletes it with the account;
 * the gateway refuses a token whose version is no longer the account's current one.
 */
const ISSUER = 'cameo';
const AUDIENCE = 'cameo-session';

/** How long a session lasts. Default: 30 days. */
export const SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;

/** The live-event topic on which users announces that sessions of an account ended. */
export const SESSION_REVOKED_TOPIC = 'session.revoked';

/**
 * The `session.revoked` message: every session of `userId` older than `sessionVersion` is over;
 * `sessionVersion: null` means the account is gone and every session with it.
 */
export interface SessionRevoked {
  userId: string;
  sessionVersion: number | null;
}

export interface Session {
  userId: string;
  sessionVersion: number;
}

export function signSessionToken(secret: string, userId: string, sessionVersion: number): string {
  return signHs256(
    secret,
    { sv: sessionVersion },
    { issuer: ISSUER, audience: AUDIENCE, subject: userId, ttlSeconds: SESSION_TTL_SECONDS },
  );
}

/**
 * The session a token names, or null when the token is malformed, forged or expired. Whether
 * its version is still current is the gateway's session guard's question, not this one's.
 */
export function verifySessionToken(secret: string, token: string): Session | null {
  const claims = verifyHs256(secret, token, { issuer: ISSUER, audience: AUDIENCE });
  if (typeof claims?.sub !== 'string') return null;
  // Tokens signed before versions existed carry none: they are version 0, the column's default,
  // so they stay valid until the account's first signOutEverywhere.
  const sv = claims.sv ?? 0;
  if (typeof sv !== 'number' || !Number.isInteger(sv) || sv < 0) return null;
  return { userId: claims.sub, sessionVersion: sv };
}
