import { mkdir, open as openFile, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { assertObjectKey, type ObjectStorage } from './object-storage';

/**
 * Objects as files under one folder (the embedded default). Writes go to a temporary file
 * first and are renamed into place, so a reader or a crash never sees half a file. Files are
 * served by the platform itself behind HMAC-signed URLs (presignedGetUrl is null).
 */
export function createFilesystemStorage(dir: string): ObjectStorage & { root: string; pathOf(key: string): string } {
  const root = path.resolve(dir);
  const pathOf = (key: string) => path.join(root, ...assertObjectKey(key).split('/'));
  return {
    kind: 'filesystem',
    root,
    pathOf,
    async put(key, body) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temporary, body);
      await rename(temporary, target);
    },
    async get(key) {
      // Opened before it is measured and read: a move after this point leaves the open file
      // readable, instead of failing a response halfway through.
      let handle: FileHandle;
      try {
        handle = await openFile(pathOf(key), 'r');
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
    async size(key) {
      try {
        const info = await stat(pathOf(key));
        return info.isFile() ? info.size : null;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async move(from, to) {
      const target = pathOf(to);
      await mkdir(path.dirname(target), { recursive: true });
      try {
        await rename(pathOf(from), target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    },
    async presignedGetUrl() {
      return null;
    },
  };
}
