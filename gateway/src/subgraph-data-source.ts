import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GATEWAY_PROOF_HEADER, signGatewayProof } from '../../subgraphs/shared/src/gateway-proof';
import type { GatewayContext } from './context';

/**
 * Sends each subgraph request with a fresh gateway proof naming the viewer, scoped to that
 * subgraph. The client's own Authorization header is never forwarded: subgraphs trust the proof.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly gatewaySecret: string,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const viewerId = 'viewerId' in context ? (context.viewerId ?? null) : null;
    request.http?.headers.set(GATEWAY_PROOF_HEADER, signGatewayProof(this.gatewaySecret, this.subgraph, { viewerId }));
  }
}
