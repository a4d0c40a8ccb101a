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
  return readSessionToken(secret, token)?.session ?? null;
}

/** A valid token's session and when the token expires (unix seconds). */
function readSessionToken(secret: string, token: string): { session: Session; exp: number } | null {
  const claims = verifyHs256(secret, token, { issuer: ISSUER, audience: AUDIENCE });
  if (typeof claims?.sub !== 'string') return null;
  // Tokens signed before versions existed carry none: they are version 0, the column's default,
  // so they stay valid until the account's first signOutEverywhere.
  const sv = claims.sv ?? 0;
  if (typeof sv !== 'number' || !Number.isInteger(sv) || sv < 0) return null;
  return { session: Object.freeze({ userId: claims.sub, sessionVersion: sv }), exp: claims.exp };
}

export interface SessionTokenVerifier {
  /** What verifySessionToken answers for this token, now. */
  verify(token: string): Session | null;
}

/**
 * verifySessionToken for a process that sees the same tokens again and again: a client sends
 * its token with every request, and the gateway read it twice per request (the rate rule, then
 * the session), an HMAC and two JSON parses each time: 2-3% of the gateway's CPU per Feed page
 * (`npm run bench -- --profile`). Tokens found valid are remembered with their expiry, which is
 * checked again at every use; whether the session is still the account's current one is not
 * remembered here (the session guard asks that of every request, as before). A token found
 * invalid is not remembered: a forger pays the HMAC every time and fills nothing. At most
 * `maxEntries` tokens, the first remembered going first.
 */
export function createSessionTokenVerifier(
  secret: string,
  options: {
    /** Default: 50,000 (a few hundred bytes each). */
    maxEntries?: number;
    /** Unix milliseconds; tests move it. Default: Date.now. */
    now?: () => number;
  } = {},
): SessionTokenVerifier {
  const maxEntries = options.maxEntries ?? 50_000;
  const now = options.now ?? Date.now;
  const known = new Map<string, { session: Session; exp: number }>();
  return {
    verify(token) {
      const remembered = known.get(token);
      if (remembered) {
        if (remembered.exp > now() / 1000) return remembered.session;
        known.delete(token);
        return null;
      }
      const read = readSessionToken(secret, token);
      if (!read || read.exp <= now() / 1000) return null;
      known.set(token, read);
      if (known.size > maxEntries) known.delete(known.keys().next().value!);
      return read.session;
    },
  };
}
