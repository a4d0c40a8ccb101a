import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { CloseCode, handleProtocols, makeServer } from 'graphql-ws';
import { WebSocket, WebSocketServer } from 'ws';
import { ErrorCode } from '@cameo/kernel/errors';
import { CLOSE_GRACE_MS, closeWithin } from '@cameo/kernel/serve-ws';
import type { Logger } from '@cameo/kernel/logger';
import type { SessionTokenVerifier } from '@cameo/kernel/session-token';
import type { GatewayContext } from '../context';
import { authenticate, requireCurrent } from '../context';
import type { SessionGuard } from '../sessions';
import type { Policy } from '../policy';
import type { ConnectionRegistry } from './connections';
import type { SubscriptionHub } from './hub';
import { createNextFrames } from './next-frames';
import { createResultFormatter, startSubscription } from './operation';
import { ResultStream } from './result-stream';
import { createSocketWriter } from './socket-writer';

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
  /** Operations one signed-in user may have open at once over all their connections, on every transport. */
  perUser: number;
  /** Connections one client address may hold open, WebSockets and HTTP streams together (beyond: HTTP 429). */
  perAddress: number;
  /** Client subscriptions this gateway process serves at once. */
  total: number;
  /** Bytes of unsent messages a connection may hold before it is closed as too slow. */
  clientBufferBytes: number;
  /** Interval of WebSocket pings; a connection that misses a pong for this long is dropped. */
  keepAliveMs: number;
  /** Interval of heartbeats on multipart HTTP (`{}`) and SSE (a comment) streams. */
  heartbeatMs: number;
}

export interface SubscriptionStats {
  /** Open WebSockets. */
  connections: number;
  /** Open multipart HTTP and SSE subscription responses. */
  httpStreams: number;
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
  /** Connections per address and operations per user, counted with the HTTP streams'. */
  connections: ConnectionRegistry;
  sessionTokens: SessionTokenVerifier;
  /** Whether a session is still current: at connection_init, for every operation, and when one ends. */
  sessions: SessionGuard;
  logger: Logger;
  limits: SubscriptionLimits;
  /** The rulebook every operation passes, as over HTTP: rate limits, parsing, validation, safelist, limits. */
  policy: Policy;
  /** Queries and mutations sent over the socket run through the HTTP pipeline (which applies the policy's checks again). */
  execute: (
    request: { query: string; operationName?: string; variables?: Record<string, unknown> },
    context: GatewayContext,
  ) => Promise<ExecutionResult>;
}

interface Extra {
  socket: WebSocket;
  /** The TCP peer's address: HTTP's per-address rate, and passed on with every operation (sign-in throttle). */
  address: string;
  viewerId: string | null;
  sessionVersion?: number;
  /** Operations open on this connection, the one being subscribed included. */
  openOperations(): number;
  /** Sends one message, `head` then `tail`, on the socket, under the bound on unsent bytes. */
  send(head: Buffer, tail?: Buffer): void;
}

/** The context of an operation over the socket: the text the client sent, for Apollo's pipeline. */
interface WsContext extends GatewayContext {
  source: string;
  /** Writes one result of this subscription to the socket as a `next` message. */
  next: (result: ExecutionResult) => void;
}

const sessionToken = (params: Readonly<Record<string, unknown>> | null | undefined): string | undefined => {
  const value = params?.authorization ?? params?.Authorization ?? params?.token;
  if (typeof value !== 'string') return undefined;
  return /^Bearer\s+(\S+)$/i.exec(value)?.[1] ?? value;
};

const requestError = (code: string, message: string) => new GraphQLError(message, { extensions: { code } });

/** HTTP status of a refused upgrade: a client past WS_CONNECTIONS_PER_ADDRESS. */
export const TOO_MANY_CONNECTIONS_STATUS = 429;

/**
 * graphql-ws (the graphql-transport-ws protocol) on the gateway's /graphql path. Clients
 * authenticate in connection_init with the same session token as over HTTP; subscriptions go
 * to the hub, queries and mutations to the HTTP pipeline. Memory per connection is bounded:
 * a client that stops reading is closed with 4008 once its unsent messages pass the bound.
 */
export function serveGraphqlWs(options: WsServerOptions) {
  const { hub, limits, apiSchema, policy, connections } = options;
  const { formatErrors: format, formatResult } = createResultFormatter(options.logger);
  const frames = createNextFrames(formatResult);
  const stats = { slowClientsClosed: 0, peakBufferedBytes: 0 };

  const server = makeServer<Record<string, unknown>, Extra>({
    onConnect: async (ctx) => {
      // graphql-ws adds each operation to ctx.subscriptions before onSubscribe runs.
      ctx.extra.openOperations = () => Object.keys(ctx.subscriptions).length;
      const token = sessionToken(ctx.connectionParams);
      if (!token) return true;
      try {
        const session = await authenticate(token, options.sessionTokens, options.sessions);
        ctx.extra.viewerId = session.userId;
        ctx.extra.sessionVersion = session.sessionVersion;
        track(ctx.extra);
        return true;
      } catch (error) {
        refuse(ctx.extra.socket, error);
        return false;
      }
    },
    onSubscribe: async (ctx, id, payload) => {
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
      // One count per operation, as one per HTTP request: a refusal is an error result, the socket stays.
      const limited = await policy.admit({ address: ctx.extra.address, viewerId });
      if (limited) return [limited];
      if (Object.keys(ctx.subscriptions).length > limits.perConnection) {
        return [requestError(ErrorCode.SUBSCRIPTION_LIMIT, `One connection may have at most ${limits.perConnection} operations open.`)];
      }
      if (viewerId && connections.openByUser(viewerId) > limits.perUser) {
        return [requestError(ErrorCode.SUBSCRIPTION_LIMIT, `One account may have at most ${limits.perUser} operations open.`)];
      }
      if (hub.clientCount >= limits.total) {
        return [requestError(ErrorCode.SUBSCRIPTION_LIMIT, 'This gateway is serving as many subscriptions as it may; try again shortly.')];
      }
      // As over HTTP, a registered operation may come by id alone (an empty `query`).
      const query = payload.query || policy.registeredQuery(payload.extensions);
      if (!query) {
        return [
          payload.extensions?.persistedQuery
            ? requestError('PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound')
            : requestError(ErrorCode.BAD_REQUEST, 'The operation has no query.'),
        ];
      }
      const prepared = policy.prepare(query, payload.operationName, payload.variables);
      if ('errors' in prepared) return prepared.errors;
      const prefix = frames.prefix(id);
      const { send } = ctx.extra;
      const contextValue: WsContext = {
        viewerId,
        sessionVersion,
        requestId: randomUUID(),
        source: query,
        clientAddress: ctx.extra.address,
        next: (result) => send(prefix, frames.payload(result)),
      };
      return {
        schema: apiSchema,
        // One tree per text, shared by every subscription sent with it (policy.prepare keeps them).
        document: prepared.document,
        operationName: payload.operationName,
        variableValues: payload.variables,
        contextValue,
      };
    },
    subscribe: (args) => subscribe(args),
    execute: (args) => {
      const { source, next: _next, ...contextValue } = args.contextValue as WsContext;
      return options.execute(
        { query: source, operationName: args.operationName ?? undefined, variables: args.variableValues ?? undefined },
        contextValue,
      );
    },
    onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: format(result.errors) } : undefined),
    onError: (_ctx, _id, _payload, errors) => format(errors),
  });

  // Signed-in sockets count against their account (with its HTTP streams); an ended session
  // closes them at once, ending their subscriptions.
  const track = (extra: Extra) => {
    const untrack = connections.track({
      viewerId: extra.viewerId!,
      sessionVersion: extra.sessionVersion,
      openOperations: () => extra.openOperations(),
      endSession: () => extra.socket.close(CloseCodes.UNAUTHORIZED, 'Unauthorized: the session ended'),
    });
    extra.socket.once('close', untrack);
  };
  const refuse = (socket: WebSocket, error: unknown) => {
    const unavailable = error instanceof GraphQLError && error.extensions.code === ErrorCode.SERVICE_UNAVAILABLE;
    if (unavailable) socket.close(CloseCodes.TRY_AGAIN_LATER, 'Sessions cannot be checked now; reconnect shortly');
    else socket.close(CloseCodes.UNAUTHORIZED, 'Unauthorized: the session token is invalid or expired');
  };

  function subscribe(args: ExecutionArgs): ExecutionResult | AsyncIterableIterator<ExecutionResult> {
    const { viewerId, requestId, next } = args.contextValue as WsContext;
    const started = startSubscription(hub, apiSchema, {
      document: args.document,
      operationName: args.operationName,
      variables: args.variableValues,
      viewerId,
      requestId,
    });
    // Results skip graphql-ws's per-result loop (promises, copies, a JSON.stringify each): they
    // are written as they come, and graphql-ws only sees the end, then sends `complete` itself.
    return started instanceof ResultStream ? started.deliverTo(next) : started;
  }

  // No perMessageDeflate (ws's default, stated because socket-writer.ts frames messages itself).
  const wss = new WebSocketServer({ noServer: true, handleProtocols, maxPayload: 1024 * 1024, perMessageDeflate: false });
  // Connections per address are counted from the upgrade request until its TCP socket closes,
  // so handshakes in flight count too and every way a connection ends gives its place back.
  const onUpgrade = (request: http.IncomingMessage, tcp: Duplex, head: Buffer) => {
    const pathname = (request.url ?? '/').split('?')[0];
    if (pathname !== '/graphql') return refuseUpgrade(tcp, 400, 'WebSockets are served at /graphql.');
    const release = connections.openAddress(request.socket.remoteAddress ?? 'unknown');
    if (!release) {
      return refuseUpgrade(
        tcp,
        TOO_MANY_CONNECTIONS_STATUS,
        `One address may hold at most ${limits.perAddress} subscription connections open.`,
      );
    }
    tcp.once('close', release);
    wss.handleUpgrade(request, tcp, head, (socket) => wss.emit('connection', socket, request));
  };
  options.httpServer.on('upgrade', onUpgrade);
  wss.on('connection', (socket: WebSocket, request: http.IncomingMessage) => {
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
    const writer = createSocketWriter(socket);
    const send = (head: Buffer, tail?: Buffer) => {
      if (socket.readyState !== WebSocket.OPEN) return;
      const buffered = socket.bufferedAmount + writer.pendingBytes();
      if (buffered > limits.clientBufferBytes) return closeSlow();
      writer.write(head, tail);
      stats.peakBufferedBytes = Math.max(stats.peakBufferedBytes, buffered + head.length + (tail?.length ?? 0));
    };
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => send(Buffer.from(data)),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data) => {
            handle(String(data)).catch((error: unknown) => {
              options.logger.error('graphql-ws message failed', {
                error: error instanceof Error ? (error.stack ?? error.message) : String(error),
              });
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      { socket, address: request.socket.remoteAddress ?? 'unknown', viewerId: null, openOperations: () => 0, send },
    );
    socket.on('error', () => socket.terminate());
    socket.once('close', (code, reason) => {
      clearInterval(keepAlive);
      void closed(code, String(reason));
    });
  });

  return {
    stats: () => ({
      connections: wss.clients.size,
      subscriptions: hub.clientCount,
      upstream: hub.upstreamCount,
      ...stats,
    }),
    /** Ends every subscription and closes every socket with 1001 so clients reconnect elsewhere. */
    stop: async () => {
      options.httpServer.off('upgrade', onUpgrade);
      hub.endAll();
      for (const socket of wss.clients) socket.close(CloseCodes.GOING_AWAY, 'Gateway shutting down');
      await closeWithin(wss, CLOSE_GRACE_MS);
    },
  };
}

/** Answers an upgrade request with an HTTP error in our JSON shape and closes it. */
function refuseUpgrade(tcp: Duplex, status: number, message: string) {
  const code = status === TOO_MANY_CONNECTIONS_STATUS ? ErrorCode.RATE_LIMITED : ErrorCode.BAD_REQUEST;
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  tcp.once('finish', () => tcp.destroy());
  tcp.end(
    `HTTP/1.1 ${status} ${status === TOO_MANY_CONNECTIONS_STATUS ? 'Too Many Requests' : 'Bad Request'}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
