import { Kind, getOperationAST, print, type DocumentNode, type GraphQLSchema } from 'graphql';
import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import { buildOperationContext } from '@apollo/gateway';

type OperationContext = ReturnType<typeof buildOperationContext>;

/** How the gateway runs one subscription operation. */
export interface SubscriptionPlan {
  /** The subscription sent to the subgraph that owns the root field, with entity keys added. */
  primary: FetchNode;
  /** Per event: Primary (answered with the event itself) then the fetches of the other fields. */
  perEvent: QueryPlan;
  operationContext: OperationContext;
  /** The subscription's root field (a subscription has exactly one). */
  rootField: string;
}

/** Distinct operations remembered; clients send the same few documents over and over. */
const CACHE_SIZE = 500;

/**
 * Plans subscriptions with Apollo's own query planner, which splits them into a Primary fetch
 * (the root field's subgraph, over graphql-ws) and the Rest (entity fetches per event).
 * @apollo/gateway can execute the Rest but not the Subscription node; see hub.ts.
 */
export class SubscriptionPlanner {
  readonly apiSchema: GraphQLSchema;
  readonly supergraphSchema: GraphQLSchema;
  readonly federatedApiSchema: Schema;
  private readonly planner: QueryPlanner;
  private readonly cache = new Map<string, SubscriptionPlan>();

  constructor(supergraphSdl: string) {
    const supergraph = Supergraph.build(supergraphSdl);
    this.federatedApiSchema = supergraph.apiSchema();
    this.apiSchema = this.federatedApiSchema.toGraphQLJSSchema();
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph);
  }

  /** Plans a validated subscription document. */
  plan(document: DocumentNode, operationName: string | undefined): SubscriptionPlan {
    const key = `${operationName ?? ''}\n${print(document)}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const operation = operationFromDocument(this.federatedApiSchema, document, { operationName });
    const queryPlan = this.planner.buildQueryPlan(operation);
    const node = queryPlan.node;
    if (node?.kind !== 'Subscription') throw new Error(`expected a subscription plan, got ${node?.kind ?? 'none'}`);
    const perEventNode: PlanNode = node.rest ? { kind: 'Sequence', nodes: [node.primary, node.rest] } : node.primary;
    const plan: SubscriptionPlan = {
      primary: node.primary,
      perEvent: { kind: 'QueryPlan', node: perEventNode },
      operationContext: buildOperationContext({ schema: this.apiSchema, operationDocument: document, operationName }),
      rootField: rootFieldOf(document, operationName),
    };
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, plan);
    return plan;
  }
}

function rootFieldOf(document: DocumentNode, operationName: string | undefined): string {
  const selection = getOperationAST(document, operationName)?.selectionSet.selections[0];
  return selection?.kind === Kind.FIELD ? selection.name.value : '';
}
