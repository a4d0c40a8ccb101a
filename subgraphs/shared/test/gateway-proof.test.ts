import { generateKeyPairSync } from 'node:crypto';
import { ALL_KEY_PURPOSES, readKeys } from '../src/env';
import { signHs256 } from '../src/hs256';
import {
  createProofVerifier,
  memoryReplayGuard,
  operationHash,
  redisReplayGuard,
  signGatewayProof,
  type ProofBinding,
} from '../src/gateway-proof';

const keys = readKeys(ALL_KEY_PURPOSES, { NODE_ENV: 'test' });
const body = JSON.stringify({ query: '{ me { id } }' });
const post = { method: 'POST', body };
const mint = (audience = 'users', binding: ProofBinding = post) =>
  signGatewayProof(keys.gatewayProofPrivateKey, audience, { viewerId: 'u1' }, binding);
const verifier = () => createProofVerifier(keys.gatewayProofPublicKey, 'users');

describe('gateway proofs (Ed25519)', () => {
  it('accepts a proof for this subgraph, method and body once', async () => {
    const v = verifier();
    const token = mint();
    expect(await v.verify(token, post)).toEqual({ viewerId: 'u1' });
    expect(await v.verify(token, post)).toBeNull();
  });

  it('refuses another audience, another method and a tampered body', async () => {
    expect(await verifier().verify(mint('feed'), post)).toBeNull();
    expect(await verifier().verify(mint(), { method: 'GET', body })).toBeNull();
    expect(await verifier().verify(mint(), { method: 'POST', body: body.replace('me', 'you') })).toBeNull();
  });

  it('refuses an expired proof', async () => {
    const token = mint();
    const now = Date.now();
    const later = jest.spyOn(Date, 'now').mockReturnValue(now + 31_000);
    try {
      expect(await verifier().verify(token, post)).toBeNull();
    } finally {
      later.mockRestore();
    }
  });

  it('refuses an old-style HS256 proof, whatever secret signed it', async () => {
    const claims = { viewer: 'u1', htm: 'POST', bh: 'x', jti: 'j1' };
    const hs = signHs256('dev-only-gateway-secret-change-me', claims, { issuer: 'cameo-gateway', audience: 'users', ttlSeconds: 60 });
    expect(await verifier().verify(hs, post)).toBeNull();
  });

  it('cannot be minted by a holder of the public key only, nor by another key pair', async () => {
    expect(() => signGatewayProof(keys.gatewayProofPublicKey, 'users', { viewerId: 'u1' }, post)).toThrow();
    const other = generateKeyPairSync('ed25519').privateKey;
    expect(await verifier().verify(signGatewayProof(other, 'users', { viewerId: 'u1' }, post), post)).toBeNull();
  });

  it('binds a subscription proof to its operation', async () => {
    const operation = { query: 'subscription { x }', variables: { id: '1' } };
    const token = mint('users', { method: 'SUBSCRIBE', bodyHash: operationHash(operation) });
    expect(
      await verifier().verify(token, { method: 'SUBSCRIBE', bodyHash: operationHash({ ...operation, variables: { id: '2' } }) }),
    ).toBeNull();
    expect(await verifier().verify(token, { method: 'SUBSCRIBE', bodyHash: operationHash(operation) })).toEqual({ viewerId: 'u1' });
  });

  it('refuses a replay at another replica when the used ids are in Redis', async () => {
    const namespace = `proof-test-${process.pid}-${Date.now()}`;
    const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const [a, b] = [redisReplayGuard(url, namespace), redisReplayGuard(url, namespace)];
    const [replicaA, replicaB] = [
      createProofVerifier(keys.gatewayProofPublicKey, 'users', a),
      createProofVerifier(keys.gatewayProofPublicKey, 'users', b),
    ];
    try {
      const token = mint();
      expect(await replicaA.verify(token, post)).toEqual({ viewerId: 'u1' });
      expect(await replicaB.verify(token, post)).toBeNull();
    } finally {
      await replicaA.close();
      await replicaB.close();
    }
  });

  it('keeps working while Redis is unreachable, still refusing a replay at the same replica', async () => {
    const fallbacks: unknown[] = [];
    const guard = redisReplayGuard('redis://127.0.0.1:9', `proof-test-${process.pid}`, (error) => fallbacks.push(error));
    const replica = createProofVerifier(keys.gatewayProofPublicKey, 'users', guard);
    try {
      const token = mint();
      expect(await replica.verify(token, post)).toEqual({ viewerId: 'u1' });
      expect(await replica.verify(token, post)).toBeNull();
      expect(await replica.verify(mint(), post)).toEqual({ viewerId: 'u1' });
      // Reported once for the outage, not once per request.
      expect(fallbacks).toHaveLength(1);
    } finally {
      await replica.close();
    }
  });

  it('keeps the in-process replay memory bounded', () => {
    const guard = memoryReplayGuard(3);
    for (const id of ['a', 'b', 'c', 'd']) expect(guard.claim(id, 30_000)).toBe(true);
    expect(guard.claim('d', 30_000)).toBe(false);
    // The oldest went to make room.
    expect(guard.claim('a', 30_000)).toBe(true);
  });
});
