import pLimit from 'p-limit';
import pg from 'pg';
import type { Logger } from '@cameo/kernel/logger';
import {
  CameoError,
  CameoOfUserDocument,
  CreateCommentDocument,
  CreateGenerationDocument,
  FollowDocument,
  GenerationDocument,
  LikeGenerationDocument,
  PublishGenerationDocument,
  SetCameoPolicyDocument,
  SignInDocument,
  SignUpDocument,
  StartCameoVerificationDocument,
  DeleteCameoDocument,
  CameoVerificationDocument,
  uploadRecording,
  createCameoClient,
  type CameoClient,
} from '@cameo/sdk';
import { recordPhrase } from './demo-recording';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_VIDEOS, demoComments, demoFollows, demoLikers, type DemoPerson } from './demo-world';

/**
 * The demo world (`npm start -- --demo`, and by default on a new, empty database): people,
 * cameos, follows, rendered and published videos, likes and comments, made through the
 * gateway's public API with the SDK's persisted operations, as a client would — every rule,
 * rate limit and quota applies; each person acts with their own session. It stays within the
 * per-address rate limit (about 500 requests; RATE_LIMIT_IP_PER_MINUTE is 1,200).
 */

/** `auto`: only when the database has no account yet; `on`: unless the demo world is there; `off`: never. */
export type DemoMode = 'auto' | 'on' | 'off';

/**
 * `--demo` / `--no-demo` on the command line, else CAMEO_DEMO (1/true/0/false). Default: `auto`,
 * except in production and in tests (NODE_ENV production or test), where it is `off` unless asked.
 * Production never gets a demo world, even when asked.
 */
export function readDemoMode(argv: string[], env: Record<string, string | undefined>): DemoMode {
  if (env.NODE_ENV === 'production') return 'off';
  if (argv.includes('--no-demo')) return 'off';
  if (argv.includes('--demo')) return 'on';
  const setting = env.CAMEO_DEMO?.trim().toLowerCase();
  if (setting === '1' || setting === 'true') return 'on';
  if (setting === '0' || setting === 'false') return 'off';
  if (setting) throw new Error(`CAMEO_DEMO must be 1, true, 0 or false, not "${env.CAMEO_DEMO}"`);
  return env.NODE_ENV === 'test' ? 'off' : 'auto';
}

/** Requests in flight at once: sign-ups hash passwords (scrypt, libuv's 4 threads), the rest are light. */
const CONCURRENCY = 6;
/**
 * SERVICE_UNAVAILABLE says "try again shortly": while the first cameos are verified (speech
 * recognition beside the embedded database on a loaded machine), a session check once missed its
 * 2 s and the whole demo world was given up. A request is tried this many times, a second apart.
 */
const UNAVAILABLE_TRIES = 5;

async function patiently<T>(request: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (!(error instanceof CameoError && error.code === 'SERVICE_UNAVAILABLE') || attempt === UNAVAILABLE_TRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}
const RENDER_TIMEOUT_MS = 120_000;

interface Member extends DemoPerson {
  id: string;
  client: CameoClient;
  cameoId?: string;
}

/** Signs up (or, after an interrupted run, back in) as a demo person. */
async function join(url: string, person: DemoPerson, bounded: (client: CameoClient) => CameoClient): Promise<Member> {
  const client = bounded(createCameoClient({ url }));
  let session: { token: string; user: { id: string } };
  try {
    session = (
      await client.request(SignUpDocument, { input: { handle: person.handle, displayName: person.displayName, password: DEMO_PASSWORD } })
    ).signUp;
  } catch (error) {
    if (!(error instanceof CameoError && error.code === 'HANDLE_TAKEN')) throw error;
    session = (await client.request(SignInDocument, { handle: person.handle, password: DEMO_PASSWORD })).signIn;
  }
  client.setToken(session.token);
  return { ...person, id: session.user.id, client };
}

/**
 * A verified personal cameo, made as a person would: the phrase spoken in a recording
 * (demo-recording.ts: espeak-ng and ffmpeg) uploaded to the cameo's signed upload URL by tus,
 * then verification awaited. Without espeak-ng and ffmpeg there is no recording to make: the
 * demo world needs them (the dev verifier would accept anything, the real one needs speech).
 */
export async function verifyCameo(client: CameoClient, gatewayUrl: string): Promise<string> {
  // A phrase the offline recogniser misses at every speed (CI's loaded machine met one): as a
  // person would, delete the cameo and start again, which draws a new phrase.
  for (let phrase = 1; ; phrase++) {
    const { startCameoVerification: started } = await client.request(StartCameoVerificationDocument, { input: { kind: 'PERSON' } });
    const cameo = await recordTakes(client, gatewayUrl, started);
    if (cameo.status === 'VERIFIED') return started.id;
    if (phrase === PHRASES || cameo.rejectionCode !== 'PHRASE_NOT_HEARD') {
      throw new Error(`cameo not verified: ${cameo.rejectionReason ?? cameo.rejectionCode}`);
    }
    await client.request(DeleteCameoDocument, { cameoId: started.id });
  }
}

/** Records a cameo's phrase and awaits the verdict, again and slower while the phrase was not heard. */
async function recordTakes(
  client: CameoClient,
  gatewayUrl: string,
  started: { id: string; uploadUrl?: string | null; verificationPhrase?: string | null },
) {
  let uploadUrl = started.uploadUrl!;
  for (const wordsPerMinute of TAKES_WORDS_PER_MINUTE) {
    const recording = await recordPhrase(started.verificationPhrase!, wordsPerMinute);
    if (!recording) throw new Error('the demo world records its cameos with espeak-ng and ffmpeg: apt-get install espeak-ng ffmpeg');
    await uploadRecording({ url: new URL(uploadUrl, gatewayUrl).href, file: recording, contentType: 'video/mp4' });
    const cameo = await verdict(client, started.id);
    if (cameo.status === 'VERIFIED' || wordsPerMinute === TAKES_WORDS_PER_MINUTE.at(-1)) return cameo;
    if (cameo.rejectionCode !== 'PHRASE_NOT_HEARD' || !cameo.uploadUrl) return cameo;
    uploadUrl = cameo.uploadUrl;
  }
  throw new Error('unreachable');
}

/** Phrases a demo person tries (each recorded at every speed below) before the demo gives up. */
const PHRASES = 3;

/** espeak-ng's speed for each take of a demo cameo's recording. */
const TAKES_WORDS_PER_MINUTE = [175, 140, 115] as const;

/**
 * The waits between one person's polls: 250 ms, growing by half up to 4 s. Every person polls at
 * once, and verification queues their recordings: at a steady 250 ms, 24 people waiting a
 * minute on a loaded machine sent more than the per-address limit (1,200 a minute; CI met it).
 */
function backoff(): () => Promise<void> {
  let ms = 250;
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    ms = Math.min(4_000, ms * 1.5);
  };
}

/** The cameo once its verification has settled (VERIFIED or REJECTED). */
async function verdict(client: CameoClient, id: string) {
  const deadline = Date.now() + RENDER_TIMEOUT_MS;
  const pause = backoff();
  for (;;) {
    const { cameo } = await client.request(CameoVerificationDocument, { id });
    if (cameo && (cameo.status === 'VERIFIED' || cameo.status === 'REJECTED')) return cameo;
    if (Date.now() > deadline) throw new Error(`cameo ${id} was not verified in ${RENDER_TIMEOUT_MS / 1000} s`);
    await pause();
  }
}

/** Waits for a render to finish (the worker runs the local model adapter). */
async function rendered(client: CameoClient, id: string): Promise<void> {
  const deadline = Date.now() + RENDER_TIMEOUT_MS;
  const pause = backoff();
  for (;;) {
    const { generation } = await client.request(GenerationDocument, { id });
    if (generation?.status === 'COMPLETED') return;
    if (!generation || ['FAILED', 'CANCELLED', 'BLOCKED'].includes(generation.status)) {
      throw new Error(`generation ${id} ended ${generation?.status ?? 'missing'}: ${generation?.errorReason ?? ''}`);
    }
    if (Date.now() > deadline) throw new Error(`generation ${id} did not render in ${RENDER_TIMEOUT_MS / 1000} s`);
    await pause();
  }
}

/** Whether the demo world is there already: its first person has an account. */
export async function demoWorldExists(url: string): Promise<boolean> {
  const { userByHandle } = await createCameoClient({ url }).request(CameoOfUserDocument, { handle: DEMO_PEOPLE[0]!.handle });
  return userByHandle !== null;
}

export interface DemoSummary {
  people: number;
  videos: number;
  likes: number;
  comments: number;
}

/**
 * Fills the demo world through the gateway at `url`. Every person's steps run at once and every
 * request waits for one of CONCURRENCY slots, so renders (waited for outside the slots) overlap
 * with follows, and sign-ups with verifying the first cameos.
 */
export async function fillDemoWorld(url: string): Promise<DemoSummary> {
  const limit = pLimit(CONCURRENCY);
  const bounded = (client: CameoClient): CameoClient => ({
    ...client,
    request: (document, ...variables) => limit(() => patiently(() => client.request(document, ...variables))),
  });
  const all = <T, R>(items: readonly T[], fn: (item: T, index: number) => Promise<R>) => Promise.all(items.map(fn));

  const members = await all(DEMO_PEOPLE, async (person) => {
    const member = await join(url, person, bounded);
    member.cameoId = await verifyCameo(member.client, url);
    await member.client.request(SetCameoPolicyDocument, { cameoId: member.cameoId, input: { policy: member.policy } });
    return member;
  });
  const [videoIds] = await Promise.all([
    all(DEMO_VIDEOS, async ({ creator, prompt, caption, cast }, v) => {
      const { client } = members[creator]!;
      const { createGeneration } = await client.request(CreateGenerationDocument, {
        input: { prompt, seconds: 1, cameoIds: cast.map((person) => members[person]!.cameoId!), idempotencyKey: `demo-video-${v}` },
      });
      await rendered(client, createGeneration.id);
      await client.request(PublishGenerationDocument, { id: createGeneration.id, caption });
      return createGeneration.id;
    }),
    all(demoFollows(), ([follower, followed]) => members[follower]!.client.request(FollowDocument, { userId: members[followed]!.id })),
  ]);

  const likes = DEMO_VIDEOS.flatMap((_, v) => demoLikers(v).map((person) => [person, videoIds[v]!] as const));
  const comments = DEMO_VIDEOS.flatMap((_, v) => demoComments(v).map(({ author, body }) => ({ author, body, id: videoIds[v]! })));
  await Promise.all([
    all(likes, ([person, id]) => members[person]!.client.request(LikeGenerationDocument, { id })),
    all(comments, ({ author, body, id }) => members[author]!.client.request(CreateCommentDocument, { input: { generationId: id, body } })),
  ]);
  return { people: members.length, videos: videoIds.length, likes: likes.length, comments: comments.length };
}

/**
 * Whether no account exists yet: a new database, where `auto` fills the demo world. Read from
 * the database npm start has just migrated (as the migration runner does), because the public
 * API rightly cannot say how many accounts there are.
 */
export async function hasNoAccounts(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM users."user") AS empty')).rows[0]!.empty;
  } finally {
    await client.end();
  }
}

/** Fills the demo world through the gateway when `mode` asks for it; a failure is logged, never fatal. */
export async function fillDemoWorldIfAsked(mode: DemoMode, newDatabase: boolean, gatewayUrl: string, log: Logger) {
  if (mode === 'off' || (mode === 'auto' && !newDatabase)) return;
  try {
    if (await demoWorldExists(gatewayUrl)) {
      if (mode === 'on') log.info(`the demo world is already there (@${DEMO_PEOPLE[0]!.handle} exists): nothing added`);
      return;
    }
    // Checked before the first sign-up: a world left half made would count as there next time.
    if (!(await recordPhrase('hello'))) {
      log.error(
        'the demo world needs espeak-ng and ffmpeg to record its cameos (apt-get install espeak-ng ffmpeg); ' +
          'nothing was added: npm start -- --demo fills it once they are installed',
      );
      return;
    }
    log.info(
      mode === 'auto'
        ? 'the database is new and empty: filling a demo world through the API (npm start -- --no-demo or CAMEO_DEMO=0 to skip)'
        : 'filling the demo world through the API',
    );
    const started = Date.now();
    const { people, videos, likes, comments } = await fillDemoWorld(gatewayUrl);
    log.info(
      `demo world ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${people} people, ${videos} published videos, ${likes} likes, ` +
        `${comments} comments; sign in as @${DEMO_PEOPLE[0]!.handle} (or any demo handle) with the password "${DEMO_PASSWORD}"`,
    );
  } catch (error) {
    log.error(`the demo world could not be filled: ${error instanceof Error ? error.message : String(error)}`);
  }
}
