import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin, { type PrismaClient } from '@pothos/plugin-prisma';

/** The Pothos plugins every subgraph uses, in the order they must run. */
export const SUBGRAPH_PLUGINS = [DirectivesPlugin, PrismaPlugin, FederationPlugin] as const;

/**
 * The Prisma plugin's options every subgraph shares: the client comes from the context, so each
 * test database gets its own; descriptions stay in the schema files, not the database's.
 */
export function prismaPluginOptions<Context extends { db: object }>(dmmf: { datamodel: unknown }) {
  return {
    client: (ctx: Context): Context['db'] => ctx.db,
    dmmf,
    exposeDescriptions: false,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : ('warn' as const),
  };
}

/** The schema types of a subgraph's builder: its context, its Prisma types, non-null fields by default. */
export interface SubgraphSchemaTypes<Context extends { db: PrismaClient }, Prisma extends object> {
  Context: Context;
  PrismaTypes: Prisma;
  DefaultFieldNullability: false;
  Scalars: { DateTime: { Input: Date; Output: Date } };
}

/**
 * A subgraph's Pothos builder with the shared plugins and options, and empty Query and Mutation
 * types for its schema files to extend.
 */
export function createSubgraphBuilder<Context extends { db: PrismaClient }, Prisma extends object>(dmmf: { datamodel: unknown }) {
  const builder = new SchemaBuilder<SubgraphSchemaTypes<Context, Prisma>>({
    plugins: [...SUBGRAPH_PLUGINS],
    // Without this every field a client sees would be optional.
    defaultFieldNullability: false,
    prisma: prismaPluginOptions<Context>(dmmf),
  });
  builder.queryType({});
  builder.mutationType({});
  return builder;
}
