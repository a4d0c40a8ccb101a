import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import {
  GraphQLError,
  getOperationAST,
  parse,
  print,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { CloseCode, handleProtocols, makeServer } from 'graphql-ws';
import { WebSocket, WebSocketServer } from 'ws';
import { ErrorCode } from '../../../subgraphs/shared/src/errors';
import { createFormatError } from '../../../subgraphs/shared/src/format-error';
import { CLOSE_GRACE_MS, closeWithin } from '../../../subgraphs/shared/src/serve-ws';
import type { Logger } from '../../../subgraphs/shared/src/logger';
import type { GatewayContext } from '../context';
import { authenticate, requireCurrent } from '../context';
import type { SessionGuard } from '../sessions';
import { checkLimits, measureOperation, type OperationLimits } from '../limits';
import type { SubscriptionHub } from './hub';

/** Close codes of ours, beyond graphql-ws's own (4400-4504). Documented in the README. */
export const CloseCodes = {
  /** The session token in connection_init is invalid or expired, or its session ended since. */
  UNAUTHORIZED: CloseCode.Unauthorized,
  /** Sessions cannot be checked now (the users subgraph is unreachable); reconnect shortly. */
  TRY_AGAIN_LATER: 1013,
  /** The client let more than the buffer bound of messages pile up unread. */
  SLOW_CLIENT: 4008,
  /** The gateway is shutting down; reconnect (to another replica). */
  GOING_AWAY: 1001,
} as const;

const SLOW_CLIENT_GRACE_MS = 5_000;

export interface SubscriptionLimits {
  /** Operations one connection may have open at once. */
  perConnection: number;
  /** Client subscriptions this gateway process serves at once. */
  total: number;
  /** Bytes of unsent messages a connection may hold before it is closed as too slow. */
  clientBufferBytes: number;
  /** Interval of WebSocket pings; a connection that misses a pong for this long is dropped. */
  keepAliveMs: number;
}

export interface SubscriptionStats {
  connections: number;
  /** Client subscriptions open. */
  subscriptions: number;
  /** Upstream subscriptions open (after deduplication). */
  upstream: number;
  slowClientsClosed: number;
  /** The most bytes any connection has had waiting to be sent. */
  peakBufferedBytes: number;
}

export interface WsServerOptions {
  httpServer: http.Server;
  apiSchema: GraphQLSchema;
  hub: SubscriptionHub;
  jwtSecret: string;
  /** Whether a session is still current: at connection_init, for every operation, and when one ends. */
  sessions: SessionGuard;
  logger: Logger;
  limits: SubscriptionLimits;
  /** The same operation limits as over HTTP. */
  operationLimits: OperationLimits;
  /** Queries and mutations sent over the socket run through the HTTP pipeline. */
  execute: (request: { query: string; operationName?: string; variables?: Record<string, unknown> }, context: GatewayContext) => Promise<ExecutionResult>;
}

interface Extra {
  socket: WebSocket;
  /** The peer's address, passed on with every operation (sign-in throttle). */
  clientAddress?: string;
  viewerId: string | null;
  sessionVersion?: number;
}

const sessionToken = (params: Readonly<Record<string, unknown>> | null | undefined): string | undefined => {
  const value = params?.authorization ?? params?.Authorization ?? params?.token;
  if (typeof value !== 'string') return undefined;
  return /^Bearer\s+(\S+)$/i.exec(value)?.[1] ?? value;
};

const requestError = (code: string, message: string) => new GraphQLError(message, { extensions: { code } });

/**
 * graphql-ws (the graphql-transport-ws protocol) on the gateway's /graphql path. Clients
 * authenticate in connection_init with the same session token as over HTTP; subscriptions go
 * to the hub, queries and mutations to the HTTP pipeline. Memory per connection is bounded:
 * a client that stops reading is closed with 4008 once its unsent messages pass the bound.
 */
export function serveGraphqlWs(options: WsServerOptions) {
  const { hub, limits, apiSchema } = options;
  const formatError = createFormatError(options.logger);
  const format = (errors: readonly (GraphQLError | GraphQLFormattedError)[]) =>
    errors.map((error) => formatError(error instanceof GraphQLError ? error.toJSON() : error, error));
  const stats = { slowClientsClosed: 0, peakBufferedBytes: 0 };

  const server = makeServer<Record<string, unknown>, Extra>({
    onConnect: async (ctx) => {
      const token = sessionToken(ctx.connectionParams);
      if (!token) return true;
      try {
        const session = await authenticate(token, options.jwtSecret, options.sessions);
        ctx.extra.viewerId = session.userId;
        ctx.extra.sessionVersion = session.sessionVersion;
        track(ctx.extra);
        return true;
      } catch (error) {
        refuse(ctx.extra.socket, error);
        return false;
      }
    },
    onSubscribe: async (ctx, _id, payload) => {
      // The same check as every HTTP request: a session that ended since connection_init (heard
      // late, or on a replica without the live bus) is caught at its next operation.
      const { viewerId, sessionVersion } = ctx.extra;
      if (viewerId) {
        try {
          await requireCurrent({ userId: viewerId, sessionVersion: sessionVersion ?? 0 }, options.sessions);
        } catch (error) {
          if (error instanceof GraphQLError && error.extensions.code === ErrorCode.SERVICE_UNAVAILABLE) return [error];
          refuse(ctx.extra.socket, error);
          return [requestError(ErrorCode.UNAUTHENTICATED, 'The session ended. Sign in again.')];
        }
      }
      if (Object.keys(ctx.subscriptions).length > limits.perConnection) {
        return [requestError(ErrorCode.SUBSCRIPTION_LIMIT, `One connection may have at most ${limits.perConnection} operations open.`)];
      }
      if (hub.clientCount >= limits.total) {
        return [requestError(ErrorCode.SUBSCRIPTION_LIMIT, 'This gateway is serving as many subscriptions as it may; try again shortly.')];
      }
      let document: DocumentNode;
      try {
        document = parse(payload.query, { maxTokens: options.operationLimits.maxTokens });
      } catch (error) {
        return [requestError('GRAPHQL_PARSE_FAILED', error instanceof Error ? error.message : 'Syntax error')];
      }
      const invalid = validate(apiSchema, document);
      if (invalid.length) return invalid.map((error) => requestError('GRAPHQL_VALIDATION_FAILED', error.message));
      const operation = getOperationAST(document, payload.operationName);
      const tooMuch = operation && checkLimits(measureOperation(apiSchema, document, operation, payload.variables ?? {}), options.operationLimits);
      if (tooMuch) return [tooMuch];
      const contextValue: GatewayContext = {
        viewerId: ctx.extra.viewerId,
        sessionVersion: ctx.extra.sessionVersion,
        requestId: randomUUID(),
        clientAddress: ctx.extra.clientAddress,
      };
      return { schema: apiSchema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
    },
    subscribe: (args) => subscribe(args),
    execute: (args) =>
      options.execute(
        { query: print(args.document), operationName: args.operationName ?? undefined, variables: args.variableValues ?? undefined },
        args.contextValue as GatewayContext,
      ),
    onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: format(result.errors) } : undefined),
    onError: (_ctx, _id, _payload, errors) => format(errors),
  });

  // Open sockets by account: an ended session closes its sockets at once (their subscriptions end).
  const byUser = new Map<string, Set<Extra>>();
  const track = (extra: Extra) => {
    const open = byUser.get(extra.viewerId!) ?? new Set();
    byUser.set(extra.viewerId!, open);
    open.add(extra);
    extra.socket.once('close', () => {
      open.delete(extra);
      if (open.size === 0 && byUser.get(extra.viewerId!) === open) byUser.delete(extra.viewerId!);
    });
  };
  const stopHearing = options.sessions.onEnded(({ userId, sessionVersion }) => {
    for (const extra of [...(byUser.get(userId) ?? [])]) {
      if (sessionVersion === null || (extra.sessionVersion ?? 0) < sessionVersion) {
        extra.socket.close(CloseCodes.UNAUTHORIZED, 'Unauthorized: the session ended');
      }
    }
  });
  const refuse = (socket: WebSocket, error: unknown) => {
    const unavailable = error instanceof GraphQLError && error.extensions.code === ErrorCode.SERVICE_UNAVAILABLE;
    if (unavailable) socket.close(CloseCodes.TRY_AGAIN_LATER, 'Sessions cannot be checked now; reconnect shortly');
    else socket.close(CloseCodes.UNAUTHORIZED, 'Unauthorized: the session token is invalid or expired');
  };

  function subscribe(args: ExecutionArgs): ExecutionResult | AsyncIterableIterator<ExecutionResult> {
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation) return { errors: [requestError('GRAPHQL_VALIDATION_FAILED', 'Name the operation to run.')] };
    const coerced = getVariableValues(apiSchema, operation.variableDefinitions ?? [], args.variableValues ?? {}, { maxErrors: 10 });
    if (coerced.errors) return { errors: coerced.errors.map((error) => requestError(ErrorCode.BAD_USER_INPUT, error.message)) };
    const { viewerId, requestId } = args.contextValue as GatewayContext;
    return hub.subscribe({ document: args.document, operationName: args.operationName ?? undefined, variables: coerced.coerced, viewerId, requestId });
  }

  const wss = new WebSocketServer({ server: options.httpServer, path: '/graphql', handleProtocols, maxPayload: 1024 * 1024 });
  wss.on('connection', (socket, request) => {
    let alive = true;
    socket.on('pong', () => {
      alive = true;
    });
    const keepAlive = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, limits.keepAliveMs);
    const closeSlow = () => {
      stats.slowClientsClosed++;
      socket.close(CloseCodes.SLOW_CLIENT, 'Client too slow: too many unread messages');
      // The close frame waits behind the unread messages: a client that resumes reading within
      // the grace period learns why; one that does not is cut off, freeing its buffer.
      setTimeout(() => socket.terminate(), SLOW_CLIENT_GRACE_MS).unref();
    };
    const flushOnce = batchWrites(socket);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => {
          if (socket.readyState !== WebSocket.OPEN) return;
          if (socket.bufferedAmount > limits.clientBufferBytes) return closeSlow();
          flushOnce();
          socket.send(data);
          stats.peakBufferedBytes = Math.max(stats.peakBufferedBytes, socket.bufferedAmount);
        },
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data) => {
            handle(String(data)).catch((error: unknown) => {
              options.logger.error('graphql-ws message failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      { socket, viewerId: null, clientAddress: request.socket.remoteAddress },
    );
    socket.on('error', () => socket.terminate());
    socket.once('close', (code, reason) => {
      clearInterval(keepAlive);
      void closed(code, String(reason));
    });
  });

  return {
    stats: (): SubscriptionStats => ({
      connections: wss.clients.size,
      subscriptions: hub.clientCount,
      upstream: hub.upstreamCount,
      ...stats,
    }),
    /** Ends every subscription and closes every socket with 1001 so clients reconnect elsewhere. */
    stop: async () => {
      stopHearing();
      hub.endAll();
      for (const socket of wss.clients) socket.close(CloseCodes.GOING_AWAY, 'Gateway shutting down');
      await closeWithin(wss, CLOSE_GRACE_MS);
    },
  };
}

/**
 * One event reaches every subscription of a connection in the same turn of the event loop;
 * holding the socket's writes until that turn ends sends them in one write instead of one
 * system call per message (a tenth of the calls with ten subscriptions per connection).
 */
function batchWrites(socket: WebSocket): () => void {
  const raw = (socket as unknown as { _socket?: { cork(): void; uncork(): void } })._socket;
  let corked = false;
  return () => {
    if (corked || !raw) return;
    corked = true;
    raw.cork();
    // After the microtasks that deliver this event to the connection's other subscriptions.
    process.nextTick(() => {
      corked = false;
      raw.uncork();
    });
  };
}
