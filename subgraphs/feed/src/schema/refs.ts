import { builder } from '../builder';

// Entities owned by other subgraphs that posts point to.
export const UserRef = builder.externalRef('User', builder.selection<{ id: string }>('id')).implement({
  fields: (t) => ({ id: t.exposeID('id') }),
});
export const GenerationRef = builder.externalRef('Generation', builder.selection<{ id: string }>('id')).implement({
  fields: (t) => ({ id: t.exposeID('id') }),
});
export const CameoRef = builder.externalRef('Cameo', builder.selection<{ id: string }>('id')).implement({
  fields: (t) => ({ id: t.exposeID('id') }),
});
