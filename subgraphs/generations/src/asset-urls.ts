import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a signed asset URL works. */
export const ASSET_URL_TTL_SECONDS = 15 * 60;
/**
 * Expiries are rounded up to this step, so one viewer's URL for one file stays the same for a
 * few minutes and browsers can cache it, while it still ends within TTL + STEP.
 */
const EXPIRY_STEP_SECONDS = 5 * 60;

/**
 * Short-lived URLs for /assets, bound to one viewer: `/assets/<key>?v=<viewerId or empty>&exp=<unix s>&sig=<HMAC-SHA256, base64url>`.
 * Signed with a key derived from ASSET_URL_SECRET, a secret for this purpose alone.
 */
export interface AssetUrlSigner {
  /** A URL for `viewerId` (null: anonymous), relative to the gateway. */
  sign(key: string, viewerId: string | null, nowSeconds?: number): string;
  /**
   * The viewer a URL was signed for (null: anonymous), or `false` when its signature is wrong
   * or it has expired.
   */
  verify(key: string, query: { v?: unknown; exp?: unknown; sig?: unknown }, nowSeconds?: number): string | null | false;
}

export const assetSigningKey = (assetUrlSecret: string) => createHmac('sha256', assetUrlSecret).update('cameo-assets-v1').digest();

const now = () => Math.floor(Date.now() / 1000);

export function createAssetUrlSigner(assetUrlSecret: string): AssetUrlSigner {
  const key = assetSigningKey(assetUrlSecret);
  const mac = (assetKey: string, viewer: string, exp: number) =>
    createHmac('sha256', key).update(`${assetKey}\n${viewer}\n${exp}`).digest();
  return {
    sign(assetKey, viewerId, nowSeconds = now()) {
      const exp = Math.ceil((nowSeconds + ASSET_URL_TTL_SECONDS) / EXPIRY_STEP_SECONDS) * EXPIRY_STEP_SECONDS;
      const viewer = viewerId ?? '';
      const sig = mac(assetKey, viewer, exp).toString('base64url');
      return `/assets/${assetKey}?v=${encodeURIComponent(viewer)}&exp=${exp}&sig=${sig}`;
    },
    verify(assetKey, query, nowSeconds = now()) {
      const { v, exp, sig } = query;
      if (typeof v !== 'string' || typeof exp !== 'string' || typeof sig !== 'string') return false;
      if (!/^[0-9]{1,12}$/.test(exp) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return false;
      const expected = mac(assetKey, v, Number(exp));
      const given = Buffer.from(sig, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
      if (Number(exp) <= nowSeconds) return false;
      return v === '' ? null : v;
    },
  };
}
