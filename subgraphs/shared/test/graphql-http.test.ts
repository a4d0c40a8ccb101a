import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { ALL_KEY_PURPOSES, readKeys } from '../src/env';
import { GATEWAY_PROOF_HEADER, signGatewayProof } from '../src/gateway-proof';
import { GRAPHQL_BODY_LIMIT } from '../src/graphql-http';
import { createLogger } from '../src/logger';
import { serveSubgraph, type RunningServer } from '../src/serve';
import type { BaseContext } from '../src/context';

/**
 * A subgraph's /graphql as the gateway reaches it: the lean path (graphql-http.ts) for its JSON
 * POSTs, express for everything else, with one set of rules (proof over the exact bytes, limits,
 * request ids, access lines). The replay guard is on Redis, as deployed.
 */
process.env.LOG_LEVEL = 'info';
const keys = readKeys(ALL_KEY_PURPOSES, { NODE_ENV: 'test' });
const logger = createLogger('graphql-http-test');
const lines: Record<string, unknown>[] = [];
let server: RunningServer;

const schema = new GraphQLSchema({
  query: new GraphQLObjectType<unknown, BaseContext>({
    name: 'Query',
    fields: {
      viewer: {
        type: GraphQLString,
        resolve: (_source, _args, context) => {
          logger.info('resolving viewer');
          return context.viewer?.userId ?? null;
        },
      },
      boom: {
        type: GraphQLString,
        resolve: () => {
          throw new Error('kaboom');
        },
      },
    },
  }),
});

beforeAll(async () => {
  // The process's log lines (JSON on stdout), kept for the tests to read instead of printed.
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    return true;
  });
  server = await serveSubgraph({
    name: 'probe',
    schema,
    start: {
      port: 0,
      keys,
      redisUrl: 'redis://127.0.0.1:6379',
      eventNamespace: `graphql-http-test-${randomBytes(4).toString('hex')}`,
    },
    logger,
    readiness: [],
    buildContext: (base) => {
      // A context that cannot be built: Apollo Server answers 500.
      if (base.viewer?.userId === 'unbuildable') throw new Error('no context for you');
      return base;
    },
  });
});

afterAll(async () => {
  await server.stop();
  jest.restoreAllMocks();
});

const proofFor = (body: string, viewerId: string | null = 'user-1', method = 'POST', audience = 'probe') =>
  signGatewayProof(keys.gatewayProofPrivateKey, audience, { viewerId }, { method, body });

async function post(body: string, headers: Record<string, string> = {}, url = server.url) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: () => JSON.parse(text) as { data?: unknown; errors?: { extensions: { code: string } }[] },
  };
}
const codes = (result: Awaited<ReturnType<typeof post>>) => result.json().errors?.map((error) => error.extensions.code);
const accessLine = (id: string) => lines.find((line) => line.msg !== undefined && (line.req as { id?: string } | undefined)?.id === id);

describe('POST /graphql from the gateway', () => {
  it('answers with the proven viewer, echoes the request id, and logs one access line and the request’s lines with it', async () => {
    const body = JSON.stringify({ query: '{ viewer }' });
    const result = await post(body, { [GATEWAY_PROOF_HEADER]: proofFor(body), 'x-request-id': 'lean-path-0001' });
    expect(result.status).toBe(200);
    expect(result.json()).toEqual({ data: { viewer: 'user-1' } });
    expect(result.headers.get('x-request-id')).toBe('lean-path-0001');
    expect(result.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'resolving viewer', requestId: 'lean-path-0001' }));
    expect(lines.filter((line) => (line.req as { id?: string } | undefined)?.id === 'lean-path-0001')).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'request completed',
        service: 'graphql-http-test',
        req: { id: 'lean-path-0001', method: 'POST', path: '/graphql' },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      }),
    ]);
  });

  it('gives a request whose id is not a sane token a new one', async () => {
    const body = JSON.stringify({ query: '{ viewer }' });
    const result = await post(body, { [GATEWAY_PROOF_HEADER]: proofFor(body), 'x-request-id': 'no spaces {allowed}' });
    expect(result.status).toBe(200);
    expect(result.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a missing, misdirected, misbound or replayed proof with GATEWAY_PROOF_REQUIRED', async () => {
    const body = JSON.stringify({ query: '{ viewer }' });
    const missing = await post(body);
    expect(missing.status).toBe(401);
    expect(codes(missing)).toEqual(['GATEWAY_PROOF_REQUIRED']);
    expect(codes(await post(body, { [GATEWAY_PROOF_HEADER]: proofFor(body, 'user-1', 'POST', 'feed') }))).toEqual([
      'GATEWAY_PROOF_REQUIRED',
    ]);
    // The proof binds the exact bytes: the same JSON spaced differently is another body.
    expect(codes(await post(JSON.stringify({ query: '{ viewer }' }, null, 1), { [GATEWAY_PROOF_HEADER]: proofFor(body) }))).toEqual([
      'GATEWAY_PROOF_REQUIRED',
    ]);
    const once = proofFor(body);
    expect((await post(body, { [GATEWAY_PROOF_HEADER]: once })).status).toBe(200);
    const replayed = await post(body, { [GATEWAY_PROOF_HEADER]: once, 'x-request-id': 'replayed-0001' });
    expect(replayed.status).toBe(401);
    expect(codes(replayed)).toEqual(['GATEWAY_PROOF_REQUIRED']);
    expect(replayed.headers.get('x-request-id')).toBe('replayed-0001');
    expect(accessLine('replayed-0001')).toMatchObject({ level: 'info', res: { statusCode: 401 } });
  });

  it('refuses a body over 1 MB (413) and one that is not a JSON object (400) before looking at the proof', async () => {
    const huge = JSON.stringify({ query: '{ viewer }', padding: 'x'.repeat(GRAPHQL_BODY_LIMIT) });
    const tooLarge = await post(huge, { 'x-request-id': 'too-large-0001' });
    expect(tooLarge.status).toBe(413);
    expect(codes(tooLarge)).toEqual(['REQUEST_TOO_LARGE']);
    expect(accessLine('too-large-0001')).toMatchObject({ res: { statusCode: 413 } });
    // Just under the limit is read, and refused only for its (missing) proof.
    const under = JSON.stringify({ query: '{ viewer }', padding: 'x'.repeat(GRAPHQL_BODY_LIMIT - 40) });
    expect(Buffer.byteLength(under)).toBeLessThanOrEqual(GRAPHQL_BODY_LIMIT);
    expect(codes(await post(under))).toEqual(['GATEWAY_PROOF_REQUIRED']);
    for (const broken of ['{"query": ', '"a string"', '42', 'null']) {
      const result = await post(broken, { [GATEWAY_PROOF_HEADER]: proofFor(broken) });
      expect(result.status).toBe(400);
      expect(codes(result)).toEqual(['BAD_REQUEST']);
    }
  });

  it('masks a resolver’s error and logs the operation’s error codes with the request id', async () => {
    const body = JSON.stringify({ query: '{ boom }' });
    const result = await post(body, { [GATEWAY_PROOF_HEADER]: proofFor(body), 'x-request-id': 'resolver-error-01' });
    expect(result.status).toBe(200);
    expect(result.json()).toMatchObject({
      data: { boom: null },
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
    expect(result.text).not.toContain('kaboom');
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'operation errors', requestId: 'resolver-error-01', errors: ['INTERNAL_SERVER_ERROR'] }),
    );
  });

  it('logs a 500 at error level, as pino-http did', async () => {
    const body = JSON.stringify({ query: '{ viewer }' });
    const result = await post(body, { [GATEWAY_PROOF_HEADER]: proofFor(body, 'unbuildable'), 'x-request-id': 'server-error-001' });
    expect(result.status).toBe(500);
    expect(accessLine('server-error-001')).toMatchObject({ level: 'error', msg: 'request errored', res: { statusCode: 500 } });
  });
});

describe('what the lean path leaves to express', () => {
  it('serves GET with a proof bound to GET and an empty body, and refuses it without one', async () => {
    const url = `${server.url}?query=${encodeURIComponent('{ viewer }')}`;
    const proven = await fetch(url, {
      headers: { [GATEWAY_PROOF_HEADER]: proofFor('', 'user-2', 'GET'), 'apollo-require-preflight': '1' },
    });
    expect(proven.status).toBe(200);
    expect(await proven.json()).toEqual({ data: { viewer: 'user-2' } });
    const refused = await fetch(url, { headers: { 'apollo-require-preflight': '1', 'x-request-id': 'express-get-0001' } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-request-id')).toBe('express-get-0001');
    expect(accessLine('express-get-0001')).toMatchObject({
      req: { id: 'express-get-0001', method: 'GET', path: '/graphql' },
      res: { statusCode: 401 },
    });
  });

  it('answers other methods as Apollo Server does (405), once proven', async () => {
    const body = JSON.stringify({ query: '{ viewer }' });
    const put = await fetch(server.url, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', [GATEWAY_PROOF_HEADER]: proofFor(body, null, 'PUT') },
      body,
    });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
    expect((await fetch(server.url, { method: 'DELETE' })).status).toBe(401);
  });

  it('reads a compressed body, the proof binding the bytes it inflates to', async () => {
    const body = JSON.stringify({ query: '{ viewer }' });
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', [GATEWAY_PROOF_HEADER]: proofFor(body, 'user-3') },
      body: gzipSync(body),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { viewer: 'user-3' } });
  });

  it('answers an empty body as Apollo Server does, once proven', async () => {
    const result = await post('', { [GATEWAY_PROOF_HEADER]: proofFor('') });
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(['BAD_REQUEST']);
  });
});
