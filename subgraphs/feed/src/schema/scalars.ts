import { dateTimeScalar } from '../../../shared/src/date-time';
import { builder } from '../builder';

builder.scalarType('DateTime', dateTimeScalar);
