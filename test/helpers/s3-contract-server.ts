import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the part of the S3 REST API the platform uses (path-style: PUT, GET,
 * HEAD and DELETE of an object, PUT with x-amz-copy-source, and presigned GETs), in memory.
 * No MinIO or other S3 server can run on this machine; this checks our adapter speaks the
 * protocol (requests signed with SigV4, the right verbs, keys and headers). It verifies that
 * every request carries a SigV4 authorization for the configured access key and that presigned
 * URLs are within their expiry — it does NOT recompute signatures, so a tampered signature
 * would pass here: signature checking is tested on the filesystem backend's own URLs.
 */
export async function startS3ContractServer(options: { bucket: string; accessKeyId: string }) {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const requests: { method: string; key: string; presigned: boolean }[] = [];
  const fail = (res: http.ServerResponse, status: number, code: string) => {
    res.writeHead(status, { 'content-type': 'application/xml' });
    res.end(status === 404 && code === 'NotFound' ? undefined : `<?xml version="1.0"?><Error><Code>${code}</Code></Error>`);
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://s3.local');
    const [, bucket, ...rest] = url.pathname.split('/');
    const key = rest.map(decodeURIComponent).join('/');
    const presigned = url.searchParams.has('X-Amz-Signature');
    // Credentials: the header form (SDK calls) or the query form (presigned URLs).
    const credential = presigned
      ? url.searchParams.get('X-Amz-Credential')
      : /Credential=([^,]+)/.exec(req.headers.authorization ?? '')?.[1];
    if (!credential?.startsWith(`${options.accessKeyId}/`)) return fail(res, 403, 'InvalidAccessKeyId');
    if (presigned) {
      const date = url.searchParams.get('X-Amz-Date') ?? '';
      const signedAt = Date.parse(date.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
      const expires = Number(url.searchParams.get('X-Amz-Expires'));
      if (!Number.isFinite(signedAt) || !(expires > 0) || Date.now() > signedAt + expires * 1000) return fail(res, 403, 'AccessDenied');
      if (req.method !== 'GET') return fail(res, 403, 'SignatureDoesNotMatch');
    }
    if (bucket !== options.bucket) return fail(res, 404, 'NoSuchBucket');
    if (!key) return fail(res, 400, 'InvalidRequest');
    requests.push({ method: req.method ?? '', key, presigned });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const object = objects.get(key);
      switch (req.method) {
        case 'PUT': {
          const source = req.headers['x-amz-copy-source'];
          if (typeof source === 'string') {
            const from = decodeURIComponent(source.replace(/^\/?[^/]+\//, ''));
            const copied = objects.get(from);
            if (!copied) return fail(res, 404, 'NoSuchKey');
            objects.set(key, { ...copied });
            res.writeHead(200, { 'content-type': 'application/xml' });
            return res.end('<?xml version="1.0"?><CopyObjectResult><ETag>"copy"</ETag></CopyObjectResult>');
          }
          objects.set(key, { body: Buffer.concat(chunks), contentType: req.headers['content-type'] ?? 'application/octet-stream' });
          res.writeHead(200, { etag: '"put"' });
          return res.end();
        }
        case 'GET':
        case 'HEAD':
          if (!object) return fail(res, 404, req.method === 'HEAD' ? 'NotFound' : 'NoSuchKey');
          res.writeHead(200, {
            'content-length': String(object.body.length),
            'content-type': url.searchParams.get('response-content-type') ?? object.contentType,
          });
          return res.end(req.method === 'GET' ? object.body : undefined);
        case 'DELETE':
          objects.delete(key);
          res.writeHead(204);
          return res.end();
        default:
          return fail(res, 405, 'MethodNotAllowed');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    objects,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
