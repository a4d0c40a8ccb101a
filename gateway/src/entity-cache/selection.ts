import { Kind, parse, type SelectionSetNode } from 'graphql';
import { PER_VIEWER, type CachedFields } from './rules';

/** What the cache needs to know of one subgraph request's document. */
export type RequestShape =
  | { kind: 'mutation' }
  /** An `_entities` query selecting only cached fields of the listed types; `perViewer` when one is the viewer's own. */
  | { kind: 'cacheable'; rootTypes: Set<string>; nestedTypes: Set<string>; perViewer: boolean }
  | { kind: 'other' };

const OTHER: RequestShape = { kind: 'other' };

/**
 * Reads a subgraph request as the query planner wrote it. Only the plain shape is cacheable:
 * `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on T { fields } } }`
 * with no directives, arguments or named fragments, and every field listed in `fields`. An
 * answer of a `viewerBound` type is the viewer's own whatever it selects.
 */
export function requestShape(query: string, fields: CachedFields, viewerBound: ReadonlySet<string> = new Set()): RequestShape {
  let document;
  try {
    document = parse(query, { noLocation: true });
  } catch {
    return OTHER;
  }
  const [operation, ...rest] = document.definitions;
  if (rest.length > 0 || operation?.kind !== Kind.OPERATION_DEFINITION) return OTHER;
  if (operation.operation === 'mutation') return { kind: 'mutation' };
  if (operation.operation !== 'query' || operation.directives?.length) return OTHER;
  const variables = operation.variableDefinitions ?? [];
  if (variables.length !== 1 || variables[0]!.variable.name.value !== 'representations') return OTHER;
  const [root, ...others] = operation.selectionSet.selections;
  if (others.length > 0 || root?.kind !== Kind.FIELD || root.name.value !== '_entities' || root.alias || root.directives?.length)
    return OTHER;
  const argument = root.arguments?.length === 1 ? root.arguments[0]!.value : undefined;
  if (argument?.kind !== Kind.VARIABLE || argument.name.value !== 'representations' || !root.selectionSet) return OTHER;

  const rootTypes = new Set<string>();
  const found: Found = { nestedTypes: new Set(), perViewer: false };
  for (const selection of root.selectionSet.selections) {
    if (selection.kind === Kind.FIELD && selection.name.value === '__typename' && !selection.directives?.length) continue;
    if (selection.kind !== Kind.INLINE_FRAGMENT || selection.directives?.length || !selection.typeCondition) return OTHER;
    const typename = selection.typeCondition.name.value;
    if (!fields[typename] || !onlyCachedFields(selection.selectionSet, typename, fields, found)) return OTHER;
    if (viewerBound.has(typename)) found.perViewer = true;
    rootTypes.add(typename);
  }
  return rootTypes.size > 0 ? { kind: 'cacheable', rootTypes, ...found } : OTHER;
}

interface Found {
  nestedTypes: Set<string>;
  perViewer: boolean;
}

function onlyCachedFields(selectionSet: SelectionSetNode, typename: string, fields: CachedFields, found: Found): boolean {
  const allowed = fields[typename];
  if (!allowed) return false;
  return selectionSet.selections.every((selection) => {
    if (selection.kind !== Kind.FIELD || selection.directives?.length || selection.arguments?.length) return false;
    const name = selection.name.value;
    if (name === 'id' || name === '__typename') return !selection.selectionSet;
    const listed = allowed[name];
    if (listed === true) return !selection.selectionSet;
    if (listed === PER_VIEWER) {
      found.perViewer = true;
      return !selection.selectionSet;
    }
    if (typeof listed !== 'string' || !selection.selectionSet) return false;
    found.nestedTypes.add(listed);
    return onlyCachedFields(selection.selectionSet, listed, fields, found);
  });
}
