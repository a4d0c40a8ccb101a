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
  ignoreNoDocuments: false,
  // Each target names its own documents: codegen adds a root `documents` to every target.
  generates: {
    'clients/sdk/src/generated/': {
      documents: 'clients/operations/**/*.graphql',
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
    // Typed documents for the tests' own operations (`graphql()` from this folder), checked
    // against the public schema like the SDK's; no persisted ids, and not in the manifest.
    'test/helpers/generated/': {
      documents: ['test/**/*.ts', 'gateway/test/**/*.ts', 'subgraphs/*/test/**/*.ts', '!test/helpers/generated/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: { useTypeImports: true, enumsAsTypes: true, skipTypename: true, scalars: { DateTime: 'string' } },
    },
  },
};

export default config;
