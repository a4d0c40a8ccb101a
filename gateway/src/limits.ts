import { GraphQLError } from 'graphql';
import { ErrorCode } from '@cameo/kernel/errors';
import type { OperationMeasure } from './cost';

/** What one operation may ask of the gateway; checked after validation, before any planning. */
export interface OperationLimits {
  /** Nesting of fields (fragments count as their fields). */
  maxDepth: number;
  /** Fields with an alias. */
  maxAliases: number;
  /** Fields at the root (aliases included). */
  maxRootFields: number;
  /**
   * Estimated fields resolved: each field its `@cost` weight (else 1), times the sizes of the
   * lists above it (`@listSize`; a page size left open, or an undeclared list, counts as its maximum).
   */
  maxCost: number;
  /** Fragment definitions in the document. */
  maxFragments: number;
  /** Directives used (spread fragments counted at each spread). */
  maxDirectives: number;
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
  maxFragments: 50,
  maxDirectives: 50,
  maxTokens: 5_000,
  maxBodyBytes: 1024 * 1024,
};

export { measureOperation, type OperationMeasure } from './cost';

const tooMuch = (code: string, message: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/** The error for the first limit an operation passes, or null when it is within all of them. */
export function checkLimits(measure: OperationMeasure, limits: OperationLimits): GraphQLError | null {
  if (measure.fragments > limits.maxFragments)
    return tooMuch(ErrorCode.TOO_MANY_FRAGMENTS, `An operation may define at most ${limits.maxFragments} fragments.`);
  if (measure.directives > limits.maxDirectives)
    return tooMuch(ErrorCode.TOO_MANY_DIRECTIVES, `An operation may use at most ${limits.maxDirectives} directives.`);
  if (measure.rootFields > limits.maxRootFields)
    return tooMuch(ErrorCode.TOO_MANY_ROOT_FIELDS, `An operation may select at most ${limits.maxRootFields} root fields.`);
  if (measure.aliases > limits.maxAliases)
    return tooMuch(ErrorCode.TOO_MANY_ALIASES, `An operation may use at most ${limits.maxAliases} aliases.`);
  if (measure.depth > limits.maxDepth)
    return tooMuch(ErrorCode.QUERY_TOO_DEEP, `An operation may nest fields at most ${limits.maxDepth} deep.`);
  if (measure.cost > limits.maxCost) {
    return tooMuch(
      ErrorCode.QUERY_TOO_COSTLY,
      `This operation could resolve about ${measure.cost} fields; the limit is ${limits.maxCost}. Ask for smaller pages.`,
    );
  }
  return null;
}
