import http from 'node:http';
import type express from 'express';

/** The upload route's targets: a cameo's upload key, or one upload of it (key and 64 random bits). */
const UPLOAD_TARGET = /^[0-9a-f]{32}(?:-[0-9a-f]{16})?$/;
/** The tus protocol's request headers (and the body's type and length); nothing else is forwarded. */
const REQUEST_HEADERS = [
  'tus-resumable',
  'upload-length',
  'upload-offset',
  'upload-metadata',
  'upload-defer-length',
  'content-type',
  'content-length',
];
const RESPONSE_HEADERS = [
  'tus-resumable',
  'tus-version',
  'tus-extension',
  'tus-max-size',
  'upload-offset',
  'upload-length',
  'upload-metadata',
  'location',
  'content-type',
  'cache-control',
  // With 429: when the account may send a recording again.
  'retry-after',
];
/** The signed URL's parameters. */
const SIGNED_PARAMS = ['o', 'exp', 'sig'];

/**
 * /uploads/cameos/<target>: cameo recording uploads (tus), streamed to the users subgraph so that
 * clients need one origin. Requests and responses stream through unbuffered (a recording is up
 * to 50 MiB); users checks the signed URL, the cameo and the file. Only well-formed targets,
 * tus methods, tus headers and the signed query are forwarded.
 */
export function mountUploadProxy(app: express.Express, usersUrl: () => string | undefined) {
  app.all('/uploads/cameos/:target', (req, res) => {
    const base = usersUrl()?.replace(/\/graphql$/, '');
    const target = req.params.target ?? '';
    if (!base || !UPLOAD_TARGET.test(target) || !['POST', 'PATCH', 'HEAD', 'OPTIONS'].includes(req.method)) {
      res.status(404).setHeader('cache-control', 'no-store').json({ error: 'not found' });
      return;
    }
    const query = new URLSearchParams();
    for (const name of SIGNED_PARAMS) {
      const value = req.query[name];
      if (typeof value === 'string') query.set(name, value);
    }
    const headers: http.OutgoingHttpHeaders = {};
    for (const name of REQUEST_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const upstream = http.request(
      new URL(`/uploads/cameos/${target}?${query}`, base),
      { method: req.method, headers, timeout: 120_000 },
      (answer) => {
        res.status(answer.statusCode ?? 502);
        for (const name of RESPONSE_HEADERS) {
          const value = answer.headers[name];
          if (value !== undefined) res.setHeader(name, value);
        }
        answer.pipe(res);
      },
    );
    const fail = () => {
      if (!res.headersSent) res.status(502).setHeader('cache-control', 'no-store').json({ error: 'the users service is unavailable' });
      else res.destroy();
    };
    upstream.on('timeout', () => upstream.destroy(new Error('timeout')));
    upstream.on('error', fail);
    req.on('aborted', () => upstream.destroy());
    req.pipe(upstream);
  });
}
