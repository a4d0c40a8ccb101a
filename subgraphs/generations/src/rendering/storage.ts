import type { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { createFilesystemStorage } from '@cameo/kernel/object-storage/filesystem';
import type { ObjectStorage } from '@cameo/kernel/object-storage/object-storage';

/**
 * Where a file sits: `live` (a visible video's files) or `quarantine` (a hidden video's, which
 * only its creator may still read through a signed URL).
 */
export type AssetArea = 'live' | 'quarantine';

/**
 * Where rendered files and their manifests live, on the platform's object storage (a folder
 * by default, an S3 bucket when configured; see @cameo/kernel/object-storage): a visible
 * video's files at `<key>`, a hidden one's at `quarantine/<key>`. Nothing here decides who may
 * read a file: the /assets route does.
 */
export interface AssetStorage {
  /** Writes a file to the live area. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** Removes a file from both areas (missing is fine). */
  remove(key: string): Promise<void>;
  /** Moves a file from the live area to quarantine; idempotent (already moved or missing is fine). */
  quarantine(key: string): Promise<void>;
  /** Opens a file in one area, or null when it is not there. */
  open(key: string, area: AssetArea): Promise<{ size: number; stream: Readable } | null>;
  /**
   * On S3: a presigned URL (valid `expiresInSeconds`) for a file that exists in that area, or
   * null when it does not. On the filesystem: undefined (the route streams the file itself).
   */
  presignedUrl(key: string, area: AssetArea, expiresInSeconds: number): Promise<string | null | undefined>;
}

/**
 * Asset keys: 128 random bits in hex and an extension (`<32 hex>.gif`, `<32 hex>.manifest.json`).
 * Never the generation id, which every feed and notification shows.
 */
export const ASSET_KEY = /^[0-9a-f]{32}\.[a-z0-9]{1,10}(?:\.[a-z0-9]{1,10})?$/;

/** A new unguessable base for one generation's files: `<base>.<ext>` and `<base>.manifest.json`. */
export const newAssetBase = () => randomBytes(16).toString('hex');

const CONTENT_TYPES: Record<string, string> = { gif: 'image/gif', mp4: 'video/mp4', json: 'application/json' };
/** The content type a file is served with, from its key's extension. */
export const assetContentType = (key: string) => CONTENT_TYPES[key.split('.').at(-1)!] ?? 'application/octet-stream';

export function createAssetStorage(objects: ObjectStorage): AssetStorage {
  const objectKey = (key: string, area: AssetArea = 'live') => {
    if (!ASSET_KEY.test(key)) throw new Error(`invalid asset key ${key}`);
    return area === 'live' ? key : `quarantine/${key}`;
  };
  return {
    put: (key, bytes) => objects.put(objectKey(key), bytes, assetContentType(key)),
    async remove(key) {
      await objects.delete(objectKey(key));
      await objects.delete(objectKey(key, 'quarantine'));
    },
    quarantine: (key) => objects.move(objectKey(key), objectKey(key, 'quarantine')),
    open: (key, area) => objects.get(objectKey(key, area)),
    async presignedUrl(key, area, expiresInSeconds) {
      if (objects.kind === 'filesystem') return undefined;
      if ((await objects.size(objectKey(key, area))) === null) return null;
      return objects.presignedGetUrl(objectKey(key, area), { expiresInSeconds, contentType: assetContentType(key) });
    },
  };
}

/** Files in a local folder (the embedded default). */
export const createLocalStorage = (dir: string) => createAssetStorage(createFilesystemStorage(dir));
