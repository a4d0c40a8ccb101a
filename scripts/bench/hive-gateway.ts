import type { KeyObject } from 'node:crypto';
import http from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { GATEWAY_PROOF_HEADER, signGatewayProof } from '@cameo/kernel/gateway-proof';
import { verifySessionToken } from '@cameo/kernel/session-token';

/**
 * Hive Gateway (@graphql-hive/gateway) on our supergraph and subgraphs: the peer `npm run bench`
 * measures against. Its defaults are kept; the one addition is what any deployment in front of
 * our subgraphs needs: each subgraph request carries the gateway proof naming the viewer of the
 * client's session token (subgraphs refuse requests without one), minted per subgraph request
 * like ours does.
 */
export function createHiveGatewayServer(options: {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  jwtSecret: string;
  gatewayProofPrivateKey: KeyObject;
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
