import type http from 'node:http';
import { GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { contextFromProof, type BaseContext } from './context';
import { ErrorCode } from './errors';
import { createFormatError } from './format-error';
import { GATEWAY_PROOF_HEADER, operationHash, type GatewayProofVerifier } from './gateway-proof';
import type { Logger } from './logger';

export interface SubscriptionServerOptions<Context extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  httpServer: http.Server;
  /** The subgraph's proof verifier (serve.ts), shared with HTTP so one replay cache covers both. */
  proofs: GatewayProofVerifier;
  logger: Logger;
  buildContext: (base: BaseContext) => Context | Promise<Context>;
}

const proofOf = (source: Readonly<Record<string, unknown>> | null | undefined): string | undefined => {
  const value = source?.[GATEWAY_PROOF_HEADER];
  return typeof value === 'string' ? value : undefined;
};

/**
 * Subscriptions over graphql-ws on the subgraph's /graphql path, for the gateway only. The
 * gateway shares one socket per subgraph between all its viewers, so the socket proves it is
 * the gateway (a proof in `connection_init`) and each subscription names its viewer (a proof in
 * the subscribe message's `extensions`).
 */
export function serveSubscriptions<Context extends BaseContext>(options: SubscriptionServerOptions<Context>) {
  const formatError = createFormatError(options.logger);
  // A subscription's proof is bound to its operation (document, variables, name), so it cannot
  // be lifted onto another subscription; the verified viewer is kept for its context.
  // Per socket (its context object), so a closed socket's entries go with it.
  const viewers = new WeakMap<object, Map<string, BaseContext>>();
  const viewersOf = (ctx: object) => {
    let map = viewers.get(ctx);
    if (!map) viewers.set(ctx, (map = new Map()));
    return map;
  };
  const socketProof = { method: 'CONNECT', body: '' };
  const wsServer = new WebSocketServer({ server: options.httpServer, path: '/graphql' });
  const server = useServer<Record<string, unknown>>(
    {
      schema: options.schema,
      onConnect: async (ctx) => (await options.proofs.verify(proofOf(ctx.connectionParams), socketProof)) !== null,
      onSubscribe: async (ctx, id, payload) => {
        const proof = await options.proofs.verify(proofOf(payload.extensions), { method: 'SUBSCRIBE', bodyHash: operationHash(payload) });
        if (proof) {
          viewersOf(ctx).set(id, contextFromProof(proof));
          return;
        }
        return [
          new GraphQLError('Every subscription needs a gateway proof naming its viewer.', {
            extensions: { code: ErrorCode.GATEWAY_PROOF_REQUIRED },
          }),
        ];
      },
      onComplete: (ctx, id) => void viewers.get(ctx)?.delete(id),
      context: (ctx, id) => {
        const base = viewers.get(ctx)?.get(id);
        // Unreachable: onSubscribe refused the subscription already.
        if (!base) throw new Error('gateway proof vanished');
        return options.buildContext(base);
      },
      onNext: (_ctx, _id, _payload, _args, result: ExecutionResult) =>
        result.errors ? { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) } : undefined,
      // A stream that fails mid-way arrives wrapped: keep the original's code when it has one.
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((error) => {
          const original = error.originalError instanceof GraphQLError ? error.originalError : error;
          return formatError(original.toJSON(), original);
        }),
    },
    wsServer,
  );
  return {
    stop: async () => {
      // dispose() sends every client a close frame, then waits for the server to close.
      const done = server.dispose();
      await closeWithin(wsServer, CLOSE_GRACE_MS);
      await done;
    },
  };
}

/** How long clients get to answer the close frame at shutdown before their sockets are cut. */
export const CLOSE_GRACE_MS = 5_000;

/**
 * Waits for a WebSocket server whose clients were sent a close frame to close. It finishes only
 * when every socket has closed, and ws waits 30 s for a peer that never answers the close;
 * shutdown (a rolling restart, a test's teardown) should not, so sockets still open after
 * graceMs are cut.
 */
export async function closeWithin(wss: WebSocketServer, graceMs: number): Promise<void> {
  const cut = setTimeout(() => {
    for (const socket of wss.clients) socket.terminate();
  }, graceMs);
  try {
    // Stops accepting sockets if it has not yet; calls back once the last socket has closed.
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  } finally {
    clearTimeout(cut);
  }
}
