import { randomUUID } from 'node:crypto';
import type express from 'express';
import {
  GraphQLError,
  getOperationAST,
  parse,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { ErrorCode } from '@cameo/kernel/errors';
import type { Logger } from '@cameo/kernel/logger';
import type { SessionTokenVerifier } from '@cameo/kernel/session-token';
import { contextFromRequest, sessionEnded, type GatewayContext } from '../context';
import { csrfRefused, preflightForced, type Policy } from '../policy';
import type { SessionGuard } from '../sessions';
import type { ConnectionRegistry } from './connections';
import { acceptedKinds, encodings, type StreamEncoding, type StreamKind } from './http-encodings';
import type { SubscriptionHub } from './hub';
import { createResultFormatter, startSubscription } from './operation';
import type { ResultStream } from './result-stream';
import type { SubscriptionLimits } from './ws-server';

/**
 * Subscriptions over plain HTTP on /graphql: multipart/mixed (Apollo Router's protocol, read by
 * Apollo Client's HttpLink) and server-sent events (graphql-sse's distinct connections mode,
 * as GraphQL Yoga and Hive Gateway serve it), chosen by the Accept header. They run on the
 * graphql-ws server's engine (the hub: one upstream subscription per distinct operation and
 * viewer) under the same rules: the policy (rate, parse, validation, safelist, limits), the
 * session check, CSRF prevention, and one budget of connections per address and operations per
 * user shared with the sockets (connections.ts). graphql-sse's `createHandler` was not used: it
 * would bring its own request parsing, execution and single-connection reservations, while
 * the rules, the engine and the bounded writes here are the gateway's and the same for both
 * encodings (http-encodings.ts).
 *
 * Refusals of the request itself are HTTP answers, as for any request: 400 (CSRF), 401/503
 * (session), 405 (a mutation over GET), 429 (rate, connections per address). Refusals of the
 * operation (validation, limits, budget, the subgraph's NOT_FOUND) are results in the stream, so
 * clients read their codes as over WebSocket; a stream the gateway ends early (session ended,
 * slow reader, shutdown) ends with a transport error.
 */
export interface HttpStreamOptions {
  apiSchema: GraphQLSchema;
  hub: SubscriptionHub;
  connections: ConnectionRegistry;
  policy: Policy;
  sessionTokens: SessionTokenVerifier;
  sessions: SessionGuard;
  logger: Logger;
  limits: SubscriptionLimits;
  /** Queries and mutations sent as SSE run through the HTTP pipeline (Apollo's), as over graphql-ws. */
  execute: (
    request: { query: string; operationName?: string; variables?: Record<string, unknown> },
    context: GatewayContext,
  ) => Promise<ExecutionResult>;
}

interface GraphQLParams {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/** A slow reader that does not take its final error part within this time is cut off. */
const SLOW_CLIENT_GRACE_MS = 5_000;

const requestError = (code: string, message: string, status?: number) =>
  new GraphQLError(message, { extensions: { code, ...(status ? { http: { status } } : {}) } });

export function serveHttpSubscriptions(options: HttpStreamOptions) {
  const { hub, connections, policy, limits, logger } = options;
  const { formatErrors, formatResult } = createResultFormatter(logger);
  const open = new Set<{ end(errors: GraphQLFormattedError[]): void }>();
  const stats = { slowClientsClosed: 0, peakBufferedBytes: 0 };

  /** An HTTP refusal in the JSON shape of every other one. */
  const refuse = (res: express.Response, error: GraphQLError) => {
    const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 400;
    const retryAfter = error.extensions.retryAfterSeconds;
    if (typeof retryAfter === 'number') res.setHeader('retry-after', String(retryAfter));
    res.status(status).json({ errors: formatErrors([error]) });
  };

  /** The whole stream at once: a refusal, or a query's single result over SSE. */
  const answer = (res: express.Response, encoding: StreamEncoding, result: ExecutionResult) => {
    startResponse(res, encoding);
    res.end(encoding.result(formatResult(result)) + encoding.end());
  };

  const middleware: express.RequestHandler = (req, res, next) => {
    const kinds = acceptedKinds(req.header('accept'));
    const kind = kinds.find((accepted): accepted is StreamKind => accepted !== 'json');
    if (!kind || (req.method !== 'GET' && req.method !== 'POST')) return next();
    // SSE preferred over JSON: every operation is answered as events (graphql-sse sends queries
    // that way too). Otherwise only subscriptions are taken; the rest is Apollo's.
    const everyOperation = kinds[0] === 'sse';
    const encoding = encodings[kind];
    const params = readParams(req);
    if (!params) return next();
    if ('error' in params) return refuse(res, params.error);

    const query = typeof params.query === 'string' && params.query ? params.query : policy.registeredQuery(params.extensions);
    // Requests this module leaves to Apollo meet Apollo's own csrfPrevention there.
    const crossSite = req.method === 'GET' && !preflightForced(req);
    if (!query) {
      if (!everyOperation) return next();
      if (crossSite) return refuse(res, csrfRefused());
      const missing = (params.extensions as { persistedQuery?: unknown } | undefined)?.persistedQuery
        ? requestError('PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound')
        : requestError(ErrorCode.BAD_REQUEST, 'The request has no query.');
      return answer(res, encoding, { errors: [missing] });
    }
    if (params.variables != null && !isObject(params.variables)) {
      return refuse(res, requestError(ErrorCode.BAD_REQUEST, 'The variables must be an object.', 400));
    }
    const operationName = typeof params.operationName === 'string' ? params.operationName : undefined;
    const variables = isObject(params.variables) ? params.variables : undefined;
    const prepared = policy.prepare(query, operationName, variables);
    if ('errors' in prepared) {
      // A refused subscription is answered in the stream its client reads; anything else is Apollo's.
      if (!everyOperation && !isSubscription(query, operationName, policy.limits.maxTokens)) return next();
      return crossSite ? refuse(res, csrfRefused()) : answer(res, encoding, { errors: prepared.errors });
    }
    const type = prepared.operation.operation;
    if (type !== 'subscription' && !everyOperation) return next();
    if (crossSite) return refuse(res, csrfRefused());
    if (type === 'mutation' && req.method === 'GET') {
      res.setHeader('allow', 'POST');
      return refuse(res, requestError(ErrorCode.BAD_REQUEST, 'Mutations are sent with POST.', 405));
    }

    void (async () => {
      let context: GatewayContext;
      try {
        context = {
          ...(await contextFromRequest(req, options.sessionTokens, options.sessions)),
          requestId: String(res.locals.requestId ?? randomUUID()),
          clientAddress: req.socket.remoteAddress,
        };
      } catch (error) {
        return refuse(res, error instanceof GraphQLError ? error : sessionEnded());
      }
      if (type !== 'subscription') {
        return answer(res, encoding, await options.execute({ query, operationName, variables }, context));
      }
      subscribe(req, res, encoding, context, { document: prepared.document, operationName, variables });
    })().catch(next);
  };

  function subscribe(
    req: express.Request,
    res: express.Response,
    encoding: StreamEncoding,
    context: GatewayContext,
    operation: { document: DocumentNode; operationName?: string; variables?: Record<string, unknown> },
  ) {
    const { viewerId, sessionVersion } = context;
    // From here to the stream's start nothing awaits: the budget cannot be overtaken between check and count.
    const releaseAddress = connections.openAddress(req.socket.remoteAddress ?? 'unknown');
    if (!releaseAddress) {
      return refuse(
        res,
        requestError(ErrorCode.RATE_LIMITED, `One address may hold at most ${limits.perAddress} subscription connections open.`, 429),
      );
    }
    const refusal =
      viewerId && connections.openByUser(viewerId) >= limits.perUser
        ? requestError(ErrorCode.SUBSCRIPTION_LIMIT, `One account may have at most ${limits.perUser} operations open.`)
        : hub.clientCount >= limits.total
          ? requestError(ErrorCode.SUBSCRIPTION_LIMIT, 'This gateway is serving as many subscriptions as it may; try again shortly.')
          : null;
    const started = refusal
      ? { errors: [refusal] }
      : startSubscription(hub, options.apiSchema, { ...operation, viewerId, requestId: context.requestId });
    if (!('next' in started)) {
      releaseAddress();
      return answer(res, encoding, started);
    }
    stream(res, encoding, started, releaseAddress, viewerId ? { viewerId, sessionVersion } : undefined);
  }

  function stream(
    res: express.Response,
    encoding: StreamEncoding,
    results: ResultStream,
    releaseAddress: () => void,
    viewer: { viewerId: string; sessionVersion?: number } | undefined,
  ) {
    let ended = false;
    let untrack = () => {};
    const live = {
      end: (errors: GraphQLFormattedError[]) => finish(errors),
    };
    const finish = (errors?: readonly GraphQLFormattedError[]) => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      open.delete(live);
      untrack();
      releaseAddress();
      // Ends this client's place in the hub; the upstream subscription ends with its last client.
      void results.return();
      if (res.writableEnded || res.destroyed) return;
      res.end((errors ? encoding.transportError(errors) : '') + encoding.end());
    };
    // Memory per stream is bounded as on a socket: past the bound of unsent bytes, the stream
    // ends with an error part, and a reader that does not take it within the grace is cut off.
    const write = (chunk: string): boolean => {
      if (ended) return false;
      res.write(chunk);
      stats.peakBufferedBytes = Math.max(stats.peakBufferedBytes, res.writableLength);
      if (res.writableLength <= limits.clientBufferBytes) return true;
      stats.slowClientsClosed++;
      finish(
        formatErrors([requestError(ErrorCode.SUBSCRIBER_OVERFLOW, 'Client too slow: too many unread results. Subscribe again to resume.')]),
      );
      const cutOff = setTimeout(() => res.destroy(), SLOW_CLIENT_GRACE_MS).unref();
      res.once('close', () => clearTimeout(cutOff));
      return false;
    };

    const heartbeat = setInterval(() => write(encoding.heartbeat()), limits.heartbeatMs).unref();
    startResponse(res, encoding);
    open.add(live);
    if (viewer) {
      untrack = connections.track({
        ...viewer,
        openOperations: () => 1,
        endSession: () => finish(formatErrors([sessionEnded()])),
      });
    }
    // The client closed the request (or the connection broke): its subscription ends upstream.
    res.once('close', () => finish());
    void (async () => {
      for await (const result of results) {
        if (!write(encoding.result(formatResult(result)))) return;
      }
      finish();
    })().catch((error: unknown) => {
      logger.error('HTTP subscription stream failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      finish(formatErrors([requestError(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error')]));
    });
  }

  return {
    middleware,
    stats: () => ({ httpStreams: open.size, ...stats }),
    /** Ends every stream with a transport error so clients subscribe again (to another replica). */
    stop: () => {
      const goingAway = formatErrors([requestError(ErrorCode.SERVICE_UNAVAILABLE, 'The gateway is shutting down; subscribe again.')]);
      for (const live of [...open]) live.end(goingAway);
    },
  };
}

function startResponse(res: express.Response, encoding: StreamEncoding) {
  res.status(200);
  res.setHeader('content-type', encoding.contentType);
  res.setHeader('cache-control', 'no-cache, no-store');
  // Proxies that buffer responses (nginx) pass each part on at once.
  res.setHeader('x-accel-buffering', 'no');
  res.write(encoding.start());
}

/** Whether the document's operation is a subscription, for a request the policy refused. */
function isSubscription(query: string, operationName: string | undefined, maxTokens: number): boolean {
  try {
    return getOperationAST(parse(query, { maxTokens }), operationName)?.operation === 'subscription';
  } catch {
    return false;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The GraphQL-over-HTTP parameters of a POST body (already read by express.json) or a GET's
 * search parameters (variables and extensions as JSON). Null when the request is not one this
 * module reads (a body express did not parse, a batch): Apollo's pipeline answers it.
 */
function readParams(req: express.Request): GraphQLParams | { error: GraphQLError } | null {
  if (req.method === 'POST') return isObject(req.body) ? (req.body as GraphQLParams) : null;
  const search = req.query as Record<string, unknown>;
  const params: GraphQLParams = { query: search.query, operationName: search.operationName };
  for (const key of ['variables', 'extensions'] as const) {
    const raw = search[key];
    if (raw === undefined) continue;
    try {
      params[key] = JSON.parse(String(raw));
    } catch {
      return { error: requestError(ErrorCode.BAD_REQUEST, `The ${key} parameter is not valid JSON.`, 400) };
    }
  }
  return params;
}
