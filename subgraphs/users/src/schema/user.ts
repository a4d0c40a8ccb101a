import { builder } from '../builder';

export const User = builder.prismaObject('User', {
  fields: (t) => ({
    id: t.exposeID('id'),
    handle: t.exposeString('handle', { description: 'Unique, lower case, without the @.' }),
    displayName: t.exposeString('displayName'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.asEntity(User, {
  key: builder.selection<{ id: string }>('id'),
  // Other subgraphs hold user ids as keys; an id that matches no user resolves to null.
  resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.db.user.findUnique({ where: { id: ref.id } }) : null),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);
