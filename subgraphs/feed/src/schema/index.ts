import { FEDERATION_LINK } from '@cameo/kernel/federation';
import { builder } from '../builder';
import './scalars';
import './refs';
import './posts';

/** The feed subgraph's federated schema (built once, with no database attached). */
export const schema = builder.toSubGraphSchema(FEDERATION_LINK);
