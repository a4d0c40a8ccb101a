import { builder } from '../builder';
import { AgeBand, CameoKind, CameoStatus, CheckResult, ConsentPolicy, Plan } from '../generated/prisma/enums.js';

export const AgeBandEnum = builder.enumType(AgeBand, { name: 'AgeBand' });
export const PlanEnum = builder.enumType(Plan, { name: 'Plan' });
export const CameoKindEnum = builder.enumType(CameoKind, {
  name: 'CameoKind',
  description: 'PERSON: your own likeness (one per account). PET and OBJECT: as many as you like.',
});
export const CameoStatusEnum = builder.enumType(CameoStatus, { name: 'CameoStatus' });
export const CheckResultEnum = builder.enumType(CheckResult, {
  name: 'CheckResult',
  description: 'A verification check’s outcome. NOT_CHECKED: the check did not run (none configured, or an earlier check failed).',
});
export const ConsentPolicyEnum = builder.enumType(ConsentPolicy, {
  name: 'ConsentPolicy',
  description: 'Who may use a cameo besides its owner. A block always wins; a teen’s cameo is never EVERYONE.',
});
