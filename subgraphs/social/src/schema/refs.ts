import { builder } from '../builder';

// Entities owned by other subgraphs; social adds fields to them.
export const UserRef = builder.externalRef('User', builder.selection<{ id: string }>('id')).implement({
  fields: (t) => ({ id: t.exposeID('id') }),
});
export const GenerationRef = builder.externalRef('Generation', builder.selection<{ id: string }>('id')).implement({
  fields: (t) => ({ id: t.exposeID('id') }),
});
