import type { KeyObject } from 'node:crypto';
import http from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';
// Loaded as CommonJS like @graphql-hive/gateway itself (an import() would load its ES module build).
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { GATEWAY_PROOF_HEADER, signGatewayProof } from '@cameo/kernel/gateway-proof';
import { verifySessionToken } from '@cameo/kernel/session-token';

/**
 * Hive Gateway (@graphql-hive/gateway) on our supergraph and subgraphs: a peer `npm run bench`
 * measures against, with its JavaScript query planner or (`queryPlanner: 'rust'`) the Rust one
 * of @graphql-hive/router-runtime. Its defaults are kept but two: each subgraph request carries
 * the gateway proof naming the viewer of the client's session token (subgraphs refuse requests
 * without one), minted per subgraph request like ours does; and its de-duplication of identical
 * in-flight subgraph requests is off (see below).
 */
export function createHiveGatewayServer(options: {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  jwtSecret: string;
  gatewayProofPrivateKey: KeyObject;
  /** js (default): Hive Gateway's own planner; rust: @graphql-hive/router-runtime's. */
  queryPlanner?: 'js' | 'rust';
}): http.Server {
  const subgraphOfUrl = new Map(Object.entries(options.subgraphUrls).map(([name, url]) => [url, name]));
  const viewers = new WeakMap<Request, string | null>();
  const viewerOf = (request: Request) => {
    if (!viewers.has(request)) {
      const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
      viewers.set(request, token ? (verifySessionToken(options.jwtSecret, token)?.userId ?? null) : null);
    }
    return viewers.get(request)!;
  };
  const runtime = createGatewayRuntime({
    supergraph: withSubgraphUrls(options.supergraphSdl, options.subgraphUrls),
    logging: 'warn',
    landingPage: false,
    graphiql: false,
    ...(options.queryPlanner === 'rust' ? { unifiedGraphHandler } : {}),
    // On by default (@graphql-tools/executor-http, deduplicateInflightRequests), it keys a subgraph
    // request by URL, method and body only: headers added later in onFetch — our proof, which
    // names the viewer — are not part of the key. Our subgraphs answer per viewer for the same
    // body (the Following page, viewerHasLiked), so with it on, concurrent viewers were served one
    // viewer's feed (and Hive's 8-in-flight rows beat the direct baseline, doing less work).
    transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
    // The proof binds the exact body sent, which only the fetch hook sees.
    plugins: () => [
      {
        onFetch: ({ url, options: init, setOptions, context }) => {
          const subgraph = subgraphOfUrl.get(url);
          const request = (context as { request?: Request }).request;
          if (!subgraph || !request) return;
          const body = typeof init.body === 'string' ? init.body : '';
          const proof = signGatewayProof(
            options.gatewayProofPrivateKey,
            subgraph,
            { viewerId: viewerOf(request) },
            { method: init.method ?? 'POST', body },
          );
          setOptions({ ...init, headers: { ...(init.headers as Record<string, string> | undefined), [GATEWAY_PROOF_HEADER]: proof } });
        },
      },
    ],
  });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- Hive's documented listener: it answers its own errors
  return http.createServer(runtime);
}

/** The supergraph with each subgraph's routing URL replaced (subgraphs listen on free ports). */
export function withSubgraphUrls(supergraphSdl: string, urls: Record<string, string>): string {
  return supergraphSdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) =>
    urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole,
  );
}
