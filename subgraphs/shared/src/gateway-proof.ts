import { createHash, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import { Redis } from 'ioredis';
import { parseJson } from './hs256';
import { closeRedis } from './redis';

/**
 * The gateway's proof: a compact JWS (EdDSA, Ed25519) that the gateway attaches to every
 * subgraph request. Only the gateway holds the private key (GATEWAY_PROOF_PRIVATE_KEY);
 * subgraphs verify with the public key and cannot mint one, so a compromised subgraph cannot
 * speak to another as any viewer. A proof binds:
 * - `aud`: the one subgraph it is for;
 * - `htm`: the HTTP method (SUBSCRIBE / CONNECT for graphql-ws messages);
 * - `bh`: SHA-256 of the request body (of the operation, for a subscription);
 * - `jti` and a 30 s `exp`: each proof is accepted once (see ReplayGuard).
 * Subgraphs refuse any request without a valid proof: they are not public endpoints.
 */
export const GATEWAY_PROOF_HEADER = 'x-cameo-gateway-proof';

/** Lifetime of a proof. Short: one is minted per subgraph request. Default: 30 seconds. */
export const GATEWAY_PROOF_TTL_SECONDS = 30;

const ISSUER = 'cameo-gateway';
const HEADER = Buffer.from(JSON.stringify({ alg: 'EdDSA', typ: 'JWT' })).toString('base64url');

export interface GatewayProof {
  /** The authenticated viewer's user id, or null for an anonymous request. */
  viewerId: string | null;
  /** The client's network address as the gateway saw it (rules that count per address). */
  clientAddress?: string | null;
}

/** What a proof is bound to: the method and the exact bytes sent (or the operation, see operationHash). */
export interface ProofBinding {
  method: string;
  /** The request body as sent; a precomputed hash with `bodyHash` instead. */
  body?: string | Buffer;
  bodyHash?: string;
}

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('base64url');

/** The hash a graphql-ws subscription's proof binds: its document, variables and operation name. */
export const operationHash = (payload: { query: string; variables?: unknown; operationName?: string | null }): string =>
  sha256(JSON.stringify([payload.query, payload.variables ?? null, payload.operationName ?? null]));

const bindingHash = (binding: ProofBinding) => binding.bodyHash ?? sha256(binding.body ?? '');

/** Mints proofs; needs the private key, which only the gateway has. */
export function signGatewayProof(privateKey: KeyObject, audience: string, proof: GatewayProof, binding: ProofBinding): string {
  const iat = Math.floor(Date.now() / 1000);
  const claims = {
    iss: ISSUER,
    aud: audience,
    viewer: proof.viewerId,
    addr: proof.clientAddress ?? null,
    htm: binding.method.toUpperCase(),
    bh: bindingHash(binding),
    jti: randomUUID(),
    iat,
    exp: iat + GATEWAY_PROOF_TTL_SECONDS,
  };
  const unsigned = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${unsigned}.${sign(null, Buffer.from(unsigned), privateKey).toString('base64url')}`;
}

/**
 * Remembers which proof ids were used, for as long as they could still be accepted. With several
 * replicas of one subgraph a per-process memory would let a proof replay at another replica, so
 * with Redis the claim is a `SET NX PX` shared by all of them.
 */
export interface ReplayGuard {
  /** True the first time a key is claimed within ttlMs; false for a replay. */
  claim(key: string, ttlMs: number): Promise<boolean> | boolean;
  close?(): Promise<void>;
}

/** In-process guard, bounded: expired ids are dropped, and past `capacity` the oldest go first. */
export function memoryReplayGuard(
  /** Default: 200 000 ids (at 30 s each, over 6 000 requests a second per process). */
  capacity = 200_000,
): ReplayGuard {
  const seen = new Map<string, number>();
  return {
    claim(key, ttlMs) {
      const now = Date.now();
      // Insertion order is expiry order (one TTL for all): prune from the front.
      for (const [oldKey, expires] of seen) {
        if (expires > now && seen.size < capacity) break;
        seen.delete(oldKey);
      }
      const expires = seen.get(key);
      if (expires !== undefined && expires > now) return false;
      seen.set(key, now + ttlMs);
      return true;
    },
  };
}

/**
 * Guard shared by every replica through Redis. While Redis does not answer (within 250 ms; then
 * at once until it is connected again) the ids are remembered in this process instead: requests
 * keep working through a Redis outage, and a replay is still refused by the replica that saw
 * the proof first (only a replay to another replica during the outage would pass).
 */
export function redisReplayGuard(redisUrl: string, namespace = 'cameo', onFallback: (error: unknown) => void = () => {}): ReplayGuard {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 250 });
  // Reported once per outage, not once per request.
  let reported = false;
  redis.on('error', () => {});
  redis.on('ready', () => (reported = false));
  const local = memoryReplayGuard();
  return {
    claim: async (key, ttlMs) => {
      // Both: a proof first seen here during an outage is still refused here once Redis is back.
      const fresh = await local.claim(key, ttlMs);
      // During a known outage, no request waits for Redis's timeout.
      if (reported && redis.status !== 'ready') return fresh;
      try {
        return (await redis.set(`${namespace}:proof-jti:${key}`, '1', 'PX', ttlMs, 'NX')) === 'OK' && fresh;
      } catch (error) {
        if (!reported) onFallback(error);
        reported = true;
        return fresh;
      }
    },
    close: () => closeRedis(redis),
  };
}

export interface GatewayProofVerifier {
  /** The proof's viewer, or null when it is missing, forged, expired, misdirected, misbound or replayed. */
  verify(token: string | undefined, binding: ProofBinding): Promise<GatewayProof | null>;
  close(): Promise<void>;
}

/** Verifies proofs for one subgraph with the gateway's public key. */
export function createProofVerifier(
  publicKey: KeyObject,
  audience: string,
  replay: ReplayGuard = memoryReplayGuard(),
): GatewayProofVerifier {
  return {
    async verify(token, binding) {
      const claims = readProof(publicKey, audience, token, binding);
      if (!claims) return null;
      const ttlMs = Math.max(1, claims.exp * 1000 - Date.now()) + 1000;
      if (!(await replay.claim(`${audience}:${claims.jti}`, ttlMs))) return null;
      return claims.addr ? { viewerId: claims.viewer, clientAddress: claims.addr } : { viewerId: claims.viewer };
    },
    close: async () => replay.close?.(),
  };
}

/** Checks everything but replay; exported for tests. */
export function readProof(publicKey: KeyObject, audience: string, token: string | undefined, binding: ProofBinding) {
  if (!token) return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts as [string, string, string];
  if (parseJson(header)?.alg !== 'EdDSA') return null;
  let valid: boolean;
  try {
    valid = verify(null, Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'));
  } catch {
    return null;
  }
  if (!valid) return null;
  const claims = parseJson(payload);
  if (!claims || claims.iss !== ISSUER || claims.aud !== audience) return null;
  if (typeof claims.exp !== 'number' || claims.exp <= Date.now() / 1000) return null;
  if (typeof claims.jti !== 'string' || claims.htm !== binding.method.toUpperCase() || claims.bh !== bindingHash(binding)) return null;
  const viewer = claims.viewer;
  if (viewer !== null && typeof viewer !== 'string') return null;
  const addr = typeof claims.addr === 'string' ? claims.addr : null;
  return { viewer, addr, jti: claims.jti, exp: claims.exp };
}
