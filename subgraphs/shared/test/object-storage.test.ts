import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { startS3ContractServer } from '@cameo/test-helpers/s3-contract-server';
import { createFilesystemStorage } from '../src/object-storage/filesystem';
import type { ObjectStorage } from '../src/object-storage/object-storage';
import { createS3Storage } from '../src/object-storage/s3';
import { ConfigError, readObjectStorageEnv } from '../src/env';

/** The same contract on both backends: the filesystem, and S3 against a local contract server. */
let dir: string;
let s3: Awaited<ReturnType<typeof startS3ContractServer>>;
const backends: Record<string, () => ObjectStorage> = {};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cameo-objects-'));
  s3 = await startS3ContractServer({ bucket: 'cameo', accessKeyId: 'test-key' });
  backends.filesystem = () => createFilesystemStorage(dir);
  backends.s3 = () =>
    createS3Storage({
      endpoint: s3.url,
      bucket: 'cameo',
      region: 'us-east-1',
      accessKeyId: 'test-key',
      secretAccessKey: 'test-secret',
      forcePathStyle: true,
    });
});
afterAll(async () => {
  await s3?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(['filesystem', 's3'])('%s object storage', (kind) => {
  const storage = () => backends[kind]!();

  it('puts, reads, sizes, moves and deletes an object', async () => {
    const objects = storage();
    await objects.put('recordings/a.mp4', Buffer.from('hello'), 'video/mp4');
    expect(await objects.size('recordings/a.mp4')).toBe(5);
    const got = await objects.get('recordings/a.mp4');
    expect(got?.size).toBe(5);
    expect(await text(got!.stream)).toBe('hello');
    await objects.move('recordings/a.mp4', 'quarantine/a.mp4');
    expect(await objects.get('recordings/a.mp4')).toBeNull();
    expect(await objects.size('quarantine/a.mp4')).toBe(5);
    // Moving again (already moved) and deleting something missing are fine.
    await objects.move('recordings/a.mp4', 'quarantine/a.mp4');
    await objects.delete('quarantine/a.mp4');
    await objects.delete('quarantine/a.mp4');
    expect(await objects.size('quarantine/a.mp4')).toBeNull();
  });

  it('refuses keys that could leave its folder or bucket prefix', async () => {
    const objects = storage();
    for (const key of ['../escape', 'a/../../b', '/absolute', 'a//b', '', 'a/./b', 'spaces here']) {
      await expect(objects.put(key, Buffer.from('x'))).rejects.toThrow(/invalid object key/);
    }
  });
});

it('on S3, hands out presigned GET URLs that work until they expire', async () => {
  const objects = backends.s3!();
  await objects.put('assets/v.gif', Buffer.from('GIF89a'), 'image/gif');
  const url = await objects.presignedGetUrl('assets/v.gif', { expiresInSeconds: 60, contentType: 'image/gif' });
  expect(url).toMatch(/X-Amz-Signature=/);
  const response = await fetch(url!);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('image/gif');
  expect(await response.text()).toBe('GIF89a');
  // An expired one (signed a minute ago for one second) is refused.
  const expired = new URL(url!);
  const past = new Date(Date.now() - 60_000)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  expired.searchParams.set('X-Amz-Date', past);
  expired.searchParams.set('X-Amz-Expires', '1');
  expect((await fetch(expired)).status).toBe(403);
  // Without credentials the bucket answers nothing.
  expect((await fetch(`${s3.url}/cameo/assets/v.gif`)).status).toBe(403);
  expect(s3.requests.filter((request) => request.presigned).map((request) => request.key)).toEqual(['assets/v.gif']);
});

it('on the filesystem, has no presigned URLs (the platform signs and streams its own)', async () => {
  expect(await backends.filesystem!().presignedGetUrl('assets/v.gif', { expiresInSeconds: 60 })).toBeNull();
});

describe('readObjectStorageEnv', () => {
  it('defaults to the filesystem under ASSETS_DIR and reads the S3 settings', () => {
    expect(readObjectStorageEnv({})).toEqual({ kind: 'filesystem', dir: '.cameo/assets' });
    const env = readObjectStorageEnv({
      OBJECT_STORAGE: 's3',
      S3_ENDPOINT: 'http://minio:9000',
      S3_BUCKET: 'cameo',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(env).toMatchObject({
      kind: 's3',
      s3: { endpoint: 'http://minio:9000', bucket: 'cameo', region: 'us-east-1', forcePathStyle: true },
    });
  });

  it('fails fast on a missing bucket or an unknown backend', () => {
    expect(() => readObjectStorageEnv({ OBJECT_STORAGE: 's3', S3_ACCESS_KEY_ID: 'a', S3_SECRET_ACCESS_KEY: 'b' })).toThrow(
      new ConfigError('refusing to start: S3_BUCKET is required when OBJECT_STORAGE=s3'),
    );
    expect(() => readObjectStorageEnv({ OBJECT_STORAGE: 'gcs' })).toThrow(ConfigError);
  });
});
