import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { ErrorCode } from '@cameo/kernel/errors';
import {
  httpGraphQLRequest,
  isLeanGraphqlRequest,
  leanRequestHandler,
  parseBody,
  readBody,
  sendJson,
  writeHttpGraphQLResponse,
} from '@cameo/kernel/graphql-http';
import type { Logger } from '@cameo/kernel/logger';
import type { SessionTokenVerifier } from '@cameo/kernel/session-token';
import { withServerSpan } from '@cameo/kernel/tracing';
import { contextFromRequest, type GatewayContext } from './context';
import type { Policy } from './policy';
import type { SessionGuard } from './sessions';
import { acceptedKinds } from './subscriptions/http-encodings';

/**
 * The gateway's POST /graphql served straight from node:http, as the subgraphs' is
 * (`@cameo/kernel/graphql-http`): Apollo Server's integration API, with what the express chain
 * in gateway.ts does for such a request done here in the same order — the access line and
 * request id, CORS for the listed origins, the rate (policy rule 1, before the body is read),
 * the body limit, a registered operation sent by id alone, the request's server span and log
 * scope, and the context from the session token.
 *
 * Why not express: on every Feed page and mutation the gateway spent about 7% of its sampled
 * CPU in express's router, express.json, pino-http's child loggers and @as-integrations/express5
 * (`npm run bench -- --profile`), work none of it needs for a JSON POST; side by side, this path
 * took 17-29% off the gateway's CPU per createGeneration (docs/bench.md, sixth pass).
 *
 * Only a plain JSON POST with a declared length that asks for a JSON answer takes this path;
 * anything else (GET, other paths, compressed or chunked bodies, other charsets, Accept asking
 * for multipart or server-sent events) goes on to express, which serves it as before.
 */

export interface GatewayGraphqlOptions {
  apollo: ApolloServer<GatewayContext>;
  policy: Policy;
  logger: Logger;
  sessionTokens: SessionTokenVerifier;
  sessions: SessionGuard;
  /** Sets the CORS headers of an allowed origin (gateway.ts `allowOrigins`, as on the express path). */
  cors: (req: IncomingMessage, res: ServerResponse) => void;
}

/** Whether the lean path serves this request (else express does). */
export function isLeanGatewayRequest(req: IncomingMessage): boolean {
  return isLeanGraphqlRequest(req) && acceptedKinds(req.headers.accept).every((kind) => kind === 'json');
}

const errorBody = (message: string, code: string) => JSON.stringify({ errors: [{ message, extensions: { code } }] });
const TOO_LARGE = errorBody('The request body is too large.', ErrorCode.REQUEST_TOO_LARGE);
const NOT_JSON = errorBody('The request body is not valid JSON.', ErrorCode.BAD_REQUEST);

/** Serves one request isLeanGatewayRequest accepted. */
export function gatewayGraphqlHandler(options: GatewayGraphqlOptions) {
  options.apollo.assertStarted('gatewayGraphqlHandler()');
  const { apollo, policy, logger } = options;

  async function serve(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    options.cors(req, res);
    if (!(await policy.admitHttp(req, res))) return;
    const length = Number(req.headers['content-length']);
    // Refused from the declared length, unread, as express.json does.
    if (length > policy.limits.maxBodyBytes) return sendJson(res, 413, TOO_LARGE);
    const raw = await readBody(req, length);
    if (!raw) return;
    const body = parseBody(raw) as { query?: unknown; extensions?: unknown } | undefined;
    if (body === undefined) return sendJson(res, 400, NOT_JSON);
    // A registered operation sent by id alone: Apollo's APQ sees the id with its text.
    if (!Array.isArray(body) && !body.query) {
      const query = policy.registeredQuery(body.extensions);
      if (query) body.query = query;
    }
    await withServerSpan(req, res, '/graphql', async () => {
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: httpGraphQLRequest(req, body),
        context: async () => ({
          ...(await contextFromRequest(req, options.sessionTokens, options.sessions)),
          requestId,
          clientAddress: req.socket.remoteAddress,
        }),
      });
      await writeHttpGraphQLResponse(res, response);
    });
  }

  return leanRequestHandler(logger, serve);
}
