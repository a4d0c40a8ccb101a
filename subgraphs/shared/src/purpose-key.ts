import { hkdfSync } from 'node:crypto';

/** What a derived key is for; one key per purpose, so a value signed for one is useless for another. */
export type KeyPurpose = 'cursor' | 'client-address';

/**
 * A 32-byte key for one purpose, derived (HKDF-SHA256) from the gateway secret. The one place
 * these keys come from: if the secret source changes (a key per purpose in the environment),
 * only this function does.
 */
export function purposeKey(gatewaySecret: string, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', gatewaySecret, 'cameo', `cameo ${purpose} v1`, 32));
}
