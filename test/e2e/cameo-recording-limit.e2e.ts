import { randomBytes } from 'node:crypto';
import { uploadRecording, UploadError } from '@cameo/sdk/upload';
import { createDb, type UsersDb } from '@cameo/users/db';
import { RECORDINGS_PER_DAY } from '@cameo/users/verification/recording-attempts';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { codes, graphql, ok, until } from '@cameo/test-helpers/graphql';
import { startStack, type TestStack } from '@cameo/test-helpers/stack';
import { signUp, type TestUser } from '@cameo/test-helpers/users';

/**
 * At most RECORDINGS_PER_DAY recordings per account go to verification in 24 hours
 * (subgraphs/users/src/verification/recording-attempts.ts), whichever way one is sent: a new
 * cameo, a rejected one recorded again, a deleted one started afresh, two uploads finishing at
 * once. The dev verifier (which accepts any upload) stands in for the speech check: the count
 * is of recordings sent, whatever their verdict.
 */
let database: TestDatabase;
let stack: TestStack;
let db: UsersDb;

const TUS = { 'tus-resumable': '1.0.0' };
const START = `mutation ($input: StartCameoVerificationInput!) { startCameoVerification(input: $input) { id uploadUrl } }`;
const STATUS = `query ($id: ID!) { cameo(id: $id) { status } }`;
const absolute = (url: string) => new URL(url, stack.gatewayUrl).href;
const RECORDING = randomBytes(2048);

const start = (user: TestUser, name: string) =>
  graphql(stack.gatewayUrl, START, { token: user.token, variables: { input: { kind: 'OBJECT', name } } });
const started = async (user: TestUser, name: string) =>
  (await ok(start(user, name))).startCameoVerification as { id: string; uploadUrl: string };
const send = (uploadUrl: string) => uploadRecording({ url: absolute(uploadUrl), file: RECORDING, contentType: 'video/mp4' });
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof UploadError ? error.status : error),
  );
/** A tus upload created (its bytes not sent yet): the URL its bytes go to. */
async function createUpload(uploadUrl: string): Promise<Response | string> {
  const created = await fetch(absolute(uploadUrl), {
    method: 'POST',
    headers: { ...TUS, 'upload-length': String(RECORDING.length), 'upload-metadata': `filetype ${btoa('video/mp4')}` },
  });
  if (created.status !== 201) return created;
  return new URL(created.headers.get('location')!, absolute(uploadUrl)).href;
}
const sendBytes = (location: string) =>
  fetch(location, {
    method: 'PATCH',
    headers: { ...TUS, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    body: RECORDING,
  });
const status = async (user: TestUser, id: string) =>
  ((await ok(graphql(stack.gatewayUrl, STATUS, { token: user.token, variables: { id } }))).cameo as { status: string }).status;
const counted = (user: TestUser) => db.cameoRecordingAttempt.count({ where: { ownerId: user.id } });

beforeAll(async () => {
  database = await createTestDatabase('e2e_cameo_recording_limit');
  stack = await startStack(database.url, { recordingsPerDay: RECORDINGS_PER_DAY });
  db = createDb(database.url, 2);
});
afterAll(async () => {
  await db?.$disconnect();
  await stack?.stop();
  await database?.drop();
});

it(`takes ${RECORDINGS_PER_DAY} recordings a day, then refuses new cameos and uploads with RATE_LIMITED / 429 and when to retry`, async () => {
  const owner = await signUp(stack.gatewayUrl, 'limited');
  const spare = await started(owner, 'Spare');
  for (let i = 0; i < RECORDINGS_PER_DAY; i++) await send((await started(owner, `Thing ${i}`)).uploadUrl);
  expect(await counted(owner)).toBe(RECORDINGS_PER_DAY);

  const refused = await start(owner, 'One more');
  expect(codes(refused)).toEqual(['RATE_LIMITED']);
  expect(refused.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(23 * 3600);
  // A cameo made before the limit was reached takes no recording either, before any byte is sent.
  const created = (await createUpload(spare.uploadUrl)) as Response;
  expect(created.status).toBe(429);
  expect(Number(created.headers.get('retry-after'))).toBeGreaterThan(23 * 3600);
  expect(await created.text()).toMatch(/recordings a day at most/);
  expect(await status(owner, spare.id)).toBe('AWAITING_RECORDING');
  expect(await counted(owner)).toBe(RECORDINGS_PER_DAY);

  // Deleting cameos gives no place back.
  const [first] = await db.cameo.findMany({ where: { ownerId: owner.id, status: 'VERIFIED' }, take: 1 });
  await ok(
    graphql(
      stack.gatewayUrl,
      `
        mutation ($id: ID!) {
          deleteCameo(cameoId: $id)
        }
      `,
      { token: owner.token, variables: { id: first!.id } },
    ),
  );
  expect(codes(await start(owner, 'After a delete'))).toEqual(['RATE_LIMITED']);

  // A day later the oldest recording no longer counts: one place frees.
  const oldest = await db.cameoRecordingAttempt.findFirst({ where: { ownerId: owner.id }, orderBy: { at: 'asc' } });
  await db.cameoRecordingAttempt.update({ where: { id: oldest!.id }, data: { at: new Date(Date.now() - 25 * 3600 * 1000) } });
  expect(await refusal(send(spare.uploadUrl))).toBeNull();
  expect(codes(await start(owner, 'Still full'))).toEqual(['RATE_LIMITED']);
  // The day-old row is dropped when the new one is counted.
  expect(await counted(owner)).toBe(RECORDINGS_PER_DAY);
});

it('lets only one of two uploads finishing at once take the last place; the other is refused and its cameo still awaits a recording', async () => {
  const owner = await signUp(stack.gatewayUrl, 'racing');
  for (let i = 0; i < RECORDINGS_PER_DAY - 1; i++) await send((await started(owner, `Thing ${i}`)).uploadUrl);
  const [a, b] = [await started(owner, 'A'), await started(owner, 'B')];
  // Both uploads are created while one place is left; their last bytes arrive together.
  const locations = await Promise.all([createUpload(a.uploadUrl), createUpload(b.uploadUrl)]);
  const finished = await Promise.all(locations.map((location) => sendBytes(location as string)));
  expect(finished.map((response) => response.status).sort()).toEqual([204, 429]);
  expect(await counted(owner)).toBe(RECORDINGS_PER_DAY);

  const loser = finished[0]!.status === 429 ? a : b;
  expect(await status(owner, loser.id)).toBe('AWAITING_RECORDING');
  const stored = await db.cameo.findUniqueOrThrow({ where: { id: loser.id } });
  expect(stored.recordingKey).toBeNull();
  const winner = loser === a ? b : a;
  await until('the winner verified', async () => (await status(owner, winner.id)) === 'VERIFIED');
});

it('counts per account: another owner is not limited by the first', async () => {
  const first = await signUp(stack.gatewayUrl, 'first');
  for (let i = 0; i < RECORDINGS_PER_DAY; i++) await send((await started(first, `Thing ${i}`)).uploadUrl);
  expect(codes(await start(first, 'Over'))).toEqual(['RATE_LIMITED']);
  const other = await signUp(stack.gatewayUrl, 'other');
  expect(await refusal(send((await started(other, 'Mine')).uploadUrl))).toBeNull();
});
