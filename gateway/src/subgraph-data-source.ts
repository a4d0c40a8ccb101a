import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Fetcher } from '@apollo/utils.fetcher';
import { GATEWAY_PROOF_HEADER, signGatewayProof } from '../../subgraphs/shared/src/gateway-proof';
import { CLIENT_ADDRESS_HEADER, signClientAddress } from '../../subgraphs/shared/src/client-address';
import { REQUEST_ID_HEADER } from '../../subgraphs/shared/src/request-id';
import { injectTraceContext } from '../../subgraphs/shared/src/tracing';
import type { GatewayContext } from './context';
import { isIncomingOperation, type EntityCache } from './entity-cache/entity-cache';
import type { GatewayMetrics } from './metrics';

/**
 * Sends each subgraph request with a fresh gateway proof naming the viewer, scoped to that
 * subgraph. The client's own Authorization header is never forwarded: subgraphs trust the proof.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly gatewaySecret: string,
    private readonly metrics: GatewayMetrics,
    fetcher: Fetcher,
    private readonly entityCache?: EntityCache,
  ) {
    super({ url, fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const viewerId = 'viewerId' in context ? (context.viewerId ?? null) : null;
    const proof = signGatewayProof(this.gatewaySecret, this.subgraph, { viewerId });
    request.http?.headers.set(GATEWAY_PROOF_HEADER, proof);
    // Bound to this proof, so a subgraph can count per client address (sign-in throttle).
    if ('clientAddress' in context && context.clientAddress) {
      request.http?.headers.set(CLIENT_ADDRESS_HEADER, signClientAddress(this.gatewaySecret, proof, context.clientAddress));
    }
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
