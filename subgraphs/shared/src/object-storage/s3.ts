import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { assertObjectKey, type ObjectStorage } from './object-storage';

export interface S3StorageOptions {
  /** S3_ENDPOINT: e.g. http://minio:9000. Default: AWS for the region. */
  endpoint?: string;
  /** S3_PUBLIC_ENDPOINT: the origin clients reach for presigned URLs when it differs from endpoint. Default: endpoint. */
  publicEndpoint?: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** S3_FORCE_PATH_STYLE: `bucket` in the path rather than the host name (MinIO). */
  forcePathStyle: boolean;
}

const missing = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.$metadata.httpStatusCode === 404 || error.name === 'NoSuchKey' || error.name === 'NotFound');

/**
 * Objects in an S3-compatible bucket (MinIO in docker-compose.yml). Clients download through
 * presigned GET URLs that the platform hands out only after its own visibility check; the
 * bucket itself stays private.
 */
export function createS3Storage(options: S3StorageOptions): ObjectStorage & { client: S3Client; bucket: string } {
  const config = (endpoint: string | undefined) =>
    new S3Client({
      endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      // The SDK's default since 2025 adds CRC checksums (and aws-chunked bodies) to every upload;
      // S3-compatible stores differ in what they accept, so only where S3 requires them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    });
  const client = config(options.endpoint);
  // Presigned URLs name the host they were signed for: sign with the origin clients reach.
  const presigner = options.publicEndpoint ? config(options.publicEndpoint) : client;
  const Bucket = options.bucket;
  return {
    kind: 's3',
    client,
    bucket: Bucket,
    async put(key, body, contentType) {
      await client.send(new PutObjectCommand({ Bucket, Key: assertObjectKey(key), Body: body, ContentType: contentType }));
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: assertObjectKey(key) }));
        if (!object.Body) return null;
        return { size: Number(object.ContentLength ?? 0), stream: object.Body as Readable };
      } catch (error) {
        if (missing(error)) return null;
        throw error;
      }
    },
    async size(key) {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket, Key: assertObjectKey(key) }));
        return Number(head.ContentLength ?? 0);
      } catch (error) {
        if (missing(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: assertObjectKey(key) }));
    },
    async move(from, to) {
      // S3 has no rename: copy, then delete. A missing source means an earlier move finished.
      try {
        await client.send(new CopyObjectCommand({ Bucket, Key: assertObjectKey(to), CopySource: `${Bucket}/${assertObjectKey(from)}` }));
      } catch (error) {
        if (missing(error)) return;
        throw error;
      }
      await client.send(new DeleteObjectCommand({ Bucket, Key: from }));
    },
    async presignedGetUrl(key, { expiresInSeconds, contentType }) {
      return getSignedUrl(presigner, new GetObjectCommand({ Bucket, Key: assertObjectKey(key), ResponseContentType: contentType }), {
        expiresIn: expiresInSeconds,
      });
    },
  };
}
