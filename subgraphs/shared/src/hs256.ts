import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Compact HS256 JSON Web Tokens (RFC 7519) for the platform's own tokens: sessions, gateway
 * proofs and internal calls. Every request signs or checks several of them, and jsonwebtoken
 * spent about half a millisecond of CPU on each (key objects and option validation per call);
 * an HMAC over the same bytes costs a few microseconds. Tokens are ordinary JWTs: standard
 * libraries read ours and we read theirs (subgraphs/shared/test/hs256.test.ts).
 */
export interface Hs256Claims {
  iss: string;
  aud: string;
  exp: number;
  iat: number;
  sub?: string;
  [claim: string]: unknown;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

const hmac = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest();

export function signHs256(
  secret: string,
  claims: Record<string, unknown>,
  options: { issuer: string; audience: string; subject?: string; ttlSeconds: number },
): string {
  const iat = Math.floor(Date.now() / 1000);
  const payload = {
    ...claims,
    iat,
    exp: iat + options.ttlSeconds,
    aud: options.audience,
    iss: options.issuer,
    ...(options.subject ? { sub: options.subject } : {}),
  };
  const unsigned = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${unsigned}.${hmac(secret, unsigned).toString('base64url')}`;
}

/**
 * The claims of a token signed with `secret` by HS256 for this issuer and audience and not yet
 * expired; null for anything else (malformed, another algorithm, forged, expired, misdirected).
 */
export function verifyHs256(secret: string, token: string, expected: { issuer: string; audience: string }): Hs256Claims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts as [string, string, string];
  const given = Buffer.from(signature, 'base64url');
  const wanted = hmac(secret, `${header}.${payload}`);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return null;
  const decoded = parseJson(header);
  if (decoded?.alg !== 'HS256') return null;
  const claims = parseJson(payload);
  if (!claims || claims.iss !== expected.issuer || claims.aud !== expected.audience) return null;
  if (typeof claims.exp !== 'number' || claims.exp <= Date.now() / 1000) return null;
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > Date.now() / 1000)) return null;
  return claims as Hs256Claims;
}

/** A JWT part's JSON object, or null when it is not one (shared with gateway-proof.ts). */
export function parseJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
