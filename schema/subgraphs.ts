import type { GraphQLSchema } from 'graphql';
import type { SubgraphName } from '../subgraphs/shared/src/env';
import { schema as feed } from '../subgraphs/feed/src/schema';
import { schema as generations } from '../subgraphs/generations/src/schema';
import { schema as social } from '../subgraphs/social/src/schema';
import { schema as users } from '../subgraphs/users/src/schema';

/** Every subgraph's schema, by name; composition reads the schemas, never a running server. */
export const subgraphSchemas: Record<SubgraphName, GraphQLSchema> = { users, generations, social, feed };
