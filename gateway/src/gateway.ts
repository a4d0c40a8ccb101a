import type { KeyObject } from 'node:crypto';
import http from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway, type ServiceMap } from '@apollo/gateway';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { ErrorCode } from '@cameo/kernel/errors';
import { readSubscriptionEnv } from '@cameo/kernel/env';
import { createFormatError } from '@cameo/kernel/format-error';
import { createLogger } from '@cameo/kernel/logger';
import { createStreamHub } from '@cameo/kernel/events';
import { contextFromRequest, type GatewayContext } from './context';
import { createSessionGuard, type SessionGuardOptions } from './sessions';
import { createSessionTokenVerifier } from '@cameo/kernel/session-token';
import { createPubSub, type PubSub } from '@cameo/kernel/pubsub';
import type { OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { mountAssetProxy } from './assets';
import { mountUploadProxy } from './uploads';
import { checkSubgraphs } from './readiness';
import { DEFAULT_LIMITS, type OperationLimits } from './limits';
import { createGatewayMetrics } from './metrics';
import { createEntityCache, type EntityCacheOptions } from './entity-cache/entity-cache';
import { createMemoryRateLimiter, createRedisRateLimiter, type RateLimits } from './rate-limit';
import { observabilityPlugin } from './observability';
import { DEFAULT_MANIFEST_PATH, readManifest } from './safelist';
import { CSRF_PREFLIGHT_HEADERS, createPolicy } from './policy';
import { httpLogger, requestLogScope } from '@cameo/kernel/http-logger';
import { serverSpan } from '@cameo/kernel/tracing';
import { REQUEST_ID_HEADER } from '@cameo/kernel/request-id';
import { renderMetrics } from '@cameo/kernel/process-metrics';
import { checkReadiness, redisCheck } from '@cameo/kernel/readiness';
import { SubgraphDataSource } from './subgraph-data-source';
import { gatewayGraphqlHandler, isLeanGatewayRequest } from './graphql-http';
import { createSubgraphFetcher } from './subgraph-fetcher';
import { SubscriptionHub } from './subscriptions/hub';
import { SubscriptionPlanner } from './subscriptions/planner';
import { UpstreamSubscriptions } from './subscriptions/upstream';
import { ConnectionRegistry } from './subscriptions/connections';
import { serveHttpSubscriptions } from './subscriptions/http-streams';
import { serveGraphqlWs, type SubscriptionLimits, type SubscriptionStats } from './subscriptions/ws-server';

export interface GatewayOptions {
  /** The composed supergraph (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** Overrides the routing URL composed into the supergraph, by subgraph name. */
  subgraphUrls?: Record<string, string>;
  jwtSecret: string;
  /** Signs gateway proofs (GATEWAY_PROOF_PRIVATE_KEY); only the gateway holds it. */
  gatewayProofPrivateKey: KeyObject;
  /** Signs the gateway's internal calls (INTERNAL_CALL_SECRET: session versions from users). */
  internalCallSecret: string;
  /**
   * Serve /metrics and /readyz on a separate server (`adminHttpServer`, for ADMIN_PORT) instead
   * of the public one. Default: false (they stay on the main port, as in development).
   */
  separateAdmin?: boolean;
  /** Production turns introspection and the Sandbox landing page off. */
  production: boolean;
  /** Default: SUBSCRIPTIONS_* from an empty environment, pings every 12 s, HTTP stream heartbeats every 5 s. */
  subscriptionLimits?: Partial<SubscriptionLimits>;
  /** A built web app (clients/web) to serve at `/`. Default: none. */
  webAppDir?: string;
  /** Operation limits (depth, aliases, root fields, cost, tokens, body size). Default: DEFAULT_LIMITS. */
  limits?: Partial<OperationLimits>;
  /** Browser origins allowed to call the API (CORS). Default: none (same origin only). */
  corsOrigins?: string[];
  /** Per-user and per-address request rates; counted in Redis when redisUrl is set. Default: off. */
  rateLimits?: RateLimits;
  /** Redis for the rate limiter (shared by every replica). */
  redisUrl?: string;
  /** Redis key prefix of the rate limiter. Default: "cameo:ratelimit:". */
  rateLimitPrefix?: string;
  /** Run only the operations of the persisted-query manifest (production safelist). Default: false. */
  safelist?: boolean;
  /**
   * The Apollo persisted-query manifest of the registered operations, which clients may send by
   * id alone (over HTTP and graphql-ws). Default: clients/operations/persisted-query-manifest.json,
   * written by `npm run codegen`.
   */
  persistedQueryManifest?: string;
  /**
   * The subgraphs' domain events on Redis streams (when events travel on Redis). This process
   * reads each stream it needs once (`createStreamHub`), for the session guard and the entity
   * cache. Without it, a Redis bus alone trusts a session answer 30 s, not 10 minutes
   * (sessions.ts), and there is no entity cache.
   */
  events?: { redisUrl: string; eventNamespace?: string };
  /**
   * Keep viewer-independent entity fields (users' handles and names) between requests,
   * invalidated by the subgraphs' domain events (needs `events`). Default: off.
   */
  entityCache?: Omit<EntityCacheOptions, 'streams'>;
  /**
   * The live bus on which the users subgraph announces ended sessions (`session.revoked`).
   * Default: Redis pub/sub at `redisUrl` (channel prefix `livePrefix`), or none without Redis —
   * then a replica learns of an ended session only when its cached answer expires (`sessions.ttlMs`).
   * A process running users beside the gateway without Redis (npm start) passes their shared bus.
   */
  pubsub?: PubSub;
  /** Channel prefix of the Redis pub/sub made from `redisUrl`. Default: "cameo:" (as users'). */
  livePrefix?: string;
  /** The session-version cache: `ttlMs` (10 min while the live bus is heard, else 30 s), `graceMs` (30 s), `maxEntries` (10,000). */
  sessions?: Pick<SessionGuardOptions, 'ttlMs' | 'graceMs' | 'maxEntries'>;
}

export interface Gateway {
  /** Not yet listening: the caller decides the port. */
  httpServer: http.Server;
  /** With `separateAdmin`: /metrics and /readyz, not yet listening (the caller listens on ADMIN_PORT). */
  adminHttpServer?: http.Server;
  /** Live figures of the subscription transports (tests and benchmarks read them). */
  subscriptionStats(): SubscriptionStats;
  stop(): Promise<void>;
}

const DEFAULT_KEEP_ALIVE_MS = 12_000;
/** Apollo Router's interval of multipart heartbeats. */
const DEFAULT_HEARTBEAT_MS = 5_000;

const subscriptionOverHttp = () =>
  new GraphQLError(
    'Subscriptions are served at this /graphql URL over WebSocket (graphql-transport-ws), or over HTTP with Accept: multipart/mixed;subscriptionSpec="1.0" or text/event-stream.',
    {
      extensions: { code: ErrorCode.SUBSCRIPTION_REQUIRES_WEBSOCKET, http: { status: 400 } },
    },
  );

/** Builds the gateway: /graphql (HTTP and graphql-ws), /assets, /healthz, /readyz and the web app at /. */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const logger = createLogger('gateway');
  // Filled as the gateway builds a data source per subgraph of the supergraph.
  const subgraphs: Record<string, string> = {};
  const dataSources: ServiceMap = {};
  // The subscription figures come from the graphql-ws server, built below.
  let subscriptionStats: () => SubscriptionStats = () => ({
    connections: 0,
    httpStreams: 0,
    subscriptions: 0,
    upstream: 0,
    slowClientsClosed: 0,
    peakBufferedBytes: 0,
  });
  const metrics = createGatewayMetrics(() => subscriptionStats());
  const subgraphHttp = createSubgraphFetcher();
  if (options.entityCache && !options.events) throw new Error('the entity cache needs the domain events (`events`) that invalidate it');
  const streams = options.events
    ? createStreamHub({
        ...options.events,
        onError: (source, error) =>
          logger.error(`${source} events: ${error instanceof Error ? error.message : String(error)}; following again`),
      })
    : undefined;
  const entityCache = options.entityCache && streams ? createEntityCache({ ...options.entityCache, streams }, metrics) : undefined;
  const ownPubSub = !options.pubsub && options.redisUrl ? createPubSub(options.redisUrl, { prefix: options.livePrefix }) : undefined;
  // One per gateway: every transport reads tokens through it (session-token.ts).
  const sessionTokens = createSessionTokenVerifier(options.jwtSecret);
  const sessions = createSessionGuard({
    ...options.sessions,
    usersBaseUrl: () => subgraphs.users?.replace(/\/graphql$/, ''),
    internalCallSecret: options.internalCallSecret,
    logger,
    pubsub: options.pubsub ?? ownPubSub,
    streams,
  });
  // Endings published from now on are heard before the gateway serves anyone.
  await sessions.ready;
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls?.[name] ?? url;
      if (!target) throw new Error(`no URL for subgraph ${name}: set ${name.toUpperCase()}_URL`);
      subgraphs[name] = target;
      const source = new SubgraphDataSource(name, target, options.gatewayProofPrivateKey, metrics, subgraphHttp.fetcher, entityCache);
      dataSources[name] = source;
      return source;
    },
  });

  const limits: OperationLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const planner = new SubscriptionPlanner(options.supergraphSdl);
  const limiter = options.rateLimits
    ? options.redisUrl
      ? createRedisRateLimiter(options.redisUrl, options.rateLimitPrefix)
      : createMemoryRateLimiter()
    : undefined;
  // Every operation on every transport passes this one rulebook (policy.ts).
  const policy = createPolicy({
    schema: () => planner.apiSchema,
    costSchema: () => planner.supergraphSchema,
    limits,
    operations: readManifest(options.persistedQueryManifest ?? DEFAULT_MANIFEST_PATH),
    safelist: options.safelist,
    rateLimits: options.rateLimits,
    rateLimiter: limiter,
    sessionTokens,
    logger,
  });
  const app = express();
  // Requests are routed once Apollo Server has started: the lean /graphql path, else express.
  const httpServer = http.createServer();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    // No "Did you mean …?" in production: suggestions would describe the schema to strangers.
    hideSchemaDetailsFromClientErrors: options.production,
    // A browser sends a cross-site GET or form POST without asking first (no preflight), so
    // those are refused unless a header forces a preflight (policy.ts). A browser's own Basic
    // credentials never pass: only Bearer tokens authenticate. Mutations never run over GET
    // (405), whatever the headers.
    csrfPrevention: { requestHeaders: CSRF_PREFLIGHT_HEADERS },
    // The entry point owns shutdown order (gateway, then subgraphs, then the database).
    stopOnTerminationSignals: false,
    formatError: createFormatError(logger),
    // The parser stops at this many tokens, before any work proportional to a huge document.
    parseOptions: { maxTokens: limits.maxTokens },
    // Rules added to the policy validate operations on every transport, not only here.
    validationRules: policy.validationRules,
    plugins: [
      policy.apolloPlugin(),
      observabilityPlugin(logger, metrics),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ operation }) {
              if (operation?.operation === 'subscription') throw subscriptionOverHttp();
            },
            // Read-your-writes: this gateway forgets a session it just saw end, before the
            // announcement over the live bus arrives (or when there is no bus to hear).
            async willSendResponse({ operation, contextValue, response }) {
              const { viewerId, sessionVersion } = contextValue;
              if (operation?.operation !== 'mutation' || !viewerId || response.body.kind !== 'single') return;
              const data = response.body.singleResult.data as Record<string, unknown> | null | undefined;
              for (const [field, key] of sessionEndingFields(operation)) {
                if (data?.[key] !== true) continue;
                sessions.ended({ userId: viewerId, sessionVersion: field === 'deleteAccount' ? null : (sessionVersion ?? 0) + 1 });
              }
            },
          };
        },
      },
      options.production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }),
    ],
  });
  await apollo.start();

  // One access-log line per request, with the request id (the caller's x-request-id or a new one).
  app.use(httpLogger(logger), (req, res, next) => {
    res.locals.requestId = String(req.id);
    next();
  });
  const corsHeaders = allowOrigins(options.corsOrigins ?? []);
  app.use('/graphql', (req, res, next) => {
    corsHeaders(req, res);
    // A preflight from an allowed origin is answered here; any other goes on (and fails).
    if (req.method === 'OPTIONS' && res.hasHeader('access-control-allow-origin')) {
      res.status(204).end();
      return;
    }
    next();
  });
  app.use('/graphql', policy.httpMiddleware());
  // In production the operator's endpoints live on ADMIN_PORT, never on the public port.
  const adminApp = options.separateAdmin ? express() : app;
  const adminHttpServer = options.separateAdmin ? http.createServer(adminApp) : undefined;
  adminApp.get('/metrics', async (_req, res) => {
    const { status, contentType, body } = await renderMetrics(metrics.registry);
    res.status(status).setHeader('content-type', contentType).send(body);
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Ready: every subgraph answers, and Redis (when the gateway uses it) answers PING.
  const redisReadiness = options.redisUrl ? redisCheck(options.redisUrl) : undefined;
  adminApp.get('/readyz', async (_req, res) => {
    const [health, own] = await Promise.all([
      checkSubgraphs(subgraphs, options.gatewayProofPrivateKey),
      checkReadiness(redisReadiness ? [redisReadiness] : []),
    ]);
    const failed = [...own.failed, ...health.filter((subgraph) => !subgraph.ready).map((subgraph) => subgraph.name)];
    const ready = health.length > 0 && failed.length === 0;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', failed, subgraphs: health, checks: own.checks });
  });
  const upstream = new UpstreamSubscriptions(subgraphs, options.gatewayProofPrivateKey);
  const hub = new SubscriptionHub({
    planner,
    upstream,
    dataSources: () => dataSources,
    logger,
    clientBufferSize: 1000,
    pendingEventLimit: 1000,
    stateFields: new Set(['generationProgress']),
  });
  const subscriptionLimits: SubscriptionLimits = {
    ...readSubscriptionEnv({}),
    keepAliveMs: DEFAULT_KEEP_ALIVE_MS,
    heartbeatMs: DEFAULT_HEARTBEAT_MS,
    ...options.subscriptionLimits,
  };
  // One budget of connections per address and operations per user over every transport.
  const connections = new ConnectionRegistry(subscriptionLimits, sessions);
  const execute = async (
    request: { query: string; operationName?: string; variables?: Record<string, unknown> },
    contextValue: GatewayContext,
  ) => {
    const response = await apollo.executeOperation(request, { contextValue });
    return response.body.kind === 'single'
      ? (response.body.singleResult as ExecutionResult)
      : { errors: [new GraphQLError('Incremental delivery is not supported on this transport.')] };
  };
  const httpStreams = serveHttpSubscriptions({
    apiSchema: planner.apiSchema,
    hub,
    connections,
    policy,
    sessionTokens,
    sessions,
    logger,
    limits: subscriptionLimits,
    execute,
  });

  mountAssetProxy(app, () => subgraphs.generations);
  mountUploadProxy(app, () => subgraphs.users);
  if (options.webAppDir) app.use(express.static(options.webAppDir, { index: 'index.html', maxAge: '5m' }));
  app.use(
    '/graphql',
    express.json({ limit: limits.maxBodyBytes }),
    // A registered operation sent by id alone runs without a prior registration: Apollo's APQ
    // sees the id with its text (and checks that they match).
    (req, _res, next) => {
      const body = req.body as { query?: unknown; extensions?: unknown } | undefined;
      if (body && typeof body === 'object' && !body.query) {
        const query = policy.registeredQuery(body.extensions);
        if (query) body.query = query;
      }
      next();
    },
    serverSpan('/graphql'),
    requestLogScope,
    // Subscriptions (and SSE-preferring requests) asking for multipart or SSE; the rest goes on.
    httpStreams.middleware,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({
        ...(await contextFromRequest(req, sessionTokens, sessions)),
        requestId: String(res.locals.requestId),
        clientAddress: req.socket.remoteAddress,
      }),
    }),
  );
  app.use('/graphql', bodyErrors);

  const lean = gatewayGraphqlHandler({ apollo, policy, logger, sessionTokens, sessions, cors: corsHeaders });
  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) =>
    isLeanGatewayRequest(req) ? lean(req, res) : app(req, res),
  );

  const ws = serveGraphqlWs({
    httpServer,
    apiSchema: planner.apiSchema,
    hub,
    connections,
    sessionTokens,
    sessions,
    logger,
    limits: subscriptionLimits,
    policy,
    execute,
  });

  subscriptionStats = () => {
    const sockets = ws.stats();
    const streams = httpStreams.stats();
    return {
      ...sockets,
      httpStreams: streams.httpStreams,
      slowClientsClosed: sockets.slowClientsClosed + streams.slowClientsClosed,
      peakBufferedBytes: Math.max(sockets.peakBufferedBytes, streams.peakBufferedBytes),
    };
  };
  return {
    httpServer,
    adminHttpServer,
    subscriptionStats: () => subscriptionStats(),
    stop: async () => {
      if (adminHttpServer?.listening) await new Promise<void>((resolve) => adminHttpServer.close(() => resolve()));
      httpStreams.stop();
      await ws.stop();
      connections.stop();
      await upstream.close();
      await apollo.stop();
      await limiter?.close();
      await entityCache?.stop();
      await sessions.stop();
      await streams?.stop();
      await ownPubSub?.close();
      await redisReadiness?.close();
      subgraphHttp.close();
    },
  };
}

/** Root fields that end the viewer's sessions when they answer true: [field name, response key]. */
function sessionEndingFields(operation: OperationDefinitionNode): [string, string][] {
  const found: [string, string][] = [];
  const walk = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === 'InlineFragment') walk(selection.selectionSet);
      else if (selection.kind === 'Field' && (selection.name.value === 'deleteAccount' || selection.name.value === 'signOutEverywhere')) {
        found.push([selection.name.value, selection.alias?.value ?? selection.name.value]);
      }
    }
  };
  walk(operation.selectionSet);
  return found;
}

/**
 * Bodies express could not read (too large, not JSON) get a GraphQL error body with a code,
 * like every other refusal, instead of express's HTML page.
 */
function bodyErrors(error: { type?: string; status?: number }, _req: express.Request, res: express.Response, next: express.NextFunction) {
  if (error.type === 'entity.too.large') {
    res.status(413).json({ errors: [{ message: 'The request body is too large.', extensions: { code: ErrorCode.REQUEST_TOO_LARGE } }] });
    return;
  }
  if (error.type === 'entity.parse.failed') {
    res.status(400).json({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: ErrorCode.BAD_REQUEST } }] });
    return;
  }
  // Any other body the reader refused (an unsupported charset or encoding, …): its 4xx, our shape.
  if (error.status && error.status >= 400 && error.status < 500) {
    res.status(error.status).json({
      errors: [{ message: 'The request body could not be read (send UTF-8 JSON).', extensions: { code: ErrorCode.BAD_REQUEST } }],
    });
    return;
  }
  next(error);
}

/**
 * CORS for the listed browser origins only: a request from one of them gets the CORS headers
 * (a preflight also its methods and headers), anything else none (the browser then refuses to
 * hand the response to the page).
 */
function allowOrigins(origins: string[]) {
  const allowed = new Set(origins);
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const header = req.headers.origin;
    const origin = Array.isArray(header) ? header[0] : header;
    if (!origin || !allowed.has(origin)) return;
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'Origin');
    res.setHeader('access-control-allow-credentials', 'true');
    res.setHeader('access-control-expose-headers', REQUEST_ID_HEADER);
    if (req.method === 'OPTIONS') {
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
      res.setHeader('access-control-allow-headers', 'authorization, content-type, apollo-require-preflight, x-request-id');
      res.setHeader('access-control-max-age', '600');
    }
  };
}
