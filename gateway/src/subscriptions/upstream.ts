import { createClient, type Client, type Sink } from 'graphql-ws';
import WebSocket from 'ws';
import type { ExecutionResult } from 'graphql';
import type { KeyObject } from 'node:crypto';
import { GATEWAY_PROOF_HEADER, operationHash, signGatewayProof } from '@cameo/kernel/gateway-proof';

export interface UpstreamRequest {
  subgraph: string;
  query: string;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  viewerId: string | null;
}

/** Longest wait between two attempts to reach a subgraph that is down or restarting. */
const MAX_RETRY_WAIT_MS = 10_000;

const wsUrl = (httpUrl: string) => httpUrl.replace(/^http/, 'ws');

/**
 * One graphql-ws socket per subgraph, shared by every subscription this gateway sends it. The
 * socket proves it is the gateway; each subscription carries its own viewer's proof. Both are
 * minted when sent, so a subscription re-sent after a subgraph restart carries a fresh one.
 * A subgraph that goes away is retried with capped exponential backoff and jitter; graphql-ws
 * then re-sends every active subscription.
 */
export class UpstreamSubscriptions {
  private readonly clients = new Map<string, Client>();

  constructor(
    private readonly urls: Record<string, string>,
    private readonly proofKey: KeyObject,
  ) {}

  subscribe(request: UpstreamRequest, sink: Sink<ExecutionResult>): () => void {
    const { proofKey } = this;
    // The proof binds this operation: the subgraph refuses it on any other subscription.
    const bodyHash = operationHash(request);
    return this.client(request.subgraph).subscribe(
      {
        query: request.query,
        operationName: request.operationName,
        variables: request.variables,
        // A getter: graphql-ws serializes the payload each time it (re)sends it.
        get extensions() {
          return {
            [GATEWAY_PROOF_HEADER]: signGatewayProof(
              proofKey,
              request.subgraph,
              { viewerId: request.viewerId },
              { method: 'SUBSCRIBE', bodyHash },
            ),
          };
        },
      },
      sink,
    );
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map(async (client) => client.dispose()));
    this.clients.clear();
  }

  private client(subgraph: string): Client {
    const existing = this.clients.get(subgraph);
    if (existing) return existing;
    const url = this.urls[subgraph];
    if (!url) throw new Error(`no URL for subgraph ${subgraph}`);
    const client = createClient({
      url: wsUrl(url),
      webSocketImpl: WebSocket,
      // Opened at the first subscription and kept: subscriptions come and go all the time.
      lazy: false,
      keepAlive: 10_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: async (retries) => {
        const wait = Math.min(MAX_RETRY_WAIT_MS, 250 * 2 ** retries);
        await new Promise((resolve) => setTimeout(resolve, wait / 2 + Math.random() * (wait / 2)));
      },
      connectionParams: () => ({
        [GATEWAY_PROOF_HEADER]: signGatewayProof(this.proofKey, subgraph, { viewerId: null }, { method: 'CONNECT', body: '' }),
      }),
    });
    this.clients.set(subgraph, client);
    return client;
  }
}
