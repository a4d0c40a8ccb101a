import type { GraphQLSchema } from 'graphql';
import type { SubgraphName } from '@cameo/kernel/env';
import { schema as feed } from '@cameo/feed/schema/index';
import { schema as generations } from '@cameo/generations/schema/index';
import { schema as social } from '@cameo/social/schema/index';
import { schema as users } from '@cameo/users/schema/index';

/** Every subgraph's schema, by name; composition reads the schemas, never a running server. */
export const subgraphSchemas: Record<SubgraphName, GraphQLSchema> = { users, generations, social, feed };
