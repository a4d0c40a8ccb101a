import { FEDERATION_LINK } from '@cameo/kernel/federation';
import { builder } from '../builder';
import './scalars';
import './enums';
import './user';
import './queries';
import './auth';
import './profile';
import './cameo';
import './cameo-lifecycle';
import './cameo-consent';

/** The users subgraph's federated schema (built once, with no database attached). */
export const schema = builder.toSubGraphSchema(FEDERATION_LINK);
