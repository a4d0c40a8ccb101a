import {
  GraphQLError,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../../subgraphs/shared/src/errors';

/** What one operation may ask of the gateway; checked after validation, before any planning. */
export interface OperationLimits {
  /** Nesting of fields (fragments count as their fields). */
  maxDepth: number;
  /** Fields with an alias. */
  maxAliases: number;
  /** Fields at the root (aliases included). */
  maxRootFields: number;
  /** Estimated fields resolved: each field 1, times the sizes of the lists above it. */
  maxCost: number;
  /** Lexical tokens in the document (the parser stops there: GRAPHQL_PARSE_FAILED). */
  maxTokens: number;
  /** Bytes of a request body (413 REQUEST_TOO_LARGE beyond). */
  maxBodyBytes: number;
}

export const DEFAULT_LIMITS: OperationLimits = {
  maxDepth: 15,
  maxAliases: 30,
  maxRootFields: 10,
  maxCost: 10_000,
  maxTokens: 5_000,
  maxBodyBytes: 1024 * 1024,
};

/** A list field without `first` is assumed to hold this many items. */
const DEFAULT_LIST_SIZE = 10;

export interface OperationMeasure {
  depth: number;
  aliases: number;
  rootFields: number;
  cost: number;
}

function intValue(node: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!node) return undefined;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    return typeof value === 'number' ? value : undefined;
  }
  return undefined;
}

/**
 * Measures an operation against the schema. Cost follows the pagination the client asks for:
 * a field with `first: n` multiplies what is below it by n (its `edges` list then counts once);
 * any other list multiplies by DEFAULT_LIST_SIZE.
 */
export function measureOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const measure: OperationMeasure = { depth: 0, aliases: 0, rootFields: 0, cost: 0 };

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, depth: number, multiplier: number, sized: boolean, root: boolean) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : parent;
        walk(selection.selectionSet, type ?? parent, depth, multiplier, sized, root);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const type = fragment && (schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType);
        if (fragment && type) walk(fragment.selectionSet, type, depth, multiplier, sized, root);
        continue;
      }
      if (root) measure.rootFields++;
      if (selection.alias) measure.aliases++;
      measure.depth = Math.max(measure.depth, depth);
      const name = selection.name.value;
      if (name === '__typename') continue;
      measure.cost += multiplier;
      if (!selection.selectionSet) continue;
      const definition =
        name === '__schema' ? SchemaMetaFieldDef : name === '__type' ? TypeMetaFieldDef : 'getFields' in parent ? parent.getFields()[name] : undefined;
      if (!definition) continue;
      const first = intValue(selection.arguments?.find((argument) => argument.name.value === 'first')?.value, variables);
      const list = isListType(getNullableType(definition.type));
      const size = first !== undefined ? first : list && !sized ? DEFAULT_LIST_SIZE : 1;
      const child = getNamedType(definition.type);
      if (isCompositeType(child)) walk(selection.selectionSet, child, depth + 1, multiplier * Math.max(size, 1), first !== undefined, false);
    }
  };
  const rootType = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (rootType) walk(operation.selectionSet, rootType, 1, 1, false, true);
  return measure;
}

const tooMuch = (code: string, message: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/** The error for the first limit an operation passes, or null when it is within all of them. */
export function checkLimits(measure: OperationMeasure, limits: OperationLimits): GraphQLError | null {
  if (measure.rootFields > limits.maxRootFields) return tooMuch(ErrorCode.TOO_MANY_ROOT_FIELDS, `An operation may select at most ${limits.maxRootFields} root fields.`);
  if (measure.aliases > limits.maxAliases) return tooMuch(ErrorCode.TOO_MANY_ALIASES, `An operation may use at most ${limits.maxAliases} aliases.`);
  if (measure.depth > limits.maxDepth) return tooMuch(ErrorCode.QUERY_TOO_DEEP, `An operation may nest fields at most ${limits.maxDepth} deep.`);
  if (measure.cost > limits.maxCost) {
    return tooMuch(ErrorCode.QUERY_TOO_COSTLY, `This operation could resolve about ${measure.cost} fields; the limit is ${limits.maxCost}. Ask for smaller pages.`);
  }
  return null;
}

/** Enforces the limits on every HTTP operation once it is validated, before the gateway plans it. */
export function operationLimitsPlugin(schema: () => GraphQLSchema, limits: OperationLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const error = checkLimits(measureOperation(schema(), document, operation, request.variables ?? {}), limits);
          if (error) throw error;
        },
      };
    },
  };
}
