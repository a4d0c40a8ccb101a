import { Readable } from 'node:stream';
import type express from 'express';

const ASSET_KEY = /^[0-9a-f-]{36}\.[a-z0-9.]+$/;

/**
 * GET /assets/<key>: rendered videos and provenance manifests, fetched from the generations
 * subgraph so clients need one origin. Only well-formed keys are forwarded.
 */
export function mountAssetProxy(app: express.Express, generationsUrl: () => string | undefined) {
  app.get('/assets/:key', async (req, res) => {
    const base = generationsUrl()?.replace(/\/graphql$/, '');
    const key = req.params.key;
    if (!base || !ASSET_KEY.test(key)) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    try {
      const upstream = await fetch(`${base}/assets/${key}`, { signal: AbortSignal.timeout(10_000) });
      res.status(upstream.status);
      for (const header of ['content-type', 'content-length', 'cache-control', 'etag', 'last-modified']) {
        const value = upstream.headers.get(header);
        if (value) res.setHeader(header, value);
      }
      if (!upstream.body) return void res.end();
      Readable.fromWeb(upstream.body as never).pipe(res);
    } catch {
      res.status(502).json({ error: 'the generations service is unavailable' });
    }
  });
}
