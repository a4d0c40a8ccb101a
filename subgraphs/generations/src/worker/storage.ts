import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where rendered files and their manifests live. Local folder by default; an object store
 * fits the same interface. Writes are atomic (temp file, then rename), so a reader or a
 * crash never sees half a file.
 */
export interface AssetStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  remove(key: string): Promise<void>;
  /** Absolute folder served at /assets (local storage only). */
  readonly dir: string;
}

const KEY = /^[0-9a-f-]{36}(\.[a-z0-9.]+)$/;

export function createLocalStorage(dir: string): AssetStorage {
  const root = path.resolve(dir);
  const file = (key: string) => {
    if (!KEY.test(key)) throw new Error(`invalid asset key ${key}`);
    return path.join(root, key);
  };
  return {
    dir: root,
    async put(key, bytes) {
      await mkdir(root, { recursive: true });
      const target = file(key);
      const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, target);
    },
    async remove(key) {
      await rm(file(key), { force: true });
    },
  };
}
