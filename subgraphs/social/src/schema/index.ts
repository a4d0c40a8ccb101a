import { FEDERATION_LINK } from '@cameo/kernel/federation';
import { builder } from '../builder';
import './scalars';
import './refs';
import './paging';
import './follows';
import './videos';
import './notifications';

/** The social subgraph's federated schema (built once, with no database attached). */
export const schema = builder.toSubGraphSchema(FEDERATION_LINK);
