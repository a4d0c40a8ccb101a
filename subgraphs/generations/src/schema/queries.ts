import { builder } from '../builder';
import { forbidden } from '@cameo/kernel/errors';
import { connectionSize } from '@cameo/kernel/federation';
import { Generation, GenerationStatusEnum, CameoRef, UserRef, castOwners, hiddenByBlock, isUuid, visibleTo } from './generation';
import { emptyConnection } from '@cameo/kernel/connection';
import { GenerationConnection, PAGE_MAX, afterCursor, newestFirst, pageSize, toConnection } from './connection';

builder.queryFields((t) => ({
  generation: t.prismaField({
    type: 'Generation',
    nullable: true,
    description: 'A generation you made, one you appear in, or a published one; null otherwise.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      if (!isUuid(String(id))) return null;
      const generation = await ctx.db.generation.findUnique({ ...query, where: { id: String(id) } });
      return generation && (await visibleTo(generation, await castOwners(ctx, generation.id), ctx)) ? generation : null;
    },
  }),
  myGenerations: t.field({
    type: GenerationConnection,
    description: 'Your generations, drafts included, newest first.',
    args: { first: t.arg.int(), after: t.arg.string(), status: t.arg({ type: GenerationStatusEnum }) },
    directives: connectionSize(PAGE_MAX),
    resolve: async (_root, args, ctx) => {
      if (!ctx.viewer) return emptyConnection(args.after);
      const size = pageSize(args.first);
      const list = `Query.myGenerations:${args.status ?? 'ALL'}`;
      const rows = await ctx.db.generation.findMany({
        where: { creatorId: ctx.viewer.userId, ...(args.status ? { status: args.status } : {}), ...afterCursor(ctx, list, args.after) },
        orderBy: newestFirst,
        take: size + 1,
      });
      return toConnection(ctx, list, rows, size, args.after);
    },
  }),
}));

builder.objectField(UserRef, 'generations', (t) =>
  t.field({
    type: GenerationConnection,
    description: 'Published videos by this user, newest first (all of them, drafts included, for yourself).',
    args: { first: t.arg.int(), after: t.arg.string() },
    directives: connectionSize(PAGE_MAX),
    resolve: async (user, args, ctx) => {
      const size = pageSize(args.first);
      const list = `User.generations:${user.id}`;
      const own = ctx.viewer?.userId === user.id;
      if (await hiddenByBlock({ creatorId: user.id }, ctx)) return emptyConnection(args.after);
      const rows = await ctx.db.generation.findMany({
        where: {
          creatorId: user.id,
          ...(own ? {} : { publishedAt: { not: null }, hiddenReason: null }),
          ...afterCursor(ctx, list, args.after),
        },
        orderBy: newestFirst,
        take: size + 1,
      });
      return toConnection(ctx, list, rows, size, args.after);
    },
  }),
);

builder.objectField(Generation, 'remixes', (t) =>
  t.field({
    type: GenerationConnection,
    description: 'Published remixes of this video, newest first.',
    args: { first: t.arg.int(), after: t.arg.string() },
    directives: connectionSize(PAGE_MAX),
    resolve: async (generation, args, ctx) => {
      const size = pageSize(args.first);
      const list = `Generation.remixes:${generation.id}`;
      const hidden = ctx.viewer ? [...(await ctx.blockedWithViewer())] : [];
      const rows = await ctx.db.generation.findMany({
        where: {
          remixOfId: generation.id,
          publishedAt: { not: null },
          hiddenReason: null,
          ...(hidden.length ? { creatorId: { notIn: hidden } } : {}),
          ...afterCursor(ctx, list, args.after),
        },
        orderBy: newestFirst,
        take: size + 1,
      });
      return toConnection(ctx, list, rows, size, args.after);
    },
  }),
);

builder.objectField(CameoRef, 'appearances', (t) =>
  t.field({
    type: GenerationConnection,
    description: 'Every generation, draft or published, by anyone, that casts this cameo. Its owner only.',
    args: { first: t.arg.int(), after: t.arg.string() },
    directives: connectionSize(PAGE_MAX),
    resolve: async (cameo, args, ctx) => {
      const size = pageSize(args.first);
      const list = `Cameo.appearances:${cameo.id}`;
      const viewer = ctx.viewer?.userId;
      // Ownership is recorded per cast when the generation was created.
      const owned = viewer
        ? await ctx.db.generationCameo.findFirst({ where: { cameoId: cameo.id, ownerId: viewer }, select: { ownerId: true } })
        : null;
      if (!owned) {
        const anyCast = await ctx.db.generationCameo.findFirst({ where: { cameoId: cameo.id }, select: { ownerId: true } });
        if (anyCast) throw forbidden('Only the cameo’s owner sees its appearances.');
        return emptyConnection(args.after);
      }
      const rows = await ctx.db.generation.findMany({
        where: { cameos: { some: { cameoId: cameo.id } }, ...afterCursor(ctx, list, args.after) },
        orderBy: newestFirst,
        take: size + 1,
      });
      return toConnection(ctx, list, rows, size, args.after);
    },
  }),
);
