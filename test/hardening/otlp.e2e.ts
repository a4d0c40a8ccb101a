import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createGateway, type Gateway } from '@cameo/gateway/gateway';
import { SUPERGRAPH_PATH } from '@cameo/gateway';
import { freePort, listen } from '@cameo/kernel/listen';
import { startTracing, stopTracing, type Tracing } from '@cameo/kernel/tracing';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { request, until } from '@cameo/test-helpers/graphql';
import { testSecrets } from '@cameo/test-helpers/stack';

// Raw GraphQL text on purpose: hardening tests probe the gateway at the wire with what no generated
// client sends (malformed, over-limit, introspection, misspelt or bare documents, exact bytes), so
// they do not use the typed documents of @cameo/test-helpers/generated.

/**
 * Traces leave each process over OTLP (the SDK's own exporter, http/json here) to a collector:
 * this file's tiny receiver on a free port. The gateway runs in this process as service
 * "gateway"; the users subgraph is its own process (its real entry point) as service "users".
 * One request must give one trace across both, the subgraph's span a child of the gateway's
 * fetch, and the subgraph's log lines must carry that trace id.
 */
const ROOT = path.join(__dirname, '..', '..');

// The gateway logs in this process: its JSON lines are read here (errors still reach the terminal).
process.env.LOG_LEVEL = 'info';
const gatewayLogs: Record<string, unknown>[] = [];
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
  const text = String(chunk);
  if (!text.startsWith('{')) return write(chunk, ...rest);
  gatewayLogs.push(
    ...text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>),
  );
  return /"level":"(error|fatal)"/.test(text) ? write(chunk, ...rest) : true;
}) as typeof process.stdout.write;

interface ExportedSpan {
  service: string;
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
}
const received: ExportedSpan[] = [];

/** OTLP/JSON ids are hex; protobuf-style base64 is accepted too. */
const hex = (id: string | undefined) => (!id ? '' : /^[0-9a-f]+$/i.test(id) ? id.toLowerCase() : Buffer.from(id, 'base64').toString('hex'));

interface OtlpBody {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
    scopeSpans?: { spans?: { name: string; traceId: string; spanId: string; parentSpanId?: string }[] }[];
  }[];
}

const collector = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    if (req.method === 'POST' && req.url === '/v1/traces') {
      for (const resourceSpans of (JSON.parse(body) as OtlpBody).resourceSpans ?? []) {
        const service = resourceSpans.resource?.attributes?.find((attribute) => attribute.key === 'service.name')?.value.stringValue ?? '';
        for (const span of (resourceSpans.scopeSpans ?? []).flatMap((scope) => scope.spans ?? [])) {
          received.push({
            service,
            name: span.name,
            traceId: hex(span.traceId),
            spanId: hex(span.spanId),
            parentSpanId: hex(span.parentSpanId),
          });
        }
      }
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});

let database: TestDatabase;
let users: ChildProcess | undefined;
const usersLogs: Record<string, unknown>[] = [];
let gateway: Gateway;
let gatewayUrl: string;
let tracing: Tracing | undefined;

/** Starts the users subgraph's entry point and resolves with the URL it logs. */
function startUsersProcess(env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'subgraphs', 'users', 'src', 'index.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  users = child;
  let pending = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines.filter((text) => text.startsWith('{'))) {
        const entry = JSON.parse(line) as Record<string, unknown>;
        usersLogs.push(entry);
        const match = /^listening on (http:\S+)$/.exec(String(entry.msg));
        if (match?.[1]) resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`users exited with ${code}`)));
  });
}

beforeAll(async () => {
  database = await createTestDatabase('hardening_otlp');
  const { port } = await listen(collector, 0);
  const otel = {
    OTEL_TRACES_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    // The batch processor exports every 50 ms rather than every 5 s.
    OTEL_BSP_SCHEDULE_DELAY: '50',
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...otel,
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: database.url,
    USERS_PORT: '0',
  };
  delete env.REDIS_URL;
  delete env.OTEL_SERVICE_NAME;
  const usersUrl = await startUsersProcess(env);

  // This process is the gateway: the SDK reads the same variables from process.env.
  Object.assign(process.env, otel);
  tracing = startTracing('gateway');
  const nowhere = `http://127.0.0.1:${await freePort()}/graphql`;
  gateway = await createGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: { users: usersUrl, generations: nowhere, social: nowhere, feed: nowhere },
    jwtSecret: testSecrets.jwtSecret,
    gatewayProofPrivateKey: testSecrets.gatewayProofPrivateKey,
    internalCallSecret: testSecrets.internalCallSecret,
    production: false,
  });
  ({ url: gatewayUrl } = await listen(gateway.httpServer, 0));
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  await stopTracing();
  if (users && users.exitCode === null) {
    const exited = new Promise((resolve) => users!.once('exit', resolve));
    users.kill('SIGTERM');
    await exited;
  }
  collector.close();
  await database?.drop();
  process.stdout.write = write;
  for (const name of [
    'LOG_LEVEL',
    'OTEL_TRACES_EXPORTER',
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    'OTEL_EXPORTER_OTLP_PROTOCOL',
    'OTEL_BSP_SCHEDULE_DELAY',
  ]) {
    delete process.env[name];
  }
});

it('exports one trace over OTLP across the gateway and the users process, each under its service.name', async () => {
  // A refused sign-up: users answers with an error, which it logs with the request id.
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'otlp-trace-0001' },
    body: JSON.stringify({
      query: 'mutation Traced($input: SignUpInput!) { signUp(input: $input) { token } }',
      variables: { input: { handle: 'x', displayName: 'x', password: 'short' } },
    }),
  });
  expect(response.status).toBe(200);
  await tracing!.forceFlush();

  const subgraphSpan = await until('the users span at the collector', async () =>
    received.find((span) => span.service === 'users' && span.name === 'subgraph.users'),
  );
  const fetches = received.filter((span) => span.service === 'gateway' && span.name === 'gateway.fetch');
  const parent = fetches.find((span) => span.spanId === subgraphSpan.parentSpanId);
  expect(parent).toBeDefined();
  expect(parent!.traceId).toBe(subgraphSpan.traceId);
  // No span of another service name: each process names itself.
  expect(new Set(received.map((span) => span.service))).toEqual(new Set(['gateway', 'users']));

  // The gateway's span for the HTTP request is in the same trace.
  expect(received).toContainEqual(expect.objectContaining({ service: 'gateway', name: 'POST /graphql', traceId: subgraphSpan.traceId }));

  // The log lines about that operation carry the request id and the trace, on both sides.
  const line = await until('the users log line', async () =>
    usersLogs.find((entry) => entry.requestId === 'otlp-trace-0001' && entry.msg === 'operation errors'),
  );
  expect(line).toMatchObject({ service: 'users', trace_id: subgraphSpan.traceId, span_id: subgraphSpan.spanId });
  const gatewayLine = gatewayLogs.find((entry) => entry.requestId === 'otlp-trace-0001' && entry.msg === 'operation');
  expect(gatewayLine).toMatchObject({ service: 'gateway', operationName: 'Traced', trace_id: subgraphSpan.traceId });
});

it('answers a plain query without a collector error in the logs', async () => {
  expect((await request(gatewayUrl, '{ __typename }')).data).toEqual({ __typename: 'Query' });
  expect(usersLogs.filter((entry) => entry.level === 'error')).toEqual([]);
});
