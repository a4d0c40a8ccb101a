import { builder } from '../builder';
import { AgeBandEnum, PlanEnum } from './enums';

export const User = builder.prismaObject('User', {
  fields: (t) => ({
    id: t.exposeID('id'),
    handle: t.exposeString('handle', { description: 'Unique, lower case, without the @.' }),
    displayName: t.exposeString('displayName'),
    bio: t.exposeString('bio'),
    avatarUrl: t.exposeString('avatarUrl', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    // Private to the user themself: null for everyone else.
    ageBand: t.field({
      type: AgeBandEnum,
      nullable: true,
      description: 'TEEN or ADULT. Only you see yours.',
      resolve: (user, _args, ctx) => (ctx.viewer?.userId === user.id ? user.ageBand : null),
    }),
    plan: t.field({
      type: PlanEnum,
      nullable: true,
      description: 'FREE or PRO. Only you see yours.',
      resolve: (user, _args, ctx) => (ctx.viewer?.userId === user.id ? user.plan : null),
    }),
  }),
});

builder.asEntity(User, {
  key: builder.selection<{ id: string }>('id'),
  // Other subgraphs hold user ids as keys; an id that matches no user resolves to null.
  resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.db.user.findUnique({ where: { id: ref.id } }) : null),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);
