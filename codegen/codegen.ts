import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * graphql-codegen: typed documents for every client, from the committed public schema (never a
 * running server). `npm run codegen` (part of `npm run generate`) fails when an operation no
 * longer validates against schema/api.graphql.
 *
 * `persistedDocuments` gives each document its persisted-operation id at build time
 * (`document.__meta__.hash`, what the SDK sends) and writes `persisted-documents.json` (id →
 * the exact body the id hashes). The id is the bare SHA-256 hex of that body, as Apollo's
 * persisted-query manifest and `extensions.persistedQuery.sha256Hash` have it (codegen's own
 * `sha256` would prefix `sha256:`); codegen/persisted-query-manifest.ts turns the map into
 * Apollo's manifest format for the gateway.
 */
const config: CodegenConfig = {
  schema: 'schema/api.graphql',
  documents: 'clients/operations/**/*.graphql',
  ignoreNoDocuments: false,
  generates: {
    'clients/sdk/src/generated/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        gqlTagName: 'graphql',
        persistedDocuments: { hashAlgorithm: (body: string) => createHash('sha256').update(body).digest('hex') },
      },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: true,
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;
