import SchemaBuilder from '@pothos/core';
import type PrismaTypes from './generated/pothos-types';
import { getDatamodel } from './generated/pothos-types';
import { SUBGRAPH_PLUGINS, prismaPluginOptions } from '@cameo/kernel/builder-options';
import type { UsersContext } from './context';

export const builder = new SchemaBuilder<{
  Context: UsersContext;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: { DateTime: { Input: Date; Output: Date } };
}>({
  plugins: [...SUBGRAPH_PLUGINS],
  // Without this every field a client sees would be optional.
  defaultFieldNullability: false,
  prisma: prismaPluginOptions<UsersContext>(getDatamodel()),
});

builder.queryType({});
builder.mutationType({});
