import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long an upload URL works: long enough to record and upload over a slow link, resumable. */
export const UPLOAD_URL_TTL_SECONDS = 60 * 60;

/**
 * Signed upload URLs for cameo recordings: `/uploads/cameos/<uploadKey>?exp=<unix s>&sig=<HMAC>`,
 * bound to the cameo's upload key and its owner, signed with a key derived from
 * UPLOAD_URL_SECRET (a secret for this purpose alone). Only the owner is ever given one
 * (Cameo.uploadUrl); the route checks it again, and that the cameo still awaits a recording,
 * at every request of the upload — so an expired, altered or replayed URL uploads nothing.
 */
export interface UploadUrlSigner {
  /** The creation URL for `uploadKey`, relative to the gateway. */
  sign(uploadKey: string, ownerId: string, nowSeconds?: number): string;
  /** The owner a URL was signed for, or null when its signature is wrong or it has expired. */
  verify(uploadKey: string, query: { o?: unknown; exp?: unknown; sig?: unknown }, nowSeconds?: number): string | null;
}

const now = () => Math.floor(Date.now() / 1000);

export function createUploadUrlSigner(uploadUrlSecret: string): UploadUrlSigner {
  const key = createHmac('sha256', uploadUrlSecret).update('cameo-uploads-v1').digest();
  const mac = (uploadKey: string, ownerId: string, exp: number) =>
    createHmac('sha256', key).update(`${uploadKey}\n${ownerId}\n${exp}`).digest();
  return {
    sign(uploadKey, ownerId, nowSeconds = now()) {
      const exp = nowSeconds + UPLOAD_URL_TTL_SECONDS;
      return `/uploads/cameos/${uploadKey}?o=${ownerId}&exp=${exp}&sig=${mac(uploadKey, ownerId, exp).toString('base64url')}`;
    },
    verify(uploadKey, { o, exp, sig }, nowSeconds = now()) {
      if (typeof o !== 'string' || typeof exp !== 'string' || typeof sig !== 'string') return null;
      if (!/^[0-9a-f-]{36}$/.test(o) || !/^[0-9]{1,12}$/.test(exp) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return null;
      const expected = mac(uploadKey, o, Number(exp));
      const given = Buffer.from(sig, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      return Number(exp) > nowSeconds ? o : null;
    },
  };
}
