import { GraphQLError } from 'graphql';

/**
 * Stable error codes clients can branch on (`extensions.code`). Add codes here, never inline,
 * so the list stays the contract.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  HANDLE_TAKEN: 'HANDLE_TAKEN',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  GATEWAY_PROOF_REQUIRED: 'GATEWAY_PROOF_REQUIRED',
  PERSONAL_CAMEO_EXISTS: 'PERSONAL_CAMEO_EXISTS',
  RECORDING_TOO_SHORT: 'RECORDING_TOO_SHORT',
  RECORDING_TOO_LONG: 'RECORDING_TOO_LONG',
  INVALID_CAMEO_STATE: 'INVALID_CAMEO_STATE',
  TEEN_POLICY_NOT_ALLOWED: 'TEEN_POLICY_NOT_ALLOWED',
  CANNOT_GRANT_TO_SELF: 'CANNOT_GRANT_TO_SELF',
  CAMEO_CONSENT_REQUIRED: 'CAMEO_CONSENT_REQUIRED',
  TOO_MANY_CAMEOS: 'TOO_MANY_CAMEOS',
  QUOTA_EXCEEDED: 'QUOTA_EXCEEDED',
  QUEUE_UNAVAILABLE: 'QUEUE_UNAVAILABLE',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INVALID_GENERATION_STATE: 'INVALID_GENERATION_STATE',
  CANNOT_TARGET_SELF: 'CANNOT_TARGET_SELF',
  BLOCKED: 'BLOCKED',
  TEEN_PROTECTED: 'TEEN_PROTECTED',
  CURSOR_EXPIRED: 'CURSOR_EXPIRED',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_ROOT_FIELDS: 'TOO_MANY_ROOT_FIELDS',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  TOO_MANY_FRAGMENTS: 'TOO_MANY_FRAGMENTS',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  REQUEST_TOO_LARGE: 'REQUEST_TOO_LARGE',
  BAD_REQUEST: 'BAD_REQUEST',
  RATE_LIMITED: 'RATE_LIMITED',
  SIGN_IN_THROTTLED: 'SIGN_IN_THROTTLED',
  OPERATION_NOT_ALLOWED: 'OPERATION_NOT_ALLOWED',
  SUBSCRIPTION_LIMIT: 'SUBSCRIPTION_LIMIT',
  SUBSCRIBER_OVERFLOW: 'SUBSCRIBER_OVERFLOW',
  SUBSCRIPTION_REQUIRES_WEBSOCKET: 'SUBSCRIPTION_REQUIRES_WEBSOCKET',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An expected failure a client should see as is. */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extra, code } });
  }
}

export const badInput = (message: string, field?: string) => new DomainError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
export const unauthenticated = () => new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in to do this.');
export const forbidden = (message = 'You may not do this.') => new DomainError(ErrorCode.FORBIDDEN, message);
export const notFound = (what: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} not found.`);
