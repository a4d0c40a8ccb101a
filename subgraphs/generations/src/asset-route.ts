import type express from 'express';
import type { AssetUrlSigner } from './asset-urls';
import type { GenerationsDb } from './db';
import type { SocialClient } from './social-client';
import { ASSET_KEY, assetContentType, type AssetStorage } from './rendering/storage';

/**
 * Who may fetch a generation's files now, decided at every request:
 * - hidden (consent withdrawn, removed by a cameo's owner): its creator only;
 * - a draft (not published): its creator and the owners of the cameos cast in it;
 * - published: everyone;
 * and, for everyone but the creator, not across a block with the creator (either way).
 * `blocked` is asked only when the rest would allow.
 */
export async function mayFetchAsset(
  generation: { creatorId: string; publishedAt: Date | null; hiddenReason: string | null },
  castOwnerIds: string[],
  viewerId: string | null,
  blocked: () => Promise<boolean>,
): Promise<boolean> {
  if (viewerId === generation.creatorId) return true;
  if (generation.hiddenReason !== null) return false;
  if (generation.publishedAt === null && !(viewerId && castOwnerIds.includes(viewerId))) return false;
  return !(viewerId && (await blocked()));
}

/** Longest a shared cache may keep a published video: a hide reaches caches within this. */
const PUBLIC_MAX_AGE_SECONDS = 60;

/** How long a presigned object-storage URL handed out after the check works: just long enough to follow. */
const PRESIGNED_TTL_SECONDS = 60;

/**
 * GET /assets/<key>?v&exp&sig: a rendered video or its manifest, for the viewer the URL was
 * signed for, if that viewer may see the generation now. Every refusal — unknown key, bad or
 * expired signature, not allowed — is the same 404, so a URL tells nothing about what exists.
 */
export function mountAssetRoute(
  app: express.Express,
  deps: { db: GenerationsDb; social: SocialClient; storage: AssetStorage; signer: AssetUrlSigner; onError: (error: unknown) => void },
) {
  app.get('/assets/:key', async (req, res) => {
    const notFound = () => void res.status(404).setHeader('cache-control', 'private, no-store').json({ error: 'not found' });
    try {
      const key = req.params.key;
      if (!ASSET_KEY.test(key)) return notFound();
      const viewerId = deps.signer.verify(key, req.query as Record<string, unknown>);
      if (viewerId === false) return notFound();
      const generation = await deps.db.generation.findFirst({
        where: { OR: [{ assetKey: key }, { manifestKey: key }] },
        select: { creatorId: true, publishedAt: true, hiddenReason: true, cameos: { select: { ownerId: true } } },
      });
      if (!generation) return notFound();
      const allowed = await mayFetchAsset(
        generation,
        generation.cameos.map((cameo) => cameo.ownerId),
        viewerId,
        // Asked of social at each request, not the cache pages use: files are fetched far less
        // often than pages, and a URL already handed out must stop working at the block itself.
        async () => (await deps.social.blockedWithNow(viewerId!)).has(generation.creatorId),
      );
      if (!allowed) return notFound();
      const hidden = generation.hiddenReason !== null;
      // On S3 the bucket serves the bytes: the check above decides who gets a presigned URL,
      // valid one minute, for the area the file is in now.
      const presigned = hidden
        ? ((await deps.storage.presignedUrl(key, 'quarantine', PRESIGNED_TTL_SECONDS)) ??
          (await deps.storage.presignedUrl(key, 'live', PRESIGNED_TTL_SECONDS)))
        : await deps.storage.presignedUrl(key, 'live', PRESIGNED_TTL_SECONDS);
      if (presigned === null) return notFound();
      if (presigned !== undefined) {
        res.status(302).setHeader('location', presigned).setHeader('cache-control', 'private, no-store').end();
        return;
      }
      // A hidden video's files are in quarantine; a move that has not happened yet leaves them live.
      const file = hidden
        ? ((await deps.storage.open(key, 'quarantine')) ?? (await deps.storage.open(key, 'live')))
        : await deps.storage.open(key, 'live');
      if (!file) return notFound();
      const forEveryone = generation.publishedAt !== null && !hidden;
      const exp = Number(req.query.exp);
      const maxAge = Math.max(0, Math.min(PUBLIC_MAX_AGE_SECONDS, exp - Math.floor(Date.now() / 1000)));
      res.status(200);
      res.setHeader('content-type', assetContentType(key));
      res.setHeader('content-length', String(file.size));
      res.setHeader('cache-control', forEveryone ? `public, max-age=${maxAge}` : 'private, no-store');
      res.setHeader('x-content-type-options', 'nosniff');
      file.stream.on('error', (error) => {
        deps.onError(error);
        res.destroy();
      });
      file.stream.pipe(res);
    } catch (error) {
      deps.onError(error);
      if (!res.headersSent) res.status(500).setHeader('cache-control', 'private, no-store').json({ error: 'internal error' });
    }
  });
}
