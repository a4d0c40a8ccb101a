import type { PlatformKeys } from './env';
import type { SubgraphStartOptions } from './subgraph-options';
import http from 'node:http';
import express from 'express';
import { Registry } from 'prom-client';
import type { GraphQLSchema } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { eventMetrics } from './event-delivery';
import { contextFromProof, type BaseContext } from './context';
import { GATEWAY_PROOF_HEADER, createProofVerifier, memoryReplayGuard, redisReplayGuard, type GatewayProofVerifier } from './gateway-proof';
import { ErrorCode } from './errors';
import { createFormatError } from './format-error';
import { listen } from './listen';
import { isLeanGraphqlRequest, leanGraphqlHandler } from './graphql-http';
import { extractTraceContext, subgraphTracingPlugin } from './tracing';
import { serveSubscriptions } from './serve-ws';
import type { Logger } from './logger';
import { httpLogger, requestLogScope } from './http-logger';
import { processMetrics, renderMetrics } from './process-metrics';
import { mountReadiness, redisCheck, type ReadinessCheck } from './readiness';

export interface ServeSubgraphOptions<Context extends BaseContext> {
  /** The subgraph's name: the audience its gateway proofs must carry. */
  name: string;
  schema: GraphQLSchema;
  /**
   * Where to listen (port, host), the Redis that shares used proof ids between replicas (a
   * replay to another replica fails too; default: in-process) under eventNamespace, and the key
   * that verifies gateway proofs: the subgraph's own start options, passed as they are.
   */
  start: Pick<SubgraphStartOptions, 'port' | 'host' | 'redisUrl' | 'eventNamespace'> & {
    keys: Pick<PlatformKeys, 'gatewayProofPublicKey'>;
  };
  logger: Logger;
  /** Mounts the subgraph's declared internal routes (outside /graphql, see internal-call.ts). */
  routes?: (app: express.Express) => void;
  /** The subgraph's own Prometheus metrics, served at /metrics beside the domain-event metrics. */
  metrics?: Registry;
  /** What /readyz checks besides Redis (checked whenever redisUrl is set): the subgraph's database. */
  readiness: ReadinessCheck[];
  /** Adds the subgraph's own services (database, loaders) to the proven viewer. */
  buildContext: (base: BaseContext) => Context | Promise<Context>;
}

const rawBodies = new WeakMap<http.IncomingMessage, Buffer>();

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const proofRequired = {
  errors: [
    {
      message: 'This subgraph only answers the Cameo gateway. Send requests to the gateway.',
      extensions: { code: ErrorCode.GATEWAY_PROOF_REQUIRED },
    },
  ],
};

/** Serves a subgraph at /graphql (gateway proof required; subscriptions over graphql-ws), /healthz, /readyz and /metrics. */
export async function serveSubgraph<Context extends BaseContext>(options: ServeSubgraphOptions<Context>): Promise<RunningServer> {
  const app = express();
  app.use(httpLogger(options.logger));
  // Requests are routed below, once Apollo Server has started (the lean /graphql path, else express).
  const httpServer = http.createServer();
  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    // Only the gateway can reach a subgraph (proof required), and it decides what clients may
    // introspect; tooling behind the gateway may introspect freely.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // The entry point owns shutdown order (gateway, then subgraphs, then the database).
    stopOnTerminationSignals: false,
    formatError: createFormatError(options.logger),
    // No Apollo Studio: inline traces would only cost time on every request.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      subgraphTracingPlugin(options.name, (contextValue) => (contextValue as BaseContext).traceContext),
      {
        // Errors are logged with the gateway's request id, so one id finds every line of a request.
        async requestDidStart({ contextValue }) {
          return {
            async didEncounterErrors({ errors, operationName }) {
              options.logger.info('operation errors', {
                requestId: contextValue.requestId,
                operationName,
                errors: errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')),
              });
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', subgraph: options.name });
  });
  const redisReadiness = options.start.redisUrl ? redisCheck(options.start.redisUrl) : undefined;
  mountReadiness(app, [...options.readiness, ...(redisReadiness ? [redisReadiness] : [])]);
  const metrics = Registry.merge([processMetrics(), eventMetrics, ...(options.metrics ? [options.metrics] : [])]);
  app.get('/metrics', async (_req, res) => {
    const { status, contentType, body } = await renderMetrics(metrics);
    res.status(status).setHeader('content-type', contentType).send(body);
  });
  options.routes?.(app);
  const proofs: GatewayProofVerifier = createProofVerifier(
    options.start.keys.gatewayProofPublicKey,
    options.name,
    options.start.redisUrl
      ? redisReplayGuard(options.start.redisUrl, options.start.eventNamespace, (error) =>
          options.logger.error(
            `proof replay guard: Redis unavailable, remembering proof ids in this process (${error instanceof Error ? error.message : String(error)})`,
          ),
        )
      : memoryReplayGuard(),
  );
  const proven = new WeakMap<http.IncomingMessage, BaseContext>();
  // What the lean path (graphql-http.ts) does not take: GET, other methods and paths, compressed
  // or chunked bodies, other charsets — served as they always were.
  app.use(
    '/graphql',
    // The proof binds the exact bytes the gateway sent: keep them for its check.
    express.json({ limit: '1mb', verify: (req, _res, raw) => void rawBodies.set(req, raw) }),
    (req, res, next) => {
      const header = req.headers[GATEWAY_PROOF_HEADER];
      proofs.verify(Array.isArray(header) ? header[0] : header, { method: req.method, body: rawBodies.get(req) ?? '' }).then((proof) => {
        // Refused before any GraphQL work so an unauthenticated caller learns nothing about the schema.
        if (!proof) return void res.status(401).json(proofRequired);
        proven.set(req, contextFromProof(proof));
        next();
      }, next);
    },
    requestLogScope,
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const base = proven.get(req);
        // Unreachable: the middleware above refused the request already.
        if (!base) throw new Error('gateway proof vanished');
        return options.buildContext({ ...base, requestId: String(req.id), traceContext: extractTraceContext(req) });
      },
    }),
  );

  const lean = leanGraphqlHandler({ apollo, proofs, logger: options.logger, buildContext: options.buildContext });
  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) =>
    isLeanGraphqlRequest(req) ? lean(req, res) : app(req, res),
  );

  const subscriptions = options.schema.getSubscriptionType() ? serveSubscriptions({ ...options, httpServer, proofs }) : undefined;

  const { url, port } = await listen(httpServer, options.start.port, options.start.host);
  options.logger.info(`listening on ${url}`);
  return {
    url,
    port,
    stop: async () => {
      await subscriptions?.stop();
      await apollo.stop();
      await proofs.close();
      await redisReadiness?.close();
    },
  };
}
