import type { ObjectStorageEnv } from '../env';
import { createFilesystemStorage } from './filesystem';
import type { ObjectStorage } from './object-storage';
import { createS3Storage } from './s3';

/** The storage OBJECT_STORAGE names: a folder (ASSETS_DIR) or an S3 bucket. */
export function createObjectStorage(env: ObjectStorageEnv): ObjectStorage {
  return env.kind === 's3' ? createS3Storage(env.s3) : createFilesystemStorage(env.dir);
}
