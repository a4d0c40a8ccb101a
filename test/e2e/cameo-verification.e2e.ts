import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { uploadRecording, UploadError } from '@cameo/sdk/upload';
import { createUploadUrlSigner } from '@cameo/users/uploads/upload-urls';
import { createDb, type UsersDb } from '@cameo/users/db';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql, ok, until } from '@cameo/test-helpers/graphql';
import { makeRecording, type RecordingSpec } from '@cameo/test-helpers/recordings';
import { startStack, testSecrets, type TestStack } from '@cameo/test-helpers/stack';
import { signUp, type TestUser } from '@cameo/test-helpers/users';

/**
 * Cameo verification end to end through the gateway, with the real verifier (media check and
 * the offline speech check, as `npm start` runs it): real recordings made by espeak-ng and
 * ffmpeg go to the signed upload URL by tus, and the cameo becomes VERIFIED or REJECTED with a
 * reason by itself. Then the attacks on the upload path.
 */
let database: TestDatabase;
let stack: TestStack;
let db: UsersDb;
let owner: TestUser, stranger: TestUser;

const gql = (user: TestUser, query: string, variables?: Record<string, unknown>) =>
  ok(graphql(stack.gatewayUrl, query, { token: user.token, variables }));
const STATE = `query ($id: ID!) { cameo(id: $id) { status rejectionCode rejectionReason mediaCheck speechCheck livenessCheck likenessCheck uploadUrl recording { sizeBytes durationMs transcript } } }`;
const absolute = (url: string) => new URL(url, stack.gatewayUrl).href;

async function start(user: TestUser, kind = 'PET', name = 'Rex') {
  const { startCameoVerification } = await gql(
    user,
    `mutation ($input: StartCameoVerificationInput!) { startCameoVerification(input: $input) { id uploadUrl verificationPhrase } }`,
    { input: { kind, name } },
  );
  return startCameoVerification as { id: string; uploadUrl: string; verificationPhrase: string };
}
const upload = (uploadUrl: string, spec: RecordingSpec | Buffer, contentType = 'video/mp4') =>
  uploadRecording({
    url: absolute(uploadUrl),
    file: Buffer.isBuffer(spec) ? spec : readFileSync(makeRecording(spec)),
    contentType: Buffer.isBuffer(spec) ? contentType : spec.container === 'webm' ? 'video/webm' : 'video/mp4',
  });
/**
 * The recogniser errs now and then on some phrases (a recording of something else heard, about 1
 * in 100, or, rarer, the phrase missed: `npm run bench:speech`). Its verdict depends only on the
 * recording and the phrase, so the tests replace the phrase the API drew with a fixed one: the
 * same verdict on every run.
 */
const FIXED_PHRASE = 'river garden tiger seven';
const fixPhrase = (id: string) => db.cameo.update({ where: { id }, data: { verificationPhrase: FIXED_PHRASE } });
async function settled(user: TestUser, id: string) {
  let cameo: Record<string, unknown> = {};
  await until('verification settled', async () => {
    cameo = (await gql(user, STATE, { id })).cameo;
    return cameo.status === 'VERIFIED' || cameo.status === 'REJECTED';
  });
  return cameo;
}

beforeAll(async () => {
  database = await createTestDatabase('e2e_cameo_verification');
  stack = await startStack(database.url, { verifier: 'offline' });
  db = createDb(database.url, 2);
  [owner, stranger] = await Promise.all([signUp(stack.gatewayUrl, 'owner'), signUp(stack.gatewayUrl, 'stranger')]);
});
afterAll(async () => {
  await db?.$disconnect();
  await stack?.stop();
  await database?.drop();
});

describe('a real recording', () => {
  it('saying the phrase (MP4, H.264/AAC) verifies the cameo; liveness and likeness say NOT_CHECKED', async () => {
    const cameo = await start(owner, 'PERSON', 'Me');
    expect(cameo.verificationPhrase.split(' ')).toHaveLength(4);
    await fixPhrase(cameo.id);
    const sent: number[] = [];
    await uploadRecording({
      url: absolute(cameo.uploadUrl),
      file: readFileSync(makeRecording({ phrase: FIXED_PHRASE })),
      contentType: 'video/mp4',
      chunkBytes: 16 * 1024,
      onProgress: (bytes) => sent.push(bytes),
    });
    expect(sent.length).toBeGreaterThan(1);
    const verified = await settled(owner, cameo.id);
    expect(verified).toMatchObject({
      status: 'VERIFIED',
      rejectionCode: null,
      mediaCheck: 'PASSED',
      speechCheck: 'PASSED',
      livenessCheck: 'NOT_CHECKED',
      likenessCheck: 'NOT_CHECKED',
      uploadUrl: null,
      recording: { sizeBytes: sent.at(-1), transcript: expect.stringContaining(FIXED_PHRASE) },
    });
    expect((verified.recording as { durationMs: number }).durationMs).toBeGreaterThanOrEqual(3900);
  });

  it('in WebM (VP8/Opus, what browsers record) verifies too', async () => {
    const cameo = await start(owner, 'PET', 'Biscuit');
    await fixPhrase(cameo.id);
    await upload(cameo.uploadUrl, { phrase: FIXED_PHRASE, container: 'webm' });
    expect(await settled(owner, cameo.id)).toMatchObject({ status: 'VERIFIED', speechCheck: 'PASSED' });
  });

  it.each<[string, (phrase: string) => RecordingSpec | Buffer, string]>([
    ['the wrong phrase', () => ({ phrase: 'yellow candle forest monday' }), 'PHRASE_NOT_HEARD'],
    ['silence', () => ({ phrase: null }), 'PHRASE_NOT_HEARD'],
    ['no audio track', (phrase) => ({ phrase, audio: false }), 'RECORDING_NO_AUDIO'],
    ['two seconds', (phrase) => ({ phrase, seconds: 2 }), 'RECORDING_TOO_SHORT'],
    ['thirty-one seconds', (phrase) => ({ phrase, seconds: 31 }), 'RECORDING_TOO_LONG'],
    [
      'random bytes that claim to be MP4',
      () => Buffer.concat([Buffer.from('\0\0\0\x18ftypmp42'), Buffer.alloc(20_000, 7)]),
      'RECORDING_UNREADABLE',
    ],
  ])('with %s is REJECTED with the reason', async (_case, recording, code) => {
    const cameo = await start(owner);
    await fixPhrase(cameo.id);
    await upload(cameo.uploadUrl, recording(FIXED_PHRASE));
    const rejected = await settled(owner, cameo.id);
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionCode: code, rejectionReason: expect.any(String) });
    // A rejected cameo may be recorded again: it has an upload URL again.
    expect(rejected.uploadUrl).toEqual(expect.stringContaining('/uploads/cameos/'));
  });

  it('once rejected, a new recording with the phrase verifies it, and the old file is purged', async () => {
    const cameo = await start(owner, 'OBJECT', 'Guitar');
    await fixPhrase(cameo.id);
    await upload(cameo.uploadUrl, { phrase: 'hello there, nice weather' });
    expect(await settled(owner, cameo.id)).toMatchObject({ status: 'REJECTED', rejectionCode: 'PHRASE_NOT_HEARD' });
    const first = (await db.cameo.findUniqueOrThrow({ where: { id: cameo.id } })).recordingKey!;
    const { cameo: again } = await gql(owner, STATE, { id: cameo.id });
    await upload(again.uploadUrl, { phrase: FIXED_PHRASE });
    expect(await settled(owner, cameo.id)).toMatchObject({ status: 'VERIFIED' });
    expect(existsSync(path.join(stack.recordingsDir, first))).toBe(false);
  });
});

describe('the upload URL', () => {
  let cameo: { id: string; uploadUrl: string; verificationPhrase: string };
  const file = () => readFileSync(makeRecording({ phrase: null }));
  const create = (url: string, headers: Record<string, string> = {}) =>
    fetch(absolute(url), {
      method: 'POST',
      headers: { 'tus-resumable': '1.0.0', 'upload-length': '1000', 'upload-metadata': `filetype ${btoa('video/mp4')}`, ...headers },
    });
  beforeAll(async () => {
    cameo = await start(owner, 'PET', 'Target');
  });

  it('is given to the owner only', async () => {
    expect((await graphql(stack.gatewayUrl, STATE, { token: stranger.token, variables: { id: cameo.id } })).data?.cameo).toBeNull();
  });

  it('refuses a stranger’s own signed URL pointed at someone else’s cameo, and altered or expired URLs', async () => {
    const theirs = new URL(absolute((await start(stranger, 'PET', 'Mine')).uploadUrl));
    const target = new URL(absolute(cameo.uploadUrl));
    const forged = new URL(theirs);
    forged.pathname = target.pathname; // their signature on our upload key
    const ownerSwapped = new URL(target);
    ownerSwapped.searchParams.set('o', stranger.id); // our signature claimed for them
    const tampered = new URL(target);
    // One character changed, always to another (a fixed suffix equalled the signature 1 time in ~1,000).
    const sig = target.searchParams.get('sig')!;
    tampered.searchParams.set('sig', `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`);
    const later = new URL(target);
    later.searchParams.set('exp', String(Number(target.searchParams.get('exp')) + 3600));
    const expired = absolute(
      createUploadUrlSigner(testSecrets.uploadUrlSecret).sign(
        target.pathname.split('/').pop()!,
        owner.id,
        Math.floor(Date.now() / 1000) - 7200,
      ),
    );
    const unsigned = new URL(target);
    unsigned.search = '';
    for (const url of [forged, ownerSwapped, tampered, later, expired, unsigned]) {
      const response = await create(String(url));
      expect([String(url), response.status]).toEqual([String(url), 403]);
    }
    expect(await db.cameo.findUniqueOrThrow({ where: { id: cameo.id } })).toMatchObject({
      status: 'AWAITING_RECORDING',
      recordingKey: null,
    });
  });

  it('refuses an oversized upload, a non-video type, and a missing length', async () => {
    expect((await create(cameo.uploadUrl, { 'upload-length': String(51 * 1024 * 1024) })).status).toBe(413);
    expect((await create(cameo.uploadUrl, { 'upload-metadata': `filetype ${btoa('text/html')}` })).status).toBe(415);
    expect((await create(cameo.uploadUrl, { 'upload-metadata': `filename ${btoa('a.mp4')}` })).status).toBe(415);
    const deferred = await fetch(absolute(cameo.uploadUrl), {
      method: 'POST',
      headers: { 'tus-resumable': '1.0.0', 'upload-defer-length': '1', 'upload-metadata': `filetype ${btoa('video/mp4')}` },
    });
    expect(deferred.status).toBeGreaterThanOrEqual(400);
    // A body longer than declared is refused by tus, never stored past the declared length.
    const created = await create(cameo.uploadUrl, { 'upload-length': '10' });
    const location = absolute(created.headers.get('location')!);
    const patch = await fetch(location, {
      method: 'PATCH',
      headers: { 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      body: Buffer.alloc(100),
    });
    expect(patch.status).toBeGreaterThanOrEqual(400);
  });

  it('takes one recording: replayed after it finished, it uploads nothing; no stack trace anywhere', async () => {
    await uploadRecording({ url: absolute(cameo.uploadUrl), file: file(), contentType: 'video/mp4' });
    const replay = await uploadRecording({ url: absolute(cameo.uploadUrl), file: file(), contentType: 'video/mp4' }).catch(
      (error: unknown) => error,
    );
    expect(replay).toBeInstanceOf(UploadError);
    expect((replay as UploadError).status).toBe(409);
    expect((replay as UploadError).message).not.toMatch(/\bat \/|Error:/);
    const settledCameo = await settled(owner, cameo.id);
    expect(settledCameo.status).toBe('REJECTED'); // silence: the phrase was not heard
  });
});

it('a verification interrupted by a failing verifier is taken up again after a restart (the job is a row, not a promise)', async () => {
  const cameo = await start(owner, 'OBJECT', 'Lamp');
  let calls = 0;
  await stack.restartUsers(undefined, {
    verifier: {
      description: 'dies',
      checksNothing: false,
      verify: async () => {
        calls++;
        throw new Error('recogniser crashed');
      },
    },
  });
  await fixPhrase(cameo.id);
  await upload(cameo.uploadUrl, { phrase: FIXED_PHRASE });
  await until(
    'the first attempt failed',
    async () => (await db.cameoVerificationJob.findUnique({ where: { cameoId: cameo.id } }))?.lastError === 'recogniser crashed',
  );
  expect(calls).toBe(1);
  expect((await gql(owner, STATE, { id: cameo.id })).cameo.status).toBe('PENDING_REVIEW');
  await stack.restartUsers(); // the real verifier again
  expect(await settled(owner, cameo.id)).toMatchObject({ status: 'VERIFIED' });
  expect(await db.cameoVerificationJob.count({ where: { cameoId: cameo.id } })).toBe(0);
});
