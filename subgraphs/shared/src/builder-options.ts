import DirectivesPlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin from '@pothos/plugin-prisma';

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
