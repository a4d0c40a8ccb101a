import { FEDERATION_LINK } from '@cameo/kernel/federation';
import { builder } from '../builder';
import './scalars';
import './generation';
import './connection';
import './queries';
import './create';
import './manage';
import './subscriptions';

/** The generations subgraph's federated schema (built once, with no database attached). */
export const schema = builder.toSubGraphSchema(FEDERATION_LINK);
