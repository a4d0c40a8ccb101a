import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPlatform } from '../../scripts/start';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { graphql } from '../helpers/graphql';

const ROOT = path.join(__dirname, '..', '..');

async function signUpThenMe(gatewayUrl: string, handle: string) {
  const signUp = await graphql(
    gatewayUrl,
    `mutation ($handle: String!) { signUp(input: { handle: $handle, displayName: "Tester", password: "password123" }) { token } }`,
    { variables: { handle } },
  );
  expect(signUp.errors).toBeUndefined();
  return graphql(gatewayUrl, '{ me { handle } }', { token: signUp.data!.signUp.token });
}

describe('npm start', () => {
  let child: ChildProcess | undefined;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cameo-start-'));

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      // A shutdown that hangs must fail the run, not leave a server behind.
      const timer = setTimeout(() => child!.kill('SIGKILL'), 20_000);
      const code = await exited;
      clearTimeout(timer);
      expect(code).toBe(0);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the gateway with no Postgres or Redis configured (embedded default)', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', GATEWAY_PORT: '0', USERS_PORT: '0', GENERATIONS_PORT: '0', SOCIAL_PORT: '0', FEED_PORT: '0' };
    delete env.DATABASE_URL;
    delete env.REDIS_URL;
    // The command `npm start` runs (package.json), spawned directly so SIGTERM reaches it.
    child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/start.ts', '--data-dir', dataDir], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr!.on('data', (chunk) => (output += chunk));
    const gatewayUrl = await new Promise<string>((resolve, reject) => {
      child!.stdout!.on('data', (chunk) => {
        output += chunk;
        const match = /Apollo Sandbox at (http:\/\/\S+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child!.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
    expect(output).toContain('DATABASE_URL is not set: starting the embedded PostgreSQL');

    const typename = await graphql(gatewayUrl, '{ __typename }');
    expect(typename.data).toEqual({ __typename: 'Query' });
    expect((await signUpThenMe(gatewayUrl, 'embedded_user')).data).toEqual({ me: { handle: 'embedded_user' } });
  });
});

describe('startPlatform with DATABASE_URL', () => {
  let database: TestDatabase;
  let platform: Awaited<ReturnType<typeof startPlatform>> | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('e2e_start');
  });
  afterAll(async () => {
    await platform?.stop();
    await database?.drop();
  });

  it('uses the given PostgreSQL server', async () => {
    platform = await startPlatform({
      env: { NODE_ENV: 'test', DATABASE_URL: database.url, GATEWAY_PORT: '0', USERS_PORT: '0', GENERATIONS_PORT: '0', SOCIAL_PORT: '0', FEED_PORT: '0' },
    });
    expect((await signUpThenMe(platform.gatewayUrl, 'postgres_user')).data).toEqual({ me: { handle: 'postgres_user' } });
  });
});
