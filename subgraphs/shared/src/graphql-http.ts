import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import { contextFromProof, type BaseContext } from './context';
import { ErrorCode } from './errors';
import { GATEWAY_PROOF_HEADER, type GatewayProofVerifier } from './gateway-proof';
import { runInRequestScope, type Logger } from './logger';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';
import { extractTraceContext } from './tracing';

/**
 * A subgraph's POST /graphql served straight from node:http, in front of express: Apollo
 * Server's own integration API (executeHTTPGraphQLRequest, as its "Building integrations" guide
 * describes) with the body read, the gateway proof checked and the access line written here.
 *
 * Why not express: every Feed page is several subgraph requests, and on one whose GraphQL work
 * is next to nothing (`scripts/bench/subgraph-http.ts`) a subgraph spent 600-800 µs of CPU
 * through express's router, express.json, pino-http and @as-integrations/express5, and 400-440 µs
 * here — of which the Ed25519 proof check, which must stay, is ~120 µs. See docs/bench.md.
 *
 * Only the requests the gateway sends take this path (POST to exactly /graphql, JSON in UTF-8,
 * a non-zero Content-Length, no Content-Encoding); anything else (GET, other methods or paths,
 * compressed or chunked bodies, other charsets) goes on to express, which serves it as before. The rules
 * are those of the express path: a body over 1 MB is 413 and one that is not a JSON object or
 * array is 400 (both in the gateway's error shape), both before the proof is looked at; the proof
 * binds the exact bytes received; the request id is echoed in x-request-id, names every line
 * logged while the request is handled and the one access line written when it ends (pino-http's
 * fields and levels: `req` {id, method, path}, `res` {statusCode}, responseTime; error from 500).
 */

/** express.json's `limit: '1mb'`, in bytes. */
export const GRAPHQL_BODY_LIMIT = 1024 * 1024;

const JSON_CONTENT_TYPES = new Set(['application/json', 'application/json; charset=utf-8', 'application/json;charset=utf-8']);
const DIGITS = /^\d+$/;

/** Whether the lean path serves this request (else express does, as before). */
export function isLeanGraphqlRequest(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const url = req.url ?? '';
  const query = url.indexOf('?');
  if ((query === -1 ? url : url.slice(0, query)) !== '/graphql') return false;
  const { 'content-type': type, 'content-length': length, 'content-encoding': encoding } = req.headers;
  return (
    type !== undefined &&
    JSON_CONTENT_TYPES.has(type.toLowerCase()) &&
    (encoding === undefined || encoding.toLowerCase() === 'identity') &&
    req.headers['transfer-encoding'] === undefined &&
    length !== undefined &&
    // An empty body is Apollo Server's 400 after the proof, on the express path.
    DIGITS.test(length) &&
    Number(length) > 0
  );
}

const errorBody = (message: string, code: string) => JSON.stringify({ errors: [{ message, extensions: { code } }] });
const TOO_LARGE = errorBody('The request body is too large.', ErrorCode.REQUEST_TOO_LARGE);
const NOT_JSON = errorBody('The request body is not valid JSON.', ErrorCode.BAD_REQUEST);
const PROOF_REQUIRED = errorBody(
  'This subgraph only answers the Cameo gateway. Send requests to the gateway.',
  ErrorCode.GATEWAY_PROOF_REQUIRED,
);
const INTERNAL = errorBody('Internal server error', ErrorCode.INTERNAL_SERVER_ERROR);

export function sendJson(res: ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/** The body's bytes, or null when the client went away before sending them all. */
export function readBody(req: IncomingMessage, length: number): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let ended = false;
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => {
      ended = true;
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length));
    });
    req.once('close', () => ended || resolve(null));
  });
}

/** The parsed body as express.json (strict) gives it: an object or an array, else undefined. */
export function parseBody(raw: Buffer): unknown {
  let text = raw.toString('utf8');
  // express.json decodes with iconv-lite, which drops a byte order mark.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === 'object' && body !== null ? body : undefined;
  } catch {
    return undefined;
  }
}

/** A POST the lean path read, as Apollo Server's integration API takes it. */
export function httpGraphQLRequest(req: IncomingMessage, body: unknown): HTTPGraphQLRequest {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = req.url ?? '';
  const query = url.indexOf('?');
  return { method: 'POST', headers, search: query === -1 ? '' : url.slice(query), body };
}

/** Apollo Server's answer (executeHTTPGraphQLRequest) written to node's response. */
export async function writeHttpGraphQLResponse(res: ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.setHeader('content-length', Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** pino-http's access line, as the express path writes it (http-logger.ts). */
function logAccess(logger: Logger, req: IncomingMessage, res: ServerResponse, id: string, started: number): void {
  const fields = {
    req: { id, method: req.method, path: '/graphql' },
    res: { statusCode: res.statusCode },
    responseTime: Date.now() - started,
  };
  if (res.statusCode >= 500) {
    logger.pino.error({ ...fields, err: new Error(`failed with status code ${res.statusCode}`) }, 'request errored');
    return;
  }
  logger.pino.info(fields, !req.readableAborted && res.writableEnded ? 'request completed' : 'request aborted');
}

export interface LeanGraphqlOptions<Context extends BaseContext> {
  apollo: ApolloServer<Context>;
  proofs: GatewayProofVerifier;
  logger: Logger;
  /** The subgraph's context from the proven base (viewer, request id, trace context). */
  buildContext: (base: BaseContext) => Context | Promise<Context>;
}

/** Serves one request isLeanGraphqlRequest accepted. */
export function leanGraphqlHandler<Context extends BaseContext>(options: LeanGraphqlOptions<Context>) {
  options.apollo.assertStarted('leanGraphqlHandler()');
  const { apollo, proofs, logger } = options;

  async function serve(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const length = Number(req.headers['content-length']);
    // Refused from the declared length, unread (node discards the rest), as express.json does.
    if (length > GRAPHQL_BODY_LIMIT) return sendJson(res, 413, TOO_LARGE);
    const raw = await readBody(req, length);
    if (!raw) return;
    const body = parseBody(raw);
    if (body === undefined) return sendJson(res, 400, NOT_JSON);
    const header = req.headers[GATEWAY_PROOF_HEADER];
    const proof = await proofs.verify(Array.isArray(header) ? header[0] : header, { method: 'POST', body: raw });
    // Refused before any GraphQL work so an unauthenticated caller learns nothing about the schema.
    if (!proof) return sendJson(res, 401, PROOF_REQUIRED);

    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: httpGraphQLRequest(req, body),
      context: async () => options.buildContext({ ...contextFromProof(proof), requestId: id, traceContext: extractTraceContext(req) }),
    });
    await writeHttpGraphQLResponse(res, response);
  }

  return leanRequestHandler(logger, serve);
}

/**
 * Around one lean request's `serve`: the request id (echoed in x-request-id, naming every line
 * logged meanwhile), the access line when the response ends, and a 500 in the error shape if
 * `serve` fails before answering.
 */
export function leanRequestHandler(
  logger: Logger,
  serve: (req: IncomingMessage, res: ServerResponse, id: string) => Promise<void>,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const started = Date.now();
    const id = requestIdFrom(req);
    res.setHeader(REQUEST_ID_HEADER, id);
    const done = () => {
      res.off('finish', done);
      res.off('close', done);
      logAccess(logger, req, res, id, started);
    };
    res.on('finish', done);
    res.on('close', done);
    runInRequestScope(
      id,
      () =>
        void serve(req, res, id).catch((error: unknown) => {
          logger.error('graphql request failed', { error: error instanceof Error ? error.message : String(error) });
          if (!res.headersSent) sendJson(res, 500, INTERNAL);
          else res.destroy();
        }),
    );
  };
}
