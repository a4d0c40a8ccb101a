import type { RequestHandler } from 'express';
import { request } from 'undici';
import { signHs256, verifyHs256 } from './hs256';

/**
 * Declared internal calls between platform services (e.g. generations asking users whether a
 * cameo may be used). The caller signs a short-lived token with INTERNAL_CALL_SECRET (a key of
 * its own, used for nothing else), naming itself and the service it calls; the callee refuses
 * anything else, and each route answers only the callers it declares (internalCallers).
 * Never reachable through the gateway: these routes live outside /graphql.
 */
export const INTERNAL_TOKEN_HEADER = 'x-cameo-internal-token';
const ISSUER = 'cameo-internal';

/** Lifetime of an internal token. Default: 60 seconds. */
export const INTERNAL_TOKEN_TTL_SECONDS = 60;

export function signInternalToken(secret: string, caller: string, audience: string): string {
  return signHs256(secret, { caller }, { issuer: ISSUER, audience, ttlSeconds: INTERNAL_TOKEN_TTL_SECONDS });
}

/** Returns the calling service's name, or null when the token is missing or invalid. */
export function verifyInternalToken(secret: string, audience: string, token: string | undefined): string | null {
  if (!token) return null;
  const claims = verifyHs256(secret, token, { issuer: ISSUER, audience });
  return typeof claims?.caller === 'string' ? claims.caller : null;
}

/**
 * Calls another service's internal route; throws with the callee's message on failure.
 *
 * Over undici's request() on its keep-alive pool, not the global fetch(): a feed page makes
 * several of these calls (blocks, age bands, session versions), and fetch's WHATWG Request and
 * stream objects cost the caller a sixth of its CPU per page in the bench's profiles.
 */
export async function callInternal<Result>(
  url: string,
  token: string,
  body: unknown,
  /** Default: 5 seconds. */
  timeoutMs = 5_000,
): Promise<Result> {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const payload = (await response.body.json()) as Result & { error?: { code: string; message: string } };
  if (response.statusCode < 200 || response.statusCode >= 300)
    throw new Error(`${url}: ${payload.error?.code ?? response.statusCode} ${payload.error?.message ?? ''}`.trim());
  return payload;
}

/**
 * Guards a service's /internal routes: a valid token for this service (401
 * INTERNAL_TOKEN_REQUIRED), from a caller the route declares (403 INTERNAL_CALLER_FORBIDDEN).
 * A route missing from `callers` answers nobody. Mount at /internal.
 */
export function internalCallers(secret: string, audience: string, callers: Record<string, readonly string[]>): RequestHandler {
  return (req, res, next) => {
    const caller = verifyInternalToken(secret, audience, req.header(INTERNAL_TOKEN_HEADER));
    if (!caller)
      return void res.status(401).json({ error: { code: 'INTERNAL_TOKEN_REQUIRED', message: 'Internal routes need a service token.' } });
    const route = `${req.baseUrl}${req.path}`;
    if (!callers[route]?.includes(caller)) {
      return void res.status(403).json({ error: { code: 'INTERNAL_CALLER_FORBIDDEN', message: `${caller} may not call ${route}.` } });
    }
    next();
  };
}
