import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, readCameoVerifierEnv } from '@cameo/kernel/env';
import { createLogger } from '@cameo/kernel/logger';
import { createFilesystemStorage } from '@cameo/kernel/object-storage/filesystem';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { until } from '@cameo/test-helpers/graphql';
import { createDb, type UsersDb } from '../src/db';
import { chooseVerifier } from '../src/verification/choose-verifier';
import { startVerificationRunner } from '../src/verification/runner';
import type { CameoVerifier } from '../src/verification/verifier';

/**
 * The verification runner against a real database: a job left behind by a runner that died
 * holding it is taken again once its lease runs out, and exactly once.
 */
let database: TestDatabase;
let db: UsersDb;
let dir: string;
const logger = createLogger('users');
const accept: CameoVerifier = {
  description: 'accepts',
  checksNothing: false,
  verify: async () => ({
    verified: true,
    checks: { mediaCheck: 'PASSED', speechCheck: 'PASSED', livenessCheck: 'NOT_CHECKED', likenessCheck: 'NOT_CHECKED' },
  }),
};

beforeAll(async () => {
  database = await createTestDatabase('users_verification_runner');
  db = createDb(database.url, 4);
  dir = mkdtempSync(path.join(os.tmpdir(), 'cameo-runner-'));
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function pendingCameo(handle: string, leaseUntil: Date | null) {
  const storage = createFilesystemStorage(dir);
  await storage.put(`recordings/${handle}`, Buffer.from('bytes'));
  const user = await db.user.create({ data: { handle, displayName: handle, passwordHash: 'x' } });
  const cameo = await db.cameo.create({
    data: {
      ownerId: user.id,
      kind: 'PET',
      name: handle,
      verificationPhrase: 'apple river seven garden',
      uploadKey: handle.padEnd(32, '0'),
      status: 'PENDING_REVIEW',
      recordingKey: `recordings/${handle}`,
      recordingBytes: 5,
    },
  });
  await db.cameoVerificationJob.create({ data: { cameoId: cameo.id, recordingKey: `recordings/${handle}`, attempts: 1, leaseUntil } });
  return cameo.id;
}

it('takes up a job whose runner died holding it once the lease expires, verifies once and emits the outcome', async () => {
  const id = await pendingCameo('crashed', new Date(Date.now() + 1500));
  let calls = 0;
  const verifier = { ...accept, verify: async (input: Parameters<CameoVerifier['verify']>[0]) => (calls++, accept.verify(input)) };
  const runners = [1, 2].map(() =>
    startVerificationRunner({ db, storage: createFilesystemStorage(dir), verifier, logger }, { pollMs: 50 }),
  );
  try {
    await until('verified', async () => (await db.cameo.findUniqueOrThrow({ where: { id } })).status === 'VERIFIED', 10_000);
    expect(calls).toBe(1);
    expect(await db.cameoVerificationJob.count()).toBe(0);
    const events = await db.outboxEvent.findMany({ where: { topic: 'cameo.verification_completed' } });
    expect(events.map((event) => event.payload)).toEqual([expect.objectContaining({ cameoId: id, status: 'VERIFIED' })]);
  } finally {
    await Promise.all(runners.map((runner) => runner.stop()));
  }
});

it('rejects with VERIFICATION_FAILED after the last attempt instead of leaving the cameo pending', async () => {
  const id = await pendingCameo('broken', null);
  await db.cameoVerificationJob.update({ where: { cameoId: id }, data: { attempts: 4 } });
  const failing = { ...accept, verify: async () => Promise.reject(new Error('recogniser down')) };
  const runner = startVerificationRunner({ db, storage: createFilesystemStorage(dir), verifier: failing, logger }, { pollMs: 50 });
  try {
    await until('rejected', async () => (await db.cameo.findUniqueOrThrow({ where: { id } })).status === 'REJECTED', 10_000);
    expect(await db.cameo.findUniqueOrThrow({ where: { id } })).toMatchObject({ rejectionCode: 'VERIFICATION_FAILED' });
  } finally {
    await runner.stop();
  }
});

describe('choosing the verifier', () => {
  it('refuses the dev verifier in production, explicitly or as a fallback', () => {
    expect(() => readCameoVerifierEnv({ NODE_ENV: 'production', CAMEO_VERIFIER: 'dev' })).toThrow(ConfigError);
    const original = process.env.PATH;
    process.env.PATH = dir; // no ffmpeg, no pocketsphinx here
    try {
      expect(() => chooseVerifier(readCameoVerifierEnv({ NODE_ENV: 'production' }), logger)).toThrow(/refusing to start/);
      // Outside production the fallback is the dev verifier, which says it checks nothing.
      expect(chooseVerifier(readCameoVerifierEnv({ NODE_ENV: 'development' }), logger).checksNothing).toBe(true);
    } finally {
      process.env.PATH = original;
    }
  });

  it('uses the real checks when the tools are installed, and OpenAI only with a key', () => {
    expect(chooseVerifier(readCameoVerifierEnv({ NODE_ENV: 'production' }), logger).description).toMatch(/pocketsphinx/);
    expect(() => readCameoVerifierEnv({ CAMEO_VERIFIER: 'openai' })).toThrow(/OPENAI_API_KEY/);
    expect(chooseVerifier(readCameoVerifierEnv({ CAMEO_VERIFIER: 'openai', OPENAI_API_KEY: 'sk' }), logger).description).toMatch(
      /OpenAI gpt-4o-mini-transcribe/,
    );
  });
});
