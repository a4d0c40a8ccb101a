import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../scripts/embedded-postgres';
import { migrateAll } from '@cameo/kernel/migrations';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { codes, request, until } from '@cameo/test-helpers/graphql';
import { freePort } from '@cameo/kernel/listen';
import { startStack, type TestStack } from '@cameo/test-helpers/stack';
import { collect, wsClient } from '@cameo/test-helpers/subscriptions';
import { signUp, type TestUser } from '@cameo/test-helpers/users';

// Raw GraphQL text on purpose: hardening tests probe the gateway at the wire with what no generated
// client sends (malformed, over-limit, introspection, misspelt or bare documents, exact bytes), so
// they do not use the typed documents of @cameo/test-helpers/generated.

/** Faults: a subgraph, Redis and PostgreSQL each going away and coming back. */
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('hardening_faults');
});
afterAll(async () => {
  await database?.drop();
});

describe('a subgraph down', () => {
  let stack: TestStack;
  let user: TestUser;
  beforeAll(async () => {
    stack = await startStack(database.url);
    user = await signUp(stack.gatewayUrl, 'steady');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('answers partial data with errors, reports not ready, and recovers when it returns', async () => {
    // generation is nullable: an outage there leaves the rest of the answer intact.
    const query = '{ me { handle } generation(id: "00000000-0000-4000-8000-000000000000") { id } }';
    expect((await request(stack.gatewayUrl, query, { token: user.token })).errors).toBeUndefined();
    await stack.restartGenerations(async () => {
      const partial = await request(stack.gatewayUrl, query, { token: user.token });
      expect(partial.data?.me).toEqual({ handle: 'steady' });
      expect(partial.data?.generation).toBeNull();
      expect(codes(partial)).toContain('SERVICE_UNAVAILABLE');
      expect((await fetch(`${stack.origin}/readyz`)).status).toBe(503);
    });
    expect((await fetch(`${stack.origin}/readyz`)).status).toBe(200);
    expect((await request(stack.gatewayUrl, query, { token: user.token })).errors).toBeUndefined();
  });
});

describe('Redis down', () => {
  let redis: ChildProcess | undefined;
  let port: number;
  let stack: TestStack;
  let user: TestUser;
  const startRedis = async () => {
    redis = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'], { stdio: 'ignore' });
    await until('redis', async () => {
      const ok = await new Promise<boolean>((resolve) => {
        const probe = createServer();
        probe.once('error', () => resolve(true));
        probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
      });
      return ok;
    });
  };

  beforeAll(async () => {
    port = await freePort();
    await startRedis();
    stack = await startStack(database.url, { redis: true, redisUrl: `redis://127.0.0.1:${port}` });
    user = await signUp(stack.gatewayUrl, 'patient');
  });
  afterAll(async () => {
    await stack?.stop();
    redis?.kill('SIGKILL');
  });

  it('keeps queries working, refuses queueing clearly, and recovers when Redis returns', async () => {
    redis!.kill('SIGKILL');
    await new Promise((resolve) => redis!.once('exit', resolve));
    expect((await request(stack.gatewayUrl, '{ me { handle } }', { token: user.token })).data).toEqual({ me: { handle: 'patient' } });
    const create = () =>
      request(
        stack.gatewayUrl,
        'mutation { createGeneration(input: { prompt: "while redis is down", seconds: 1, idempotencyKey: "redis-down" }) { id status } }',
        { token: user.token },
      );
    expect(codes(await create())).toEqual(['QUEUE_UNAVAILABLE']);

    // Live updates say they are unavailable instead of hanging.
    const live = wsClient(stack.gatewayUrl, user.token);
    const waiting = collect(live, 'subscription { myGenerationUpdates { progress } }');
    await waiting.done.catch(() => {});
    expect(waiting.results.flatMap((result) => result.errors ?? []).map((error) => error.extensions?.code)).toEqual([
      'SERVICE_UNAVAILABLE',
    ]);
    await live.dispose();

    // Nothing is lost: the generation is kept, FAILED with the reason, and can be retried.
    const { myGenerations } = (
      await request(stack.gatewayUrl, '{ myGenerations { edges { node { id status errorReason } } } }', { token: user.token })
    ).data!;
    const failed = myGenerations.edges[0].node;
    expect(failed).toMatchObject({ status: 'FAILED', errorReason: 'The job queue was unavailable.' });

    await startRedis();
    const created = await until(
      'queueing again',
      async () => {
        const response = await request(stack.gatewayUrl, 'mutation ($id: ID!) { retryGeneration(id: $id) { id status } }', {
          token: user.token,
          variables: { id: failed.id },
        });
        return !response.errors && response.data!.retryGeneration;
      },
      30_000,
    );
    expect(created.status).toBe('QUEUED');
    // The worker's connection comes back too and renders it.
    const done = await until(
      'rendered after the outage',
      async () => {
        const { generation } = (
          await request(stack.gatewayUrl, 'query ($id: ID!) { generation(id: $id) { status } }', {
            token: user.token,
            variables: { id: created.id },
          })
        ).data!;
        return generation.status === 'COMPLETED' && generation;
      },
      30_000,
    );
    expect(done.status).toBe('COMPLETED');
  }, 60_000);
});

describe('PostgreSQL restarting', () => {
  it('fails requests cleanly while the database is away and recovers when it returns, with no restart of ours', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cameo-pg-restart-'));
    let postgres = await startEmbeddedPostgres({ dataDir });
    const port = Number(new URL(postgres.url).port);
    await migrateAll(postgres.url);
    const stack = await startStack(postgres.url);
    try {
      const user = await signUp(stack.gatewayUrl, 'durable');
      const me = () => request(stack.gatewayUrl, '{ me { handle } }', { token: user.token });
      expect((await me()).data).toEqual({ me: { handle: 'durable' } });

      await postgres.stop();
      const during = await me();
      expect(during.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(during.errors)).not.toMatch(/ECONNREFUSED|postgres(ql)?:\/\//);

      postgres = await startEmbeddedPostgres({ dataDir, port });
      // The pools reconnect on their own: the same processes answer again, with the same data.
      const after = await until('the pool to reconnect', async () => {
        const response = await me();
        return !response.errors && response;
      });
      expect(after.data).toEqual({ me: { handle: 'durable' } });
    } finally {
      await stack.stop();
      await postgres.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
