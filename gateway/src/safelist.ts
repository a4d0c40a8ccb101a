import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
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

/** Refuses any operation that is not registered (OPERATION_NOT_ALLOWED), before it is planned. */
export function safelistPlugin(allowed: Set<string>): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ source }) {
          if (!allowed.has(sha256(source))) {
            throw new GraphQLError('Only registered operations run here: build your client with the operations in clients/operations.', {
              extensions: { code: ErrorCode.OPERATION_NOT_ALLOWED, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
