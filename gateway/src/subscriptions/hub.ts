import { GraphQLError, print, type DocumentNode, type ExecutionResult } from 'graphql';
import { executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import { ErrorCode } from '@cameo/kernel/errors';
import type { Logger } from '@cameo/kernel/logger';
import type { GatewayContext } from '../context';
import type { SubscriptionPlan, SubscriptionPlanner } from './planner';
import { ResultStream } from './result-stream';
import type { UpstreamSubscriptions } from './upstream';

export interface HubOptions {
  planner: SubscriptionPlanner;
  upstream: UpstreamSubscriptions;
  /** The gateway's data sources, for the fetches each event needs from other subgraphs. */
  dataSources: () => ServiceMap;
  logger: Logger;
  /** Results one client subscription may fall behind before it is ended. */
  clientBufferSize: number;
  /** Upstream events one shared subscription may have waiting to be resolved. */
  pendingEventLimit: number;
  /**
   * Root fields whose events are states, not occurrences (each one supersedes the last, as
   * generationProgress's do). A client joining a shared subscription to one of them gets the
   * latest state first, as it would have alone; others only get events from then on.
   */
  stateFields: ReadonlySet<string>;
}

export interface SubscribeRequest {
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  viewerId: string | null;
  /** The first subscriber's: shared events are fetched once, under one id. */
  requestId: string;
}

/**
 * Subscriptions through the gateway. Identical subscriptions — same document, variables and
 * viewer, the viewer being everything the subgraphs authorize on — share one upstream
 * subscription, and each event's cross-subgraph fields are fetched once for all of them.
 */
export class SubscriptionHub {
  private readonly shared = new Map<string, SharedSubscription>();

  constructor(private readonly options: HubOptions) {}

  /** Client subscriptions open on this gateway. */
  get clientCount(): number {
    let count = 0;
    for (const subscription of this.shared.values()) count += subscription.size;
    return count;
  }

  /** Upstream subscriptions open to subgraphs (after deduplication). */
  get upstreamCount(): number {
    return this.shared.size;
  }

  subscribe(request: SubscribeRequest): ResultStream {
    const key = JSON.stringify([request.viewerId, request.operationName ?? null, print(request.document), request.variables]);
    let shared = this.shared.get(key);
    if (!shared) {
      const plan = this.options.planner.plan(request.document, request.operationName);
      shared = new SharedSubscription(plan, request, this.options, () => this.shared.delete(key));
      this.shared.set(key, shared);
    }
    return shared.add();
  }

  /** Ends every client subscription (shutdown). */
  endAll(): void {
    for (const subscription of [...this.shared.values()]) subscription.endAll();
  }
}

class SharedSubscription {
  private readonly subscribers = new Set<ResultStream>();
  private readonly unsubscribe: () => void;
  /** Events are resolved one after another so every client sees them in upstream order. */
  private chain: Promise<void> = Promise.resolve();
  private pending = 0;
  private closed = false;
  private latest: ExecutionResult | undefined;

  constructor(
    private readonly plan: SubscriptionPlan,
    private readonly request: SubscribeRequest,
    private readonly options: HubOptions,
    private readonly onClosed: () => void,
  ) {
    const { primary } = plan;
    const variables = Object.fromEntries((primary.variableUsages ?? []).map((name) => [name, request.variables[name]]));
    this.unsubscribe = options.upstream.subscribe(
      {
        subgraph: primary.serviceName,
        query: primary.operation,
        operationName: primary.operationName,
        variables,
        viewerId: request.viewerId,
      },
      {
        next: (event) => this.enqueue(() => this.deliver(event)),
        error: (error) => this.enqueue(async () => this.fail(error)),
        complete: () => this.enqueue(async () => this.endAll()),
      },
    );
  }

  get size(): number {
    return this.subscribers.size;
  }

  add(): ResultStream {
    const stream = new ResultStream(this.options.clientBufferSize, (ended) => {
      this.subscribers.delete(ended);
      if (this.subscribers.size === 0) this.close();
    });
    this.subscribers.add(stream);
    if (this.latest && this.options.stateFields.has(this.plan.rootField)) stream.push(this.latest);
    return stream;
  }

  endAll(): void {
    for (const stream of [...this.subscribers]) stream.end();
    this.close();
  }

  private enqueue(work: () => Promise<void>): void {
    if (this.closed) return;
    if (++this.pending > this.options.pendingEventLimit) {
      this.broadcast(
        errorResult(
          ErrorCode.SUBSCRIBER_OVERFLOW,
          'The gateway fell too far behind this subscription and ended it. Subscribe again to resume.',
        ),
      );
      this.endAll();
      return;
    }
    this.chain = this.chain
      .then(work)
      .catch((error: unknown) => {
        this.options.logger.error('subscription event failed', {
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
        this.broadcast(errorResult(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error'));
      })
      .finally(() => {
        this.pending--;
      });
  }

  /** Runs Primary (answered with this event) and the Rest, then shapes the client's result. */
  private async deliver(event: ExecutionResult): Promise<void> {
    if (this.closed) return;
    if (!event.data) {
      // Refused or failed upstream (not authorized, not found): nothing to resolve.
      this.broadcast({ errors: event.errors ?? [] });
      return;
    }
    const { primary } = this.plan;
    const sources = this.options.dataSources();
    const real = sources[primary.serviceName];
    const eventSource: GraphQLDataSource<GatewayContext> = {
      process: (options) =>
        ('query' in options.request && options.request.query === primary.operation) || !real
          ? Promise.resolve(event as never)
          : real.process(options as never),
    };
    const context: GatewayContext = { viewerId: this.request.viewerId, requestId: this.request.requestId };
    const result = await executeQueryPlan(
      this.plan.perEvent,
      { ...sources, [primary.serviceName]: eventSource },
      { request: { variables: this.request.variables }, context, metrics: {}, logger: this.options.logger } as never,
      this.plan.operationContext,
      this.options.planner.supergraphSchema,
      this.options.planner.federatedApiSchema,
    );
    this.broadcast(result as ExecutionResult);
  }

  private fail(error: unknown): void {
    const errors = Array.isArray(error) ? error : [];
    this.broadcast(
      errors.length
        ? { errors }
        : errorResult(ErrorCode.SERVICE_UNAVAILABLE, 'The subscription’s service ended it unexpectedly. Subscribe again.'),
    );
    this.endAll();
  }

  private broadcast(result: ExecutionResult): void {
    this.latest = result;
    for (const stream of this.subscribers) stream.push(result);
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    this.onClosed();
  }
}

const errorResult = (code: ErrorCode, message: string): ExecutionResult => ({
  errors: [new GraphQLError(message, { extensions: { code } })],
});
