import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { startStack, type TestStack } from '@cameo/test-helpers/stack';
import { signUp, verifiedCameo, type TestUser, approveCameoFor } from '@cameo/test-helpers/users';
import { makeRecording } from '@cameo/test-helpers/recordings';

/** The `cameo` CLI as a user runs it: a child process, its output captured, its exit code checked. */
const ROOT = path.join(__dirname, '..', '..');
let database: TestDatabase;
let stack: TestStack;
let configDir: string;
let friend: TestUser;

function cameo(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'clients/cli/src/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, CAMEO_URL: stack.gatewayUrl, CAMEO_CONFIG_DIR: configDir, CAMEO_PASSWORD: 'password123' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  database = await createTestDatabase('e2e_cli');
  stack = await startStack(database.url);
  configDir = mkdtempSync(path.join(os.tmpdir(), 'cameo-cli-'));
  const [, friendUser] = await Promise.all([
    signUp(stack.gatewayUrl, 'director'),
    signUp(stack.gatewayUrl, 'friend'),
    signUp(stack.gatewayUrl, 'loner'),
  ]);
  friend = friendUser;
  const cameoId = await verifiedCameo(stack.gatewayUrl, friend);
  await approveCameoFor(stack.gatewayUrl, friend, cameoId, 'director');
});
afterAll(async () => {
  await stack?.stop();
  await database?.drop();
  rmSync(configDir, { recursive: true, force: true });
});

it('refuses to work signed out, with exit code 2', async () => {
  const result = await cameo('feed');
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('not signed in');
});

it('signs in, then generate --watch draws a live progress bar to 100% and exits 0', async () => {
  expect((await cameo('login', '@director')).stdout).toContain('signed in as @director');
  const result = await cameo('generate', 'my friend juggling torches', '--cameo', '@friend', '--seconds', '2', '--watch');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const bars = result.stdout.split('\n').filter((line) => line.startsWith('['));
  const percents = bars.map((line) => Number(/(\d+)%/.exec(line)![1]));
  expect(percents.at(-1)).toBe(100);
  expect(percents).toEqual([...percents].sort((a, b) => a - b));
  expect(bars.at(-1)).toMatch(/^\[█{30}\] 100% /);
  expect(result.stdout).toMatch(/done: http:\/\/127\.0\.0\.1:\d+\/assets\/[0-9a-f]{32}\.gif\?v=[0-9a-f-]{36}&exp=\d+&sig=[\w-]{43}\n/);
});

it('exits 3 with a message when the platform refuses', async () => {
  const noCameo = await cameo('generate', 'with someone who never agreed', '--cameo', '@loner', '--watch');
  expect(noCameo.code).toBe(3);
  expect(noCameo.stderr).toContain('@loner has no cameo you may use');
  const badInput = await cameo('generate', 'x', '--seconds', '999');
  expect(badInput.code).toBe(3);
  expect(badInput.stderr).toContain('refused (BAD_USER_INPUT)');
});

it('sets who may use my cameo, and shows the feed', async () => {
  await cameo('login', 'friend');
  const policy = await cameo('cameo', 'set-policy', 'MUTUALS');
  expect(policy.code).toBe(0);
  expect(policy.stdout).toContain('your cameo is now MUTUALS');
  expect((await cameo('cameo', 'set-policy', 'SOMETIMES')).code).toBe(1);
  const feed = await cameo('feed');
  expect(feed.code).toBe(0);
});

it('records a cameo: start prints the phrase, verify uploads the file with a progress bar and waits for the verdict', async () => {
  await cameo('login', 'loner');
  const started = await cameo('cameo', 'start', '--kind', 'PET', '--name', 'Rex');
  expect(started.code).toBe(0);
  const phrase = /\n\n {4}(.+)\n\n/.exec(started.stdout)?.[1];
  expect(phrase?.split(' ')).toHaveLength(4);
  const file = makeRecording({ phrase: phrase!, seconds: 6 });
  const verified = await cameo('cameo', 'verify', file);
  expect([verified.code, verified.stderr]).toEqual([0, '']);
  const bars = verified.stdout.split('\n').filter((line) => line.startsWith('['));
  expect(bars.some((line) => line.includes('uploading'))).toBe(true);
  expect(bars.at(-1)).toMatch(/100% uploaded/);
  expect(verified.stdout).toMatch(/VERIFIED: cameo [0-9a-f-]{36}/);
  // Nothing awaits a recording any more; a file that is not a video is refused before sending.
  expect((await cameo('cameo', 'verify', file)).code).toBe(3);
  expect((await cameo('cameo', 'verify', 'notes.txt')).code).toBe(1);
});
