import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the part of the S3 REST API the platform uses (path-style: PUT, GET,
 * HEAD and DELETE of an object, PUT with x-amz-copy-source, DeleteObjects, presigned GETs, and
 * the multipart upload calls @tus/s3-store makes: create, upload part, list parts, complete,
 * abort), in memory.
 * No MinIO or other S3 server can run on this machine; this checks our adapter speaks the
 * protocol (requests signed with SigV4, the right verbs, keys and headers). It verifies that
 * every request carries a SigV4 authorization for the configured access key and that presigned
 * URLs are within their expiry — it does NOT recompute signatures, so a tampered signature
 * would pass here: signature checking is tested on the filesystem backend's own URLs.
 */
export async function startS3ContractServer(options: { bucket: string; accessKeyId: string }) {
  const objects = new Map<string, { body: Buffer; contentType: string; meta?: Record<string, string> }>();
  const multipart = new Map<string, { key: string; parts: Map<number, Buffer> }>();
  let uploadIds = 0;
  const xml = (res: http.ServerResponse, body: string) => {
    res.writeHead(200, { 'content-type': 'application/xml' });
    res.end(`<?xml version="1.0" encoding="UTF-8"?>${body}`);
  };
  const requests: { method: string; key: string; presigned: boolean; query: string }[] = [];
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
    if (!key && !(req.method === 'POST' && url.searchParams.has('delete'))) return fail(res, 400, 'InvalidRequest');
    requests.push({ method: req.method ?? '', key, presigned, query: url.search });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const object = objects.get(key);
      const body = Buffer.concat(chunks);
      const uploadId = url.searchParams.get('uploadId');
      const upload = uploadId ? multipart.get(uploadId) : undefined;
      if (uploadId && (!upload || upload.key !== key)) return fail(res, 404, 'NoSuchUpload');
      if (req.method === 'POST' && url.searchParams.has('uploads')) {
        const id = `upload-${++uploadIds}`;
        multipart.set(id, { key, parts: new Map() });
        return xml(
          res,
          `<InitiateMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${key}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`,
        );
      }
      if (req.method === 'POST' && url.searchParams.has('delete')) {
        for (const [, deleted] of body.toString().matchAll(/<Key>([^<]+)<\/Key>/g)) objects.delete(deleted!);
        return xml(res, '<DeleteResult></DeleteResult>');
      }
      if (upload && req.method === 'PUT') {
        upload.parts.set(Number(url.searchParams.get('partNumber')), body);
        res.writeHead(200, { etag: `"part-${url.searchParams.get('partNumber')}"` });
        return res.end();
      }
      if (upload && req.method === 'GET') {
        const parts = [...upload.parts.entries()].sort(([a], [b]) => a - b);
        return xml(
          res,
          `<ListPartsResult><Bucket>${bucket}</Bucket><Key>${key}</Key><UploadId>${uploadId}</UploadId><IsTruncated>false</IsTruncated>${parts
            .map(
              ([number, part]) => `<Part><PartNumber>${number}</PartNumber><ETag>"part-${number}"</ETag><Size>${part.length}</Size></Part>`,
            )
            .join('')}</ListPartsResult>`,
        );
      }
      if (upload && req.method === 'POST') {
        const parts = [...upload.parts.entries()].sort(([a], [b]) => a - b).map(([, part]) => part);
        objects.set(key, { body: Buffer.concat(parts), contentType: 'application/octet-stream' });
        multipart.delete(uploadId!);
        return xml(
          res,
          `<CompleteMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${key}</Key><ETag>"complete"</ETag></CompleteMultipartUploadResult>`,
        );
      }
      if (upload && req.method === 'DELETE') {
        multipart.delete(uploadId!);
        res.writeHead(204);
        return res.end();
      }
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
          // User metadata (x-amz-meta-*) is kept and returned, as S3 does (tus keeps its upload id there).
          const meta = Object.fromEntries(Object.entries(req.headers).filter(([name]) => name.startsWith('x-amz-meta-'))) as Record<
            string,
            string
          >;
          objects.set(key, { body, contentType: req.headers['content-type'] ?? 'application/octet-stream', meta });
          res.writeHead(200, { etag: '"put"' });
          return res.end();
        }
        case 'GET':
        case 'HEAD':
          if (!object) return fail(res, 404, req.method === 'HEAD' ? 'NotFound' : 'NoSuchKey');
          res.writeHead(200, {
            'content-length': String(object.body.length),
            'content-type': url.searchParams.get('response-content-type') ?? object.contentType,
            ...object.meta,
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
