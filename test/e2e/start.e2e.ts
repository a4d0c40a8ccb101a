import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPlatform } from '../../scripts/start';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import type { FeedKind } from '@cameo/test-helpers/generated/graphql';
import { ok, request, until, type Operation } from '@cameo/test-helpers/graphql';
import { publishedVideo, signUp, verifiedCameo, type TestUser } from '@cameo/test-helpers/users';

const START_GENERATION2 = graphql(`
  query StartGeneration2($id: ID!) {
    generation(id: $id) {
      id
    }
  }
`);

const ROOT = path.join(__dirname, '..', '..');

async function signUpThenMe(gatewayUrl: string, handle: string) {
  const signUp = await request(
    gatewayUrl,
    graphql(`
      mutation StartSignUp($handle: String!) {
        signUp(input: { handle: $handle, displayName: "Tester", password: "password123" }) {
          token
        }
      }
    `),
    { variables: { handle } },
  );
  expect(signUp.errors).toBeUndefined();
  return request(gatewayUrl, '{ me { handle } }', { token: signUp.data!.signUp.token });
}

describe('npm start', () => {
  let child: ChildProcess | undefined;
  let gatewayUrl = '';
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
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      GATEWAY_PORT: '0',
      USERS_PORT: '0',
      GENERATIONS_PORT: '0',
      SOCIAL_PORT: '0',
      FEED_PORT: '0',
      // This data folder is new: without this, npm start would fill it with the demo world.
      CAMEO_DEMO: '0',
    };
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
    gatewayUrl = await new Promise<string>((resolve, reject) => {
      child!.stdout!.on('data', (chunk) => {
        output += chunk;
        const match = /Apollo Sandbox at (http:\/\/\S+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child!.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
    expect(output).toContain('DATABASE_URL is not set: starting the embedded PostgreSQL');

    const typename = await request(gatewayUrl, '{ __typename }');
    expect(typename.data).toEqual({ __typename: 'Query' });
    expect((await signUpThenMe(gatewayUrl, 'embedded_user')).data).toEqual({ me: { handle: 'embedded_user' } });
  });

  // The embedded default is the whole product: domain events travel on its PostgreSQL, so the
  // feed fills, blocks reach consent and revocations hide videos everywhere, files included.
  it('is the whole product: publish reaches the feeds, a block and a revoke take videos down everywhere', async () => {
    const origin = gatewayUrl.replace(/\/graphql$/, '');
    const as = <Data = Record<string, any>, Variables = Record<string, unknown>>(
      user: TestUser,
      query: Operation<Data, Variables>,
      variables: Variables = {} as Variables,
    ) => ok(request(gatewayUrl, query, { token: user.token, variables }));
    const [owner, creator, fan, stranger] = await Promise.all(
      ['e_owner', 'e_creator', 'e_fan', 'e_stranger'].map((handle) => signUp(gatewayUrl, handle)),
    );
    const cameoId = await verifiedCameo(gatewayUrl, owner!);
    await as(
      owner!,
      graphql(`
        mutation StartSetCameoPolicy($id: ID!) {
          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {
            id
          }
        }
      `),
      { id: cameoId },
    );
    await as(
      fan!,
      graphql(`
        mutation StartFollow($id: ID!) {
          follow(userId: $id) {
            id
          }
        }
      `),
      { id: creator!.id },
    );

    const feedIds = async (user: TestUser, kind: FeedKind) =>
      (
        await as(
          user,
          graphql(`
            query StartFeed($kind: FeedKind!) {
              feed(kind: $kind, first: 50) {
                edges {
                  node {
                    id
                  }
                }
              }
            }
          `),
          { kind },
        )
      ).feed.edges.map((edge: { node: { id: string } }) => edge.node.id);
    const videoUrl = async (user: TestUser, id: string) =>
      (
        await as(
          user,
          graphql(`
            query StartGeneration($id: ID!) {
              generation(id: $id) {
                videoUrl
              }
            }
          `),
          { id },
        )
      ).generation?.videoUrl ?? null;

    // Publish: the post reaches a follower's Following and For You.
    const blockedVideo = await publishedVideo(gatewayUrl, creator!, 'a walk with my friend', { cameoIds: [cameoId] });
    await until('the post in the follower’s Following', async () => (await feedIds(fan!, 'FOLLOWING')).includes(blockedVideo), 30_000);
    await until('the post in For You', async () => (await feedIds(fan!, 'FOR_YOU')).includes(blockedVideo), 30_000);
    const earlierUrl = await videoUrl(stranger!, blockedVideo);
    expect((await fetch(`${origin}${earlierUrl}`)).status).toBe(200);

    // Block: the creator may no longer use the cameo, and their video of the owner is taken down.
    await as(
      owner!,
      graphql(`
        mutation StartBlock($id: ID!) {
          block(userId: $id) {
            id
          }
        }
      `),
      { id: creator!.id },
    );
    await until(
      'consent refused after the block',
      async () => {
        const { cameoConsent } = await as(
          creator!,
          graphql(`
            query StartCameoConsent($id: ID!) {
              cameoConsent(cameoId: $id) {
                allowed
              }
            }
          `),
          { id: cameoId },
        );
        return cameoConsent.allowed === false;
      },
      30_000,
    );
    await until(
      'the video hidden from a stranger',
      async () => (await as(stranger!, START_GENERATION2, { id: blockedVideo })).generation === null,
      30_000,
    );
    expect((await fetch(`${origin}${earlierUrl}`)).status).toBe(404);
    await until('the post gone from the follower’s feeds', async () => !(await feedIds(fan!, 'FOLLOWING')).includes(blockedVideo), 30_000);

    // Revoke: ONLY_ME hides another creator's video everywhere, /assets included.
    const revokedVideo = await publishedVideo(gatewayUrl, fan!, 'my friend again', { cameoIds: [cameoId] });
    const revokedUrl = await videoUrl(stranger!, revokedVideo);
    expect((await fetch(`${origin}${revokedUrl}`)).status).toBe(200);
    await until('the post in For You', async () => (await feedIds(stranger!, 'FOR_YOU')).includes(revokedVideo), 30_000);
    await as(
      owner!,
      graphql(`
        mutation StartSetCameoPolicy2($id: ID!) {
          setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {
            id
          }
        }
      `),
      { id: cameoId },
    );
    await until(
      'the revoked video hidden',
      async () => (await as(stranger!, START_GENERATION2, { id: revokedVideo })).generation === null,
      30_000,
    );
    expect((await fetch(`${origin}${revokedUrl}`)).status).toBe(404);
    await until('the revoked post gone from For You', async () => !(await feedIds(stranger!, 'FOR_YOU')).includes(revokedVideo), 30_000);
  }, 180_000);
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
      env: {
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        GATEWAY_PORT: '0',
        USERS_PORT: '0',
        GENERATIONS_PORT: '0',
        SOCIAL_PORT: '0',
        FEED_PORT: '0',
      },
    });
    expect((await signUpThenMe(platform.gatewayUrl, 'postgres_user')).data).toEqual({ me: { handle: 'postgres_user' } });
  });
});
