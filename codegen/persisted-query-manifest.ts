/**
 * Writes clients/operations/persisted-query-manifest.json in Apollo's persisted-query-manifest
 * format, from the documents codegen just printed for the SDK (`npm run codegen` runs it after
 * graphql-codegen). Each body is the SDK's exact text, so the id a client sends, the text it
 * falls back to and the gateway's safelist all hash the same string.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getOperationAST, parse } from 'graphql';
import * as documents from '@cameo/sdk/generated/graphql';

const MANIFEST_PATH = resolve(__dirname, '../clients/operations/persisted-query-manifest.json');

const operations = (Object.values(documents) as unknown[])
  .filter((value): value is InstanceType<typeof documents.TypedDocumentString> => value instanceof documents.TypedDocumentString)
  .map((document) => {
    const body = document.toString();
    const operation = getOperationAST(parse(body));
    if (!operation?.name) throw new Error(`Every operation in clients/operations needs a name:\n${body}`);
    return { id: createHash('sha256').update(body).digest('hex'), name: operation.name.value, type: operation.operation, body };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

writeFileSync(MANIFEST_PATH, `${JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations }, null, 2)}\n`);
console.log(`wrote ${operations.length} operations to ${MANIFEST_PATH}`);
