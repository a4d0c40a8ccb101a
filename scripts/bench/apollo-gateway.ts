import type { KeyObject } from 'node:crypto';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GATEWAY_PROOF_HEADER, signGatewayProof } from '@cameo/kernel/gateway-proof';
import { verifySessionToken } from '@cameo/kernel/session-token';
import { withSubgraphUrls } from './hive-gateway';

/**
 * Plain Apollo Gateway (@apollo/gateway in @apollo/server's standalone HTTP server) on our
 * supergraph and subgraphs: the peer `npm run bench` measures against to show what our gateway
 * adds to the library it is built on. No entity cache, RemoteGraphQLDataSource's default fetcher
 * (make-fetch-happen); the one addition is what any gateway in front of our subgraphs needs: the
 * gateway proof naming the viewer of the client's session token, on each subgraph request.
 */
interface Context {
  viewerId: string | null;
}

/** Carries the viewer from willSendRequest to the fetcher, which signs and removes it. */
const VIEWER_HEADER = 'x-cameo-bench-viewer';

class ProvingDataSource extends RemoteGraphQLDataSource<Context> {
  constructor(url: string, subgraph: string, privateKey: KeyObject) {
    super({ url });
    // The proof binds the exact body sent, which RemoteGraphQLDataSource serialises after
    // willSendRequest: only its fetcher sees it.
    const fetcher = this.fetcher;
    this.fetcher = (fetchUrl, init = {}) => {
      const { [VIEWER_HEADER]: viewer, ...headers } = init.headers ?? {};
      const proof = signGatewayProof(
        privateKey,
        subgraph,
        { viewerId: viewer || null },
        { method: init.method ?? 'POST', body: init.body ?? '' },
      );
      return fetcher(fetchUrl, { ...init, headers: { ...headers, [GATEWAY_PROOF_HEADER]: proof } });
    };
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Context>): void {
    request.http?.headers.set(VIEWER_HEADER, context.viewerId ?? '');
  }
}

export async function startApolloGateway(options: {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  jwtSecret: string;
  gatewayProofPrivateKey: KeyObject;
}): Promise<{ url: string; stop(): Promise<void> }> {
  const gateway = new ApolloGateway({
    supergraphSdl: withSubgraphUrls(options.supergraphSdl, options.subgraphUrls),
    buildService: ({ name, url }) => new ProvingDataSource(url!, name, options.gatewayProofPrivateKey),
  });
  const server = new ApolloServer<Context>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => {
      const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      return { viewerId: token ? (verifySessionToken(options.jwtSecret, token)?.userId ?? null) : null };
    },
  });
  return { url: new URL('/graphql', url).toString(), stop: () => server.stop() };
}
