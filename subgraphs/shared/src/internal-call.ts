import { signHs256, verifyHs256 } from './hs256';

/**
 * Declared internal calls between platform services (e.g. generations asking users whether a
 * cameo may be used). The caller signs a short-lived token with the platform secret
 * (GATEWAY_SECRET), naming itself and the service it calls; the callee refuses anything else.
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

/** Calls another service's internal route; throws with the callee's message on failure. */
export async function callInternal<Result>(
  url: string,
  token: string,
  body: unknown,
  /** Default: 5 seconds. */
  timeoutMs = 5_000,
): Promise<Result> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const payload = (await response.json()) as Result & { error?: { code: string; message: string } };
  if (!response.ok) throw new Error(`${url}: ${payload.error?.code ?? response.status} ${payload.error?.message ?? ''}`.trim());
  return payload;
}
