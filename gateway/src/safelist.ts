import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GraphQLError, type DocumentNode } from 'graphql';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { ErrorCode } from '@cameo/kernel/errors';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The manifest `npm run codegen` writes from clients/operations (committed). */
export const DEFAULT_MANIFEST_PATH = resolve(__dirname, '../../clients/operations/persisted-query-manifest.json');

/** The registered operations, by id (the SHA-256 of the body, as in Apollo's manifest). */
export type PersistedOperations = ReadonlyMap<string, string>;

/**
 * Reads an Apollo persisted-query manifest (`apollo-persisted-query-manifest`, version 1),
 * failing fast on a file that is not one or whose ids do not hash their bodies.
 */
export function readManifest(path: string = DEFAULT_MANIFEST_PATH): PersistedOperations {
  let manifest: { format?: unknown; version?: unknown; operations?: unknown };
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the persisted-query manifest ${path}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  if (manifest.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
    throw new Error(`${path} is not an apollo-persisted-query-manifest of version 1`);
  }
  const operations = new Map<string, string>();
  for (const { id, body } of manifest.operations as { id?: unknown; body?: unknown }[]) {
    if (typeof id !== 'string' || typeof body !== 'string' || sha256(body) !== id)
      throw new Error(`${path}: operation ${String(id)} has no body whose SHA-256 is its id`);
    operations.set(id, body);
  }
  return operations;
}

/**
 * Whether an operation is one of the registered ones: its text exactly, or its text printed the
 * way codegen printed the registered bodies (@graphql-tools/documents' normalised print: one
 * line, selections and arguments sorted), so the same operation in another layout is the same
 * registered operation — the SDK's documents keep their source layout, the manifest the
 * normalised one.
 */
export const isRegistered = (allowed: PersistedOperations, source: string, document: DocumentNode) =>
  allowed.has(sha256(source)) || allowed.has(sha256(printExecutableGraphQLDocument(document)));

/** The refusal of an unregistered operation, on every transport (see policy.ts). */
export const operationNotAllowed = () =>
  new GraphQLError('Only registered operations run here: build your client with the operations in clients/operations.', {
    extensions: { code: ErrorCode.OPERATION_NOT_ALLOWED, http: { status: 400 } },
  });
