import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin from '@pothos/plugin-prisma';
import type PrismaTypes from './generated/pothos-types';
import { getDatamodel } from './generated/pothos-types';
import type { FeedContext } from './context';

export const builder = new SchemaBuilder<{
  Context: FeedContext;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: { DateTime: { Input: Date; Output: Date } };
}>({
  plugins: [DirectivesPlugin, PrismaPlugin, FederationPlugin],
  // Without this every field a client sees would be optional.
  defaultFieldNullability: false,
  prisma: {
    // The client comes from the context so each test database gets its own.
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
});

builder.queryType({});
builder.mutationType({});
