import { Readable } from 'node:stream';
import type express from 'express';

/** Random keys (128 bits in hex) with an extension, as the generations worker writes them. */
const ASSET_KEY = /^[0-9a-f]{32}\.[a-z0-9]{1,10}(?:\.[a-z0-9]{1,10})?$/;
/** The signed URL's parameters; nothing else is forwarded. */
const SIGNED_PARAMS = ['v', 'exp', 'sig'] as const;

/**
 * GET /assets/<key>?v&exp&sig: rendered videos and provenance manifests, fetched from the
 * generations subgraph so clients need one origin. Only well-formed keys are forwarded, with
 * the signed URL's query; generations checks the signature and who may see the file now.
 */
export function mountAssetProxy(app: express.Express, generationsUrl: () => string | undefined) {
  app.get('/assets/:key', async (req, res) => {
    const base = generationsUrl()?.replace(/\/graphql$/, '');
    const key = req.params.key;
    if (!base || !ASSET_KEY.test(key)) {
      res.status(404).setHeader('cache-control', 'private, no-store').json({ error: 'not found' });
      return;
    }
    const query = new URLSearchParams();
    for (const name of SIGNED_PARAMS) {
      const value = req.query[name];
      if (typeof value === 'string') query.set(name, value);
    }
    try {
      const upstream = await fetch(`${base}/assets/${key}?${query}`, { signal: AbortSignal.timeout(10_000), redirect: 'manual' });
      res.status(upstream.status);
      // A 302 carries a presigned object-storage URL (S3): passed on, never followed here.
      for (const header of ['content-type', 'content-length', 'cache-control', 'x-content-type-options', 'location']) {
        const value = upstream.headers.get(header);
        if (value) res.setHeader(header, value);
      }
      if (!upstream.body) return void res.end();
      Readable.fromWeb(upstream.body as never).pipe(res);
    } catch {
      res.status(502).setHeader('cache-control', 'private, no-store').json({ error: 'the generations service is unavailable' });
    }
  });
}
