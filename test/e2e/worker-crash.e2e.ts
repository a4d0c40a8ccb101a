import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createDb, type GenerationsDb } from '@cameo/generations/db';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import { request, until } from '@cameo/test-helpers/graphql';
import { TEST_REDIS_URL, startStack, testSecrets, type TestStack } from '@cameo/test-helpers/stack';
import { signUp, type TestUser } from '@cameo/test-helpers/users';

/** A worker killed mid-job: BullMQ's stalled-job check hands the job to another worker. */
const ROOT = path.join(__dirname, '..', '..');
let database: TestDatabase;
let stack: TestStack;
let db: GenerationsDb;
let creator: TestUser;
const workers: ChildProcess[] = [];

function startWorkerProcess(): Promise<ChildProcess> {
  // node itself with tsx's loader, not the tsx wrapper: SIGKILL must hit the worker process.
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/worker-process.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      CAMEO_TEST_WORKER: JSON.stringify({
        databaseUrl: database.url,
        redisUrl: TEST_REDIS_URL,
        usersBaseUrl: stack.subgraphUrls.users.replace(/\/graphql$/, ''),
        keys: testSecrets,
        assetsDir: stack.assetsDir,
        queuePrefix: stack.queuePrefix,
        // Short locks so the dead worker's job is noticed quickly.
        lockDurationMs: 1500,
        stalledIntervalMs: 500,
        msPerFrame: 25,
      }),
    },
  });
  workers.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => String(chunk).includes('worker ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

beforeAll(async () => {
  database = await createTestDatabase('e2e_worker_crash');
  stack = await startStack(database.url, { redis: true, worker: false });
  db = createDb(database.url, 2);
  creator = await signUp(stack.gatewayUrl, 'creator');
});
afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL');
  await db?.$disconnect();
  await stack?.stop();
  await database?.drop();
});

it('a job whose worker is killed mid-render finishes after a restart, with exactly one asset', async () => {
  const first = await startWorkerProcess();
  const created = await request(
    stack.gatewayUrl,
    graphql(`
      mutation WorkerCrashCreateGeneration {
        createGeneration(input: { prompt: "survives a crash", seconds: 4 }) {
          id
        }
      }
    `),
    {
      token: creator.token,
    },
  );
  const id = created.data!.createGeneration.id as string;
  await until('rendering', async () => (await db.generation.findUniqueOrThrow({ where: { id } })).progress >= 20, 30_000);
  first.kill('SIGKILL');
  const atCrash = await db.generation.findUniqueOrThrow({ where: { id } });
  expect(atCrash.status).toBe('IN_PROGRESS');
  expect(atCrash.assetKey).toBeNull();

  await startWorkerProcess();
  const done = await until(
    'completed after the restart',
    async () => {
      const current = await db.generation.findUniqueOrThrow({ where: { id } });
      return current.status === 'COMPLETED' && current;
    },
    30_000,
  );
  expect(done.attempts).toBe(2);
  // Files are stored under random keys, never the generation id.
  expect(done.assetKey).toMatch(/^[0-9a-f]{32}\.gif$/);
  expect(done.manifestKey).toBe(done.assetKey!.replace(/\.gif$/, '.manifest.json'));
  expect(
    readdirSync(stack.assetsDir)
      .filter((file) => file !== 'quarantine')
      .sort(),
  ).toEqual([done.assetKey, done.manifestKey].sort());
});
