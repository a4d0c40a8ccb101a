/**
 * The platform's keys and secrets: their dev-only defaults, the placeholders production
 * refuses, and the rules production holds them to. env.ts reads them (readKeys, readCommonEnv).
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

type Source = Record<string, string | undefined>;

// Only for development and tests: production refuses to start with any of these (see PLACEHOLDERS).
export const DEV_JWT_SECRET = 'dev-only-session-secret-change-me';
const DEV_SECRETS = {
  INTERNAL_CALL_SECRET: 'dev-only-internal-call-secret-change-me',
  CURSOR_SECRET: 'dev-only-cursor-secret-change-me-please',
  MANIFEST_SECRET: 'dev-only-manifest-secret-change-me-please',
  ASSET_URL_SECRET: 'dev-only-asset-url-secret-change-me-please',
} as const;
// Ed25519 PKCS#8 DER is this prefix and the 32-byte seed: a fixed seed gives every dev process
// (npm start, tests, bench children) the same key pair without passing keys around.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const DEV_PROOF_SEED = createHash('sha256').update('cameo-dev-only-gateway-proof-key').digest();
const DEV_PROOF_PRIVATE_KEY = createPrivateKey({
  key: Buffer.concat([ED25519_PKCS8_PREFIX, DEV_PROOF_SEED]),
  format: 'der',
  type: 'pkcs8',
});
const DEV_PROOF_PUBLIC_KEY = createPublicKey(DEV_PROOF_PRIVATE_KEY);

/**
 * Values production refuses: the dev defaults above and the placeholders of .env.example
 * (test/contract/compose.test.ts keeps the two lists in step).
 */
export const PLACEHOLDERS: ReadonlySet<string> = new Set([
  DEV_JWT_SECRET,
  ...Object.values(DEV_SECRETS),
  'dev-only-gateway-secret-change-me',
  'replace-with-32-or-more-random-characters',
  'replace-with-another-32-or-more-random-characters',
  'replace-with-a-third-32-or-more-random-characters',
  'replace-with-a-fourth-32-or-more-random-characters',
  'replace-with-a-fifth-32-or-more-random-characters',
  'replace-with-the-gateway-proof-private-key-pem-or-base64-der',
  'replace-with-the-gateway-proof-public-key-pem-or-base64-der',
]);

/**
 * The platform's keys, one per purpose, so that a service holds only what its job needs and a
 * leaked key opens one door. Each process asks readKeys for its own (see each index.ts).
 */
export interface PlatformKeys {
  /**
   * GATEWAY_PROOF_PRIVATE_KEY: Ed25519 private key (PEM, or base64 of PKCS#8 DER) with which
   * the gateway signs its proofs. Only the gateway holds it. Default: a dev-only key pair.
   */
  gatewayProofPrivateKey: KeyObject;
  /**
   * GATEWAY_PROOF_PUBLIC_KEY: the matching public key (PEM, or base64 of SPKI DER); subgraphs
   * verify proofs with it and cannot mint one. Default: the dev-only pair's.
   */
  gatewayProofPublicKey: KeyObject;
  /** INTERNAL_CALL_SECRET: signs and verifies service-to-service tokens (internal-call.ts). Default: a dev-only secret. */
  internalCallSecret: string;
  /** CURSOR_SECRET: signs the feed's pagination cursors (feed only). Default: a dev-only secret. */
  cursorSecret: string;
  /** MANIFEST_SECRET: signs provenance manifests (generations' worker). Default: a dev-only secret. */
  manifestSecret: string;
  /** ASSET_URL_SECRET: signs short-lived asset URLs (generations). Default: a dev-only secret. */
  assetUrlSecret: string;
}
export type KeyPurpose = keyof PlatformKeys;
export const ALL_KEY_PURPOSES: readonly KeyPurpose[] = [
  'gatewayProofPrivateKey',
  'gatewayProofPublicKey',
  'internalCallSecret',
  'cursorSecret',
  'manifestSecret',
  'assetUrlSecret',
];

const KEY_VARIABLES: Record<KeyPurpose, string> = {
  gatewayProofPrivateKey: 'GATEWAY_PROOF_PRIVATE_KEY',
  gatewayProofPublicKey: 'GATEWAY_PROOF_PUBLIC_KEY',
  internalCallSecret: 'INTERNAL_CALL_SECRET',
  cursorSecret: 'CURSOR_SECRET',
  manifestSecret: 'MANIFEST_SECRET',
  assetUrlSecret: 'ASSET_URL_SECRET',
};

type SecretPurpose = Exclude<KeyPurpose, 'gatewayProofPrivateKey' | 'gatewayProofPublicKey'>;

/**
 * What production refuses among the secrets that are set: JWT_SECRET missing or short, any
 * published placeholder or dev default, and one value used for two purposes.
 */
export function productionSecretProblems(source: Source): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const name of ['JWT_SECRET', ...Object.values(KEY_VARIABLES)]) {
    const value = source[name];
    if (!value) {
      if (name === 'JWT_SECRET') problems.push('JWT_SECRET is required in production');
      continue;
    }
    if (PLACEHOLDERS.has(value)) problems.push(`${name} is a published placeholder`);
    else if (name === 'JWT_SECRET' && value.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
    const twin = seen.get(value);
    if (twin) problems.push(`${name} has the same value as ${twin}`);
    else seen.set(value, name);
  }
  return problems;
}

/** A key from PEM text or base64 DER (PKCS#8 private, SPKI public); must be Ed25519. */
export function parseProofKey(text: string, kind: 'private' | 'public'): KeyObject {
  // PEM in an env file often arrives with its newlines escaped.
  const pem = text.includes('-----BEGIN') ? text.replace(/\\n/g, '\n') : undefined;
  const der = Buffer.from(text, 'base64');
  const key =
    kind === 'private'
      ? createPrivateKey(pem ?? { key: der, format: 'der', type: 'pkcs8' })
      : createPublicKey(pem ?? { key: der, format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 key (${key.asymmetricKeyType})`);
  return key;
}

/**
 * The keys for the given purposes, and what is wrong with them (env.ts readKeys throws those as
 * one ConfigError).
 */
export function keysFrom<P extends KeyPurpose>(
  purposes: readonly P[],
  source: Source,
  env: 'development' | 'test' | 'production',
): { keys: Pick<PlatformKeys, P>; problems: string[] } {
  const problems = env === 'production' ? productionSecretProblems(source) : [];
  const keys: Partial<PlatformKeys> = {};
  for (const purpose of purposes) {
    const name = KEY_VARIABLES[purpose];
    const value = source[name];
    if (!value || PLACEHOLDERS.has(value)) {
      // A placeholder in production is already among the problems; elsewhere it means "default".
      if (env === 'production') {
        if (!value) problems.push(`${name} is required in production`);
      } else if (purpose === 'gatewayProofPrivateKey') keys.gatewayProofPrivateKey = DEV_PROOF_PRIVATE_KEY;
      else if (purpose === 'gatewayProofPublicKey') keys.gatewayProofPublicKey = DEV_PROOF_PUBLIC_KEY;
      else keys[purpose as SecretPurpose] = DEV_SECRETS[name as keyof typeof DEV_SECRETS];
      continue;
    }
    if (purpose === 'gatewayProofPrivateKey' || purpose === 'gatewayProofPublicKey') {
      try {
        const key = parseProofKey(value, purpose === 'gatewayProofPrivateKey' ? 'private' : 'public');
        if (env === 'production' && key.equals(purpose === 'gatewayProofPrivateKey' ? DEV_PROOF_PRIVATE_KEY : DEV_PROOF_PUBLIC_KEY)) {
          problems.push(`${name} is the published dev-only key`);
        }
        (keys as Record<string, KeyObject>)[purpose] = key;
      } catch (error) {
        problems.push(`${name} must be an Ed25519 key, PEM or base64 DER (${error instanceof Error ? error.message : String(error)})`);
      }
    } else if (value.length < 32) {
      problems.push(`${name} must be at least 32 characters`);
    } else {
      keys[purpose as SecretPurpose] = value;
    }
  }
  return { keys: keys as Pick<PlatformKeys, P>, problems };
}
