import {
  GraphQLError,
  getOperationAST,
  type DocumentNode,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { ErrorCode } from '@cameo/kernel/errors';
import { createFormatError } from '@cameo/kernel/format-error';
import type { Logger } from '@cameo/kernel/logger';
import type { SubscriptionHub } from './hub';
import type { ResultStream } from './result-stream';

export interface SubscriptionRequest {
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  viewerId: string | null;
  requestId: string;
}

const requestError = (code: string, message: string) => new GraphQLError(message, { extensions: { code } });

/**
 * Starts a subscription on the hub once its variables coerce against the API schema: the one
 * entry into the engine for every transport (graphql-ws, multipart HTTP, SSE). A refusal is an
 * error result, as graphql-js's `subscribe` answers.
 */
export function startSubscription(
  hub: SubscriptionHub,
  apiSchema: GraphQLSchema,
  request: SubscriptionRequest,
): ExecutionResult | ResultStream {
  const operation = getOperationAST(request.document, request.operationName);
  if (!operation) return { errors: [requestError('GRAPHQL_VALIDATION_FAILED', 'Name the operation to run.')] };
  const coerced = getVariableValues(apiSchema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 10 });
  if (coerced.errors) return { errors: coerced.errors.map((error) => requestError(ErrorCode.BAD_USER_INPUT, error.message)) };
  return hub.subscribe({
    document: request.document,
    operationName: request.operationName ?? undefined,
    variables: coerced.coerced,
    viewerId: request.viewerId,
    requestId: request.requestId,
  });
}

/**
 * Results as clients may see them, on every transport: errors through the kernel's formatter
 * (unexpected ones masked), without the `http` extension that only sets an HTTP status.
 */
export function createResultFormatter(logger: Logger) {
  const formatError = createFormatError(logger);
  const formatErrors = (errors: readonly (GraphQLError | GraphQLFormattedError)[]): GraphQLFormattedError[] =>
    errors.map((error) => {
      const formatted = formatError(error instanceof GraphQLError ? error.toJSON() : error, error);
      if (!formatted.extensions || !('http' in formatted.extensions)) return formatted;
      const { http: _status, ...extensions } = formatted.extensions;
      return { ...formatted, extensions };
    });
  const formatResult = (result: ExecutionResult): FormattedExecutionResult => ({
    ...(result.errors ? { errors: formatErrors(result.errors) } : {}),
    ...('data' in result ? { data: result.data } : {}),
    ...(result.extensions ? { extensions: result.extensions } : {}),
  });
  return { formatErrors, formatResult };
}
