import http from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway } from '@apollo/gateway';
import { createFormatError } from '../../subgraphs/shared/src/format-error';
import { createLogger } from '../../subgraphs/shared/src/logger';
import { contextFromRequest, type GatewayContext } from './context';
import { mountAssetProxy } from './assets';
import { checkSubgraphs } from './readiness';
import { SubgraphDataSource } from './subgraph-data-source';

export interface GatewayOptions {
  /** The composed supergraph (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** Overrides the routing URL composed into the supergraph, by subgraph name. */
  subgraphUrls?: Record<string, string>;
  jwtSecret: string;
  gatewaySecret: string;
  /** Production turns introspection and the Sandbox landing page off. */
  production: boolean;
}

export interface Gateway {
  /** Not yet listening: the caller decides the port. */
  httpServer: http.Server;
  stop(): Promise<void>;
}

/** Builds the gateway: /graphql (queries and mutations), /assets, /healthz and /readyz. */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const logger = createLogger('gateway');
  // Filled as the gateway builds a data source per subgraph of the supergraph.
  const subgraphs: Record<string, string> = {};
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls?.[name] ?? url;
      if (!target) throw new Error(`no URL for subgraph ${name}: set ${name.toUpperCase()}_URL`);
      subgraphs[name] = target;
      return new SubgraphDataSource(name, target, options.gatewaySecret);
    },
  });

  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    // The entry point owns shutdown order (gateway, then subgraphs, then the database).
    stopOnTerminationSignals: false,
    formatError: createFormatError(logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      options.production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }),
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const health = await checkSubgraphs(subgraphs, options.gatewaySecret);
    const ready = health.length > 0 && health.every((subgraph) => subgraph.ready);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', subgraphs: health });
  });
  mountAssetProxy(app, () => subgraphs.generations);
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async ({ req }) => contextFromRequest(req, options.jwtSecret) }),
  );

  return { httpServer, stop: () => apollo.stop() };
}
