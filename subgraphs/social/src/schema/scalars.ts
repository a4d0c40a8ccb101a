import { dateTimeScalar } from '@cameo/kernel/date-time';
import { builder } from '../builder';

builder.scalarType('DateTime', dateTimeScalar);
