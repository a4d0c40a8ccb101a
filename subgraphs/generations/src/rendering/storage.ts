import { mkdir, open as openFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';

/**
 * Where a file sits: `live` (a visible video's files) or `quarantine` (a hidden video's, which
 * only its creator may still read through a signed URL).
 */
export type AssetArea = 'live' | 'quarantine';

/**
 * Where rendered files and their manifests live. Local folder by default; an object store
 * fits the same interface. Writes are atomic (temp file, then rename), so a reader or a
 * crash never sees half a file. Nothing here decides who may read a file: the /assets route does.
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
}

/**
 * Asset keys: 128 random bits in hex and an extension (`<32 hex>.gif`, `<32 hex>.manifest.json`).
 * Never the generation id, which every feed and notification shows.
 */
export const ASSET_KEY = /^[0-9a-f]{32}\.[a-z0-9]{1,10}(?:\.[a-z0-9]{1,10})?$/;

/** A new unguessable base for one generation's files: `<base>.<ext>` and `<base>.manifest.json`. */
export const newAssetBase = () => randomBytes(16).toString('hex');

export function createLocalStorage(dir: string): AssetStorage {
  const root = path.resolve(dir);
  const quarantineRoot = path.join(root, 'quarantine');
  const file = (key: string, area: AssetArea = 'live') => {
    if (!ASSET_KEY.test(key)) throw new Error(`invalid asset key ${key}`);
    return path.join(area === 'live' ? root : quarantineRoot, key);
  };
  return {
    async put(key, bytes) {
      await mkdir(root, { recursive: true });
      const target = file(key);
      const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, target);
    },
    async remove(key) {
      await rm(file(key), { force: true });
      await rm(file(key, 'quarantine'), { force: true });
    },
    async quarantine(key) {
      const from = file(key);
      await mkdir(quarantineRoot, { recursive: true });
      try {
        await rename(from, file(key, 'quarantine'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    },
    async open(key, area) {
      // Opened before it is measured and read: a move to quarantine after this point leaves the
      // open file readable, instead of failing the stream halfway through a response.
      let handle: FileHandle;
      try {
        handle = await openFile(file(key, area), 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      const info = await handle.stat().catch(async (error: unknown) => {
        await handle.close();
        throw error;
      });
      if (!info.isFile()) {
        await handle.close();
        return null;
      }
      return { size: info.size, stream: handle.createReadStream() };
    },
  };
}
