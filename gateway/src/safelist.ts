import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import * as documents from '../../clients/sdk/src/generated/graphql';
import { ErrorCode } from '../../subgraphs/shared/src/errors';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The operations registered in clients/operations, as codegen printed them for the SDK: in
 * safelist mode only these run (by their exact text or, with APQ, their hash).
 */
export function registeredOperationHashes(): Set<string> {
  const hashes = new Set<string>();
  for (const value of Object.values(documents) as unknown[]) {
    if (value instanceof documents.TypedDocumentString) hashes.add(sha256(value.toString()));
  }
  return hashes;
}

/** Whether an operation's text is one of the registered ones. */
export const isRegistered = (allowed: Set<string>, source: string) => allowed.has(sha256(source));

/** The refusal of an unregistered operation, on every transport (see policy.ts). */
export const operationNotAllowed = () =>
  new GraphQLError('Only registered operations run here: build your client with the operations in clients/operations.', {
    extensions: { code: ErrorCode.OPERATION_NOT_ALLOWED, http: { status: 400 } },
  });
