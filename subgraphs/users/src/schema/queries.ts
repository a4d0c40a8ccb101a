import { builder } from '../builder';
import { normalizeHandle } from '../handles';
import { isUuid } from './user';

builder.queryFields((t) => ({
  me: t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The signed-in user, or null when signed out.',
    resolve: (query, _root, _args, ctx) => (ctx.viewer ? ctx.db.user.findUnique({ ...query, where: { id: ctx.viewer.userId } }) : null),
  }),
  user: t.prismaField({
    type: 'User',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) => (isUuid(String(id)) ? ctx.db.user.findUnique({ ...query, where: { id: String(id) } }) : null),
  }),
  userByHandle: t.prismaField({
    type: 'User',
    nullable: true,
    description: 'Looks a user up by handle; case-insensitive, a leading @ is ignored.',
    args: { handle: t.arg.string({ required: true }) },
    resolve: (query, _root, { handle }, ctx) => ctx.db.user.findUnique({ ...query, where: { handle: normalizeHandle(handle) } }),
  }),
}));
