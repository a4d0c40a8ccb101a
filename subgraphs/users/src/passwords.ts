import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ConfigError } from '@cameo/kernel/env';

/**
 * Password hashing with scrypt (memory-hard, in Node's standard library: no native addon to
 * build). Stored as `scrypt$N$r$p$salt$hash` so the cost can be raised later: old hashes still
 * verify, and sign-in re-hashes them at the current cost (see needsRehash).
 */

/** log2 of scrypt's N. Default 17 (N=2^17, r=8, p=1: OWASP's minimum; 128 MiB per hash). */
export const DEFAULT_COST_LOG2 = 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
/** Stored hashes name their own N; refuse absurd ones rather than allocate gigabytes. */
const MAX_COST_LOG2 = 20;

/**
 * The cost new hashes get: N=2^17, or `PASSWORD_HASH_COST` (log2 N, 10-20) when NODE_ENV is
 * test — the suite signs up hundreds of users, and at ~0.8 s a hash on a shared 2-core machine
 * that would dominate it. Production refuses to start with it set; development ignores it: a
 * lower cost is never a setting outside tests.
 */
export function passwordCostLog2(source: Record<string, string | undefined> = process.env): number {
  const raw = source.PASSWORD_HASH_COST;
  if (raw === undefined || raw === '') return DEFAULT_COST_LOG2;
  if (source.NODE_ENV === 'production') throw new ConfigError('PASSWORD_HASH_COST is only for tests (NODE_ENV=test); unset it');
  if (source.NODE_ENV !== 'test') return DEFAULT_COST_LOG2;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 10 || value > MAX_COST_LOG2) {
    throw new ConfigError(`PASSWORD_HASH_COST must be log2 of scrypt's N, 10-${MAX_COST_LOG2} (got "${raw}")`);
  }
  return value;
}

let current: ScryptOptions | undefined;
/** The current cost, read once. */
export function currentCost(): ScryptOptions {
  current ??= costOf(2 ** passwordCostLog2(), R, P);
  return current;
}

// scrypt needs 128 * N * r bytes; Node's default maxmem (32 MiB) is below N=2^15 already.
const costOf = (N: number, r: number, p: number): ScryptOptions => ({ N, r, p, maxmem: 128 * N * r * p + 16 * 1024 * 1024 });

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Hashes at the current cost (`cost` only for tests and the bench that compare costs). */
export async function hashPassword(password: string, cost: ScryptOptions = currentCost()): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Builds a cost for hashPassword from log2 N (tests and the bench). */
export const scryptCost = (log2N: number): ScryptOptions => costOf(2 ** log2N, R, P);

function parse(stored: string) {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return null;
  const [N, rr, pp] = [Number(n), Number(r), Number(p)];
  const sane = (value: number, max: number) => Number.isInteger(value) && value >= 1 && value <= max;
  if (!sane(N, 2 ** MAX_COST_LOG2) || (N & (N - 1)) !== 0 || !sane(rr, 32) || !sane(pp, 16)) return null;
  return { cost: costOf(N, rr, pp), salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.cost);
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}

/** Whether a stored hash was made at another cost than the current one (re-hash it at sign-in). */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  const cost = currentCost();
  return !parsed || parsed.cost.N !== cost.N || parsed.cost.r !== cost.r || parsed.cost.p !== cost.p;
}

/**
 * A hash of nothing anyone knows, verified against when a handle does not exist so sign-in takes
 * as long for unknown handles as for wrong passwords (no account enumeration by timing).
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}
