import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from './errors';
import type { Logger } from './logger';

/**
 * Errors a client may see: ones we raised on purpose (a GraphQLError with a code) and
 * GraphQL's own validation/parse errors. Anything else is a bug or an outage: logged in full,
 * and masked so no stack trace, SQL or internal message leaks.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    // At the gateway, a subgraph's error arrives as a plain object: the subgraph already
    // decided what its clients may see.
    const fromSubgraph = typeof original === 'object' && original !== null && !(original instanceof Error);
    if (original instanceof GraphQLError || fromSubgraph) {
      const { stacktrace: _hidden, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error('unexpected error', {
      path: formatted.path,
      error: original instanceof Error ? (original.stack ?? original.message) : String(original),
    });
    // A service that could not be reached (the gateway's fetch to a subgraph): say so, not where.
    if (original instanceof Error && original.name === 'FetchError') {
      return {
        message: 'A service is unavailable; try again shortly.',
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      };
    }
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
