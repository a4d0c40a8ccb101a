/**
 * Writes clients/operations/persisted-query-manifest.json in Apollo's persisted-query-manifest
 * format from the persisted documents graphql-codegen just wrote (`npm run codegen` runs it
 * after codegen; codegen/codegen.ts). Codegen's map holds id → body; Apollo's format also wants
 * each operation's name and type, read here from the body.
 *
 * Why not @apollo/generate-persisted-query-manifest: it is built for Apollo Client (it runs each
 * document through an ApolloClient, which in Apollo Client 4 always adds `__typename`, and prints
 * it with graphql-js), so its ids are not the ids our SDK's documents carry; its own README says
 * it is not a general-purpose manifest tool. Codegen's ids are attached to the SDK's documents,
 * so what the SDK sends and what the gateway registers come from one place.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getOperationAST, parse } from 'graphql';

const PERSISTED_DOCUMENTS_PATH = resolve(__dirname, '../clients/sdk/src/generated/persisted-documents.json');
const MANIFEST_PATH = resolve(__dirname, '../clients/operations/persisted-query-manifest.json');

const documents = JSON.parse(readFileSync(PERSISTED_DOCUMENTS_PATH, 'utf8')) as Record<string, string>;
const operations = Object.entries(documents)
  .map(([id, body]) => {
    const operation = getOperationAST(parse(body));
    if (!operation?.name) throw new Error(`Every operation in clients/operations needs a name:\n${body}`);
    return { id, name: operation.name.value, type: operation.operation, body };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

writeFileSync(MANIFEST_PATH, `${JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations }, null, 2)}\n`);
console.log(`wrote ${operations.length} operations to ${MANIFEST_PATH}`);
