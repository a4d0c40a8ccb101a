import {
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isListType,
  validate,
  valueFromAST,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type TypeNode,
} from 'graphql';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';

/**
 * A list with no `@listSize` (and a sliced list whose size the operation leaves open, when the
 * field declares no `assumedSize`) is assumed to hold this many items: the estimate is an upper
 * bound, so an undeclared list counts as a long one.
 */
export const UNDECLARED_LIST_SIZE = 100;

export interface OperationMeasure {
  /** Nesting of fields (fragments count as their fields). */
  depth: number;
  /** Fields with an alias, counted as often as their fragment is spread. */
  aliases: number;
  /** Fields at the root (aliases and fragments included). */
  rootFields: number;
  /** Each field's weight (`@cost`, else 1) times the sizes of the lists above it. */
  cost: number;
  /** Fragment definitions in the document. */
  fragments: number;
  /** Directives used, counted as often as their fragment is spread. */
  directives: number;
}

/**
 * Directives in an operation, by graphql-armor's max-directives rule (which measures each
 * fragment once). The rule reports every operation of the document in order; ours is picked.
 * Its limit is infinite (counts of doubling spreads pass any integer): checkLimits applies ours.
 */
function countDirectives(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): number {
  const counts: number[] = [];
  validate(schema, document, [maxDirectivesRule({ n: Infinity, onAccept: [(_context, { n }) => counts.push(n)] })]);
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return counts[operations.indexOf(operation)] ?? 0;
}

/** What the supergraph declares about one field (`@cost`, `@listSize`). */
interface FieldCost {
  weight: number;
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
}

export interface MeasureOptions {
  /** Called each time a fragment's body is walked (once per fragment and list-size context). */
  onFragmentVisit?: (name: string) => void;
}

const declarations = new WeakMap<GraphQLSchema, Map<GraphQLField<unknown, unknown>, FieldCost>>();

const intArgument = (directive: ConstDirectiveNode | undefined, name: string): number | undefined => {
  const value = directive?.arguments?.find((argument) => argument.name.value === name)?.value;
  return value?.kind === Kind.INT ? Number(value.value) : undefined;
};

const stringsArgument = (directive: ConstDirectiveNode | undefined, name: string): string[] | undefined => {
  const value = directive?.arguments?.find((argument) => argument.name.value === name)?.value;
  if (value?.kind === Kind.STRING) return [value.value];
  if (value?.kind !== Kind.LIST) return undefined;
  return value.values.flatMap((item) => (item.kind === Kind.STRING ? [item.value] : []));
};

/**
 * A field's `@cost` and `@listSize`, read from the supergraph's SDL (the API schema drops them).
 * A type's `@cost` applies to fields of that type that declare none.
 */
function fieldCost(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>): FieldCost {
  let known = declarations.get(schema);
  if (!known) declarations.set(schema, (known = new Map()));
  const cached = known.get(field);
  if (cached) return cached;
  const directives = field.astNode?.directives ?? [];
  const cost = directives.find((directive) => directive.name.value === 'cost');
  const typeCost = getNamedType(field.type).astNode?.directives?.find((directive) => directive.name.value === 'cost');
  const listSize = directives.find((directive) => directive.name.value === 'listSize');
  const declared: FieldCost = {
    weight: intArgument(cost, 'weight') ?? intArgument(typeCost, 'weight') ?? 1,
    assumedSize: intArgument(listSize, 'assumedSize'),
    slicingArguments: stringsArgument(listSize, 'slicingArguments'),
    sizedFields: stringsArgument(listSize, 'sizedFields'),
  };
  known.set(field, declared);
  return declared;
}

/**
 * Variables as the operation will see them: coerced, with their declared defaults. Variables
 * that do not coerce count as unknown (the request fails at execution anyway).
 */
export function coerceVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  raw: Record<string, unknown>,
): Record<string, unknown> {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], raw, { maxErrors: 1 });
  return result.coerced ?? {};
}

interface Tally {
  depth: number;
  aliases: number;
  fields: number;
  cost: number;
}

/**
 * Measures an operation against a schema that carries cost declarations (the supergraph).
 * Linear in the document: each fragment's body is measured once per list-size context and the
 * result reused at every spread, so fragments that spread each other twice cost no more to
 * measure than to read. Cost is linear in the multiplier above a selection set, so a set is
 * measured with multiplier 1 and scaled where it is used.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> = {},
  options: MeasureOptions = {},
): OperationMeasure {
  const variables = coerceVariables(schema, operation, rawVariables);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const memo = new Map<string, Tally>();
  // Fragments being measured: a cycle is a validation error, but the measure must end regardless.
  const open = new Set<string>();

  /** The page size a field's slicing arguments ask for, or undefined when they leave it open. */
  const sliced = (definition: GraphQLField<unknown, unknown>, declared: FieldCost, selection: FieldNode) => {
    let size: number | undefined;
    for (const name of declared.slicingArguments ?? []) {
      const argument = definition.args.find((arg) => arg.name === name);
      if (!argument) continue;
      const node = selection.arguments?.find((arg) => arg.name.value === name);
      const value = node ? valueFromAST(node.value, argument.type, variables) : argument.defaultValue;
      if (typeof value === 'number' && Number.isFinite(value)) size = Math.max(size ?? 0, value);
    }
    return size;
  };

  const measureSet = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, sizes: ReadonlyMap<string, number> | null): Tally => {
    const tally: Tally = { depth: 0, aliases: 0, fields: 0, cost: 0 };
    const add = (part: Tally) => {
      tally.depth = Math.max(tally.depth, part.depth);
      tally.aliases += part.aliases;
      tally.fields += part.fields;
      tally.cost += part.cost;
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType | undefined)
          : parent;
        add(measureSet(selection.selectionSet, type ?? parent, sizes));
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const key = sizes?.size ? `${name}|${[...sizes].join(';')}` : name;
        let part = memo.get(key);
        if (!part) {
          const fragment = fragments.get(name);
          const type = fragment && (schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined);
          if (!fragment || !type || open.has(name)) continue;
          open.add(name);
          options.onFragmentVisit?.(name);
          part = measureSet(fragment.selectionSet, type, sizes);
          open.delete(name);
          memo.set(key, part);
        }
        add(part);
        continue;
      }
      tally.fields++;
      if (selection.alias) tally.aliases++;
      tally.depth = Math.max(tally.depth, 1);
      const name = selection.name.value;
      if (name === '__typename') continue;
      const definition =
        name === '__schema'
          ? SchemaMetaFieldDef
          : name === '__type'
            ? TypeMetaFieldDef
            : 'getFields' in parent
              ? parent.getFields()[name]
              : undefined;
      if (!definition) {
        tally.cost++;
        continue;
      }
      const declared = fieldCost(schema, definition);
      tally.cost += declared.weight;
      const child = getNamedType(definition.type);
      if (!selection.selectionSet || !isCompositeType(child)) continue;
      const size = sliced(definition, declared, selection) ?? declared.assumedSize;
      let multiplier = 1;
      let childSizes: Map<string, number> | null = null;
      if (declared.sizedFields?.length) {
        // A connection: the page size applies to its `edges`, not to the connection object.
        childSizes = new Map(declared.sizedFields.map((field) => [field, size ?? UNDECLARED_LIST_SIZE]));
      } else if (sizes?.has(name)) {
        multiplier = sizes.get(name)!;
      } else if (child.name.startsWith('__')) {
        // Introspection is answered from the schema in memory (and is off in production): its
        // lists count once, so the standard introspection query stays affordable.
        multiplier = 1;
      } else if (isListType(getNullableType(definition.type))) {
        multiplier = size ?? UNDECLARED_LIST_SIZE;
      } else if (size !== undefined) {
        multiplier = size;
      }
      const below = measureSet(selection.selectionSet, child, childSizes);
      tally.depth = Math.max(tally.depth, 1 + below.depth);
      tally.aliases += below.aliases;
      tally.cost += Math.max(multiplier, 1) * below.cost;
    }
    return tally;
  };

  const rootType =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  const root = rootType ? measureSet(operation.selectionSet, rootType, null) : { depth: 0, aliases: 0, fields: 0, cost: 0 };
  return {
    depth: root.depth,
    aliases: root.aliases,
    rootFields: root.fields,
    cost: root.cost,
    fragments: fragments.size,
    directives: countDirectives(schema, document, operation),
  };
}

/** Measures kept per document: one per distinct set of page sizes a client asks with it. */
const MEASURES_PER_DOCUMENT = 64;

/**
 * measureOperation, remembered per parsed document: the walk and the directive count ran on
 * every request, 4% of the gateway's CPU per Feed page (`npm run bench -- --profile`). Apollo's
 * document store and policy.prepare hand back the same document object for the same text, so
 * the object is the key (a WeakMap: a document the stores drop goes with its measures).
 *
 * A measure reads variables only through slicing arguments, which are Int: the key is the
 * operation and the coerced values of its Int variables, so a new cursor reuses the measure and
 * a new page size does not. Variables that do not coerce are measured afresh and never stored:
 * every page size then counts as open (the field's maximum), which is not the measure of any
 * valid request with the same Int values.
 */
export function createMeasureCache(): (
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables?: Record<string, unknown>,
) => OperationMeasure {
  let measuresFor: GraphQLSchema | undefined;
  let measures = new WeakMap<DocumentNode, Map<string, OperationMeasure>>();
  return (schema, document, operation, rawVariables = {}) => {
    if (schema !== measuresFor) {
      measures = new WeakMap();
      measuresFor = schema;
    }
    const definitions = operation.variableDefinitions ?? [];
    const coerced = getVariableValues(schema, definitions, rawVariables, { maxErrors: 1 });
    if (!coerced.coerced) return measureOperation(schema, document, operation, rawVariables);
    const sizes = definitions
      .filter((definition) => intTyped(definition.type))
      .map((definition) => coerced.coerced[definition.variable.name.value] ?? null);
    const key = `${operation.name?.value ?? ''} ${document.definitions.indexOf(operation)} ${JSON.stringify(sizes)}`;
    let byKey = measures.get(document);
    const known = byKey?.get(key);
    if (known) return known;
    const measure = measureOperation(schema, document, operation, rawVariables);
    if (!byKey || byKey.size >= MEASURES_PER_DOCUMENT) measures.set(document, (byKey = new Map()));
    byKey.set(key, measure);
    return measure;
  };
}

const intTyped = (type: TypeNode): boolean => (type.kind === Kind.NAMED_TYPE ? type.name.value === 'Int' : intTyped(type.type));
