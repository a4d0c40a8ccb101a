import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { KeyObject } from 'node:crypto';
import type { Fetcher } from '@apollo/utils.fetcher';
import { GATEWAY_PROOF_HEADER, signGatewayProof } from '@cameo/kernel/gateway-proof';
import { REQUEST_ID_HEADER } from '@cameo/kernel/request-id';
import { injectTraceContext } from '@cameo/kernel/tracing';
import type { GatewayContext } from './context';
import { isIncomingOperation, type EntityCache } from './entity-cache/entity-cache';
import type { GatewayMetrics } from './metrics';

/** Carry the viewer and the client's address from willSendRequest to the fetcher, which signs and removes them. */
const PROOF_VIEWER_HEADER = 'x-cameo-proof-viewer';
const PROOF_ADDRESS_HEADER = 'x-cameo-proof-client-address';
const ANONYMOUS = '';

/**
 * Signs each subgraph request at the last moment, when its bytes are final: the proof names the
 * viewer and the subgraph and binds the method and the SHA-256 of the body (gateway-proof.ts).
 */
export function provingFetcher(fetcher: Fetcher, privateKey: KeyObject, subgraph: string): Fetcher {
  return (url, init = {}) => {
    const headers = { ...(init.headers ?? {}) };
    const viewer = headers[PROOF_VIEWER_HEADER];
    delete headers[PROOF_VIEWER_HEADER];
    const clientAddress = headers[PROOF_ADDRESS_HEADER] || null;
    delete headers[PROOF_ADDRESS_HEADER];
    const viewerId = viewer === undefined || viewer === ANONYMOUS ? null : viewer;
    headers[GATEWAY_PROOF_HEADER] = signGatewayProof(
      privateKey,
      subgraph,
      { viewerId, clientAddress },
      { method: init.method ?? 'GET', body: init.body ?? '' },
    );
    return fetcher(url, { ...init, headers });
  };
}

/**
 * Sends each subgraph request with a fresh gateway proof naming the viewer, scoped to that
 * subgraph and bound to the request. The client's own Authorization header is never forwarded:
 * subgraphs trust the proof.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    privateKey: KeyObject,
    private readonly metrics: GatewayMetrics,
    fetcher: Fetcher,
    private readonly entityCache?: EntityCache,
  ) {
    super({ url, fetcher: provingFetcher(fetcher, privateKey, subgraph) });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const viewerId = 'viewerId' in context ? (context.viewerId ?? null) : null;
    request.http?.headers.set(PROOF_VIEWER_HEADER, viewerId ?? ANONYMOUS);
    // In the proof, so a subgraph can count per client address (the sign-in throttle).
    if ('clientAddress' in context && context.clientAddress) request.http?.headers.set(PROOF_ADDRESS_HEADER, context.clientAddress);
    if ('requestId' in context && context.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    // Inside the gateway's fetch span: the subgraph's span becomes its child.
    injectTraceContext((name, value) => request.http?.headers.set(name, value));
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    if (this.entityCache && isIncomingOperation(options)) {
      return this.entityCache.process(this.subgraph, options, (sent) => this.send(sent));
    }
    return this.send(options);
  }

  private async send(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const response = await super.process(options);
      this.metrics.observeFetch(this.subgraph, seconds(), !response.errors);
      return response;
    } catch (error) {
      this.metrics.observeFetch(this.subgraph, seconds(), false);
      throw error;
    }
  }
}
