import type PrismaTypes from './generated/pothos-types';
import { getDatamodel } from './generated/pothos-types';
import { createSubgraphBuilder } from '@cameo/kernel/builder-options';
import type { UsersContext } from './context';

export const builder = createSubgraphBuilder<UsersContext, PrismaTypes>(getDatamodel());
