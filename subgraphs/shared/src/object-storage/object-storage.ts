import type { Readable } from 'node:stream';

/**
 * One interface for the platform's files — cameo recordings, rendered videos and their
 * provenance manifests — so that any replica of any service reads what another wrote. Two
 * backends: the local filesystem (the embedded default, filesystem.ts) and S3-compatible object
 * storage (MinIO in docker-compose.yml, s3.ts). Nothing here decides who may read a file: the
 * routes that hand out signed URLs do, at every request.
 *
 * Keys are `/`-separated paths of safe segments (OBJECT_KEY); the backends refuse any other.
 */
export interface ObjectStorage {
  /** `filesystem` or `s3`: logged at start-up. */
  readonly kind: 'filesystem' | 's3';
  /** Writes an object whole (a reader never sees half of it). */
  put(key: string, body: Uint8Array, contentType?: string): Promise<void>;
  /** Opens an object for reading, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  /** The object's size, or null when there is none. */
  size(key: string): Promise<number | null>;
  /** Removes an object; a missing one is fine. */
  delete(key: string): Promise<void>;
  /** Moves an object to another key; a missing source is fine (already moved). */
  move(from: string, to: string): Promise<void>;
  /**
   * A short-lived URL at which the object can be fetched without credentials (S3 presigned
   * GET), or null when the backend has none (the filesystem: the platform streams the file
   * behind its own HMAC-signed URL instead).
   */
  presignedGetUrl(key: string, options: { expiresInSeconds: number; contentType?: string }): Promise<string | null>;
}

export interface StoredObject {
  size: number;
  stream: Readable;
}

/** Path segments of letters, digits, `.`, `_` and `-` (no `..`), joined by `/`. */
export const OBJECT_KEY = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._-]{1,128}(?:\/[A-Za-z0-9._-]{1,128}){0,7}$/;

export function assertObjectKey(key: string): string {
  if (!OBJECT_KEY.test(key)) throw new Error(`invalid object key ${JSON.stringify(key)}`);
  return key;
}
