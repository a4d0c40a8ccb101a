import { serveAdmin } from '@cameo/kernel/admin-server';
import { freePort } from '@cameo/kernel/listen';
import { createLogger } from '@cameo/kernel/logger';
import { createPubSub } from '@cameo/kernel/pubsub';
import { start as startUsers } from '@cameo/users/server';
import { startWorker } from '@cameo/worker/start-worker';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { request } from '@cameo/test-helpers/graphql';
import { TEST_REDIS_URL, startReplicaGateway, startStack, testSecrets, type TestStack } from '@cameo/test-helpers/stack';

// Raw GraphQL text on purpose: hardening tests probe the gateway at the wire with what no generated
// client sends (malformed, over-limit, introspection, misspelt or bare documents, exact bytes), so
// they do not use the typed documents of @cameo/test-helpers/generated.

/**
 * Every process serves /metrics (Node's default series under their standard names beside its
 * own cameo_* series) and /readyz, which checks its database (SELECT 1) and Redis (PING) and
 * answers 503 naming what failed.
 */
let database: TestDatabase;
let stack: TestStack;
const stops: (() => Promise<void>)[] = [];

const originOf = (url: string) => url.replace(/\/graphql$/, '');
const deadDatabaseUrl = async () => `postgresql://postgres@127.0.0.1:${await freePort()}/nowhere`;
const deadRedisUrl = async () => `redis://127.0.0.1:${await freePort()}`;

async function readyz(origin: string) {
  const response = await fetch(`${origin}/readyz`);
  return { status: response.status, body: (await response.json()) as { status: string; failed: string[]; checks: { name: string }[] } };
}

beforeAll(async () => {
  database = await createTestDatabase('hardening_readiness');
  stack = await startStack(database.url, { redis: true, worker: false });
});
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await stack?.stop();
  await database?.drop();
});

describe('a healthy stack', () => {
  it('each subgraph is ready (database and Redis) and serves default and own metrics', async () => {
    for (const [name, url] of Object.entries(stack.subgraphUrls)) {
      const { status, body } = await readyz(originOf(url));
      expect([name, status, body.status, body.failed]).toEqual([name, 200, 'ready', []]);
      expect(body.checks.map((check) => check.name).sort()).toEqual(['database', 'redis']);
      const metrics = await (await fetch(`${originOf(url)}/metrics`)).text();
      expect(metrics).toMatch(/^process_cpu_seconds_total \d/m);
      expect(metrics).toMatch(/^nodejs_heap_size_used_bytes \d/m);
      expect(metrics).toContain('# TYPE cameo_events_applied_total counter');
    }
    const generations = await (await fetch(`${originOf(stack.subgraphUrls.generations)}/metrics`)).text();
    expect(generations).toContain('cameo_generations_queue_jobs{state="waiting"}');
  });

  it('the gateway is ready (subgraphs and Redis) and serves default and own metrics', async () => {
    const { gateway, url } = await startReplicaGateway(stack, { redisUrl: TEST_REDIS_URL, pubsub: createPubSub(undefined) });
    stops.push(() => gateway.stop());
    const { status, body } = await readyz(originOf(url));
    expect([status, body.failed]).toEqual([200, []]);
    expect(body.checks.map((check) => check.name)).toEqual(['redis']);
    await request(url, 'query Ping { __typename }');
    const metrics = await (await fetch(`${originOf(url)}/metrics`)).text();
    expect(metrics).toMatch(/^process_cpu_seconds_total \d/m);
    expect(metrics).toContain('cameo_gateway_operations_total{type="query",operation="Ping",outcome="ok"} 1');
  });

  it('the worker serves /healthz, /readyz and /metrics on its admin port', async () => {
    const worker = startWorker({
      databaseUrl: database.url,
      redisUrl: TEST_REDIS_URL,
      usersBaseUrl: originOf(stack.subgraphUrls.users),
      keys: testSecrets,
      assetsDir: stack.assetsDir,
      queuePrefix: stack.queuePrefix,
    });
    const admin = await serveAdmin({ port: 0, metrics: worker.metrics, readiness: worker.readiness, logger: createLogger('worker') });
    stops.push(async () => {
      await admin.stop();
      await worker.stop();
    });
    expect((await fetch(`${admin.url}/healthz`)).status).toBe(200);
    const { status, body } = await readyz(admin.url);
    expect([status, body.failed, body.checks.map((check) => check.name)]).toEqual([200, [], ['database', 'redis']]);
    const metrics = await (await fetch(`${admin.url}/metrics`)).text();
    expect(metrics).toMatch(/^process_cpu_seconds_total \d/m);
    expect(metrics).toContain('# TYPE cameo_worker_jobs_total counter');
  });
});

describe('an unreachable dependency', () => {
  const users = (databaseUrl: string, redisUrl?: string) =>
    startUsers({
      port: 0,
      host: '127.0.0.1',
      databaseUrl,
      jwtSecret: testSecrets.jwtSecret,
      keys: testSecrets,
      redisUrl,
      // Domain events on PostgreSQL: the dead Redis is only what readiness must notice.
      eventTransport: 'postgres',
      eventNamespace: stack.queuePrefix,
      pubsub: createPubSub(undefined),
    });

  it('a subgraph whose database is unreachable answers 503 naming the database', async () => {
    const server = await users(await deadDatabaseUrl());
    stops.push(() => server.stop());
    const { status, body } = await readyz(originOf(server.url));
    expect([status, body.status, body.failed]).toEqual([503, 'not ready', ['database']]);
    // Alive all the same: liveness must not restart a process for its database's outage.
    expect((await fetch(`${originOf(server.url)}/healthz`)).status).toBe(200);
  });

  it('a subgraph whose REDIS_URL points at a closed port answers 503 naming redis', async () => {
    const server = await users(database.url, await deadRedisUrl());
    stops.push(() => server.stop());
    const { status, body } = await readyz(originOf(server.url));
    expect([status, body.failed]).toEqual([503, ['redis']]);
  });

  it('the gateway with an unreachable Redis answers 503 naming redis', async () => {
    const { gateway, url } = await startReplicaGateway(stack, { redisUrl: await deadRedisUrl(), pubsub: createPubSub(undefined) });
    stops.push(() => gateway.stop());
    const { status, body } = await readyz(originOf(url));
    expect([status, body.failed]).toEqual([503, ['redis']]);
  });

  it('the worker with an unreachable database answers 503 naming the database', async () => {
    const worker = startWorker({
      databaseUrl: await deadDatabaseUrl(),
      redisUrl: TEST_REDIS_URL,
      usersBaseUrl: originOf(stack.subgraphUrls.users),
      keys: testSecrets,
      assetsDir: stack.assetsDir,
      queuePrefix: `${stack.queuePrefix}-dead`,
    });
    const admin = await serveAdmin({ port: 0, metrics: worker.metrics, readiness: worker.readiness, logger: createLogger('worker') });
    stops.push(async () => {
      await admin.stop();
      await worker.stop();
    });
    const { status, body } = await readyz(admin.url);
    expect([status, body.failed]).toEqual([503, ['database']]);
  });
});
