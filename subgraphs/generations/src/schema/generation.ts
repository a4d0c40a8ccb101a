import { CAST_SIZE, listSize } from '@cameo/kernel/federation';
import { builder } from '../builder';
import type { GenerationsContext } from '../context';
import { Aspect, GenerationStatus } from '../generated/prisma/enums.js';

export const AspectEnum = builder.enumType(Aspect, { name: 'Aspect' });
export const GenerationStatusEnum = builder.enumType(GenerationStatus, {
  name: 'GenerationStatus',
  description: 'QUEUED -> IN_PROGRESS -> COMPLETED | FAILED | CANCELLED | BLOCKED (a cameo’s consent was withdrawn).',
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

/**
 * Who may see a generation: its creator always; anyone once it is published and not hidden;
 * the owner of a cameo cast in it (their appearances, drafts included).
 */
export function canSee(
  generation: { creatorId: string; publishedAt: Date | null; hiddenReason: string | null },
  castOwnerIds: string[],
  ctx: GenerationsContext,
): boolean {
  const viewer = ctx.viewer?.userId;
  if (viewer && (viewer === generation.creatorId || castOwnerIds.includes(viewer))) return true;
  return generation.publishedAt !== null && generation.hiddenReason === null;
}

/**
 * True when the viewer has a block with the creator (either way): the video is hidden from
 * them, as everything else between the two is. Asks social only for someone else's video.
 */
export async function hiddenByBlock(
  generation: { creatorId: string },
  ctx: GenerationsContext,
  options: VisibilityOptions = {},
): Promise<boolean> {
  const viewer = ctx.viewer?.userId;
  if (!viewer || viewer === generation.creatorId) return false;
  const blocked = options.fresh ? await ctx.social.blockedWithNow(viewer) : await ctx.blockedWithViewer();
  return blocked.has(generation.creatorId);
}

export interface VisibilityOptions {
  /**
   * Ask social now instead of using the request's (cached) answer: a subscription's context
   * lives as long as the subscription, and a block made meanwhile must count at the next event
   * without resting on the live bus.
   */
  fresh?: boolean;
}

/** canSee, and not hidden by a block. */
export async function visibleTo(
  generation: { creatorId: string; publishedAt: Date | null; hiddenReason: string | null },
  castOwnerIds: string[],
  ctx: GenerationsContext,
  options: VisibilityOptions = {},
): Promise<boolean> {
  return canSee(generation, castOwnerIds, ctx) && !(await hiddenByBlock(generation, ctx, options));
}

/** Owners of the cameos cast in a generation. */
export async function castOwners(ctx: GenerationsContext, generationId: string): Promise<string[]> {
  const cast = await ctx.db.generationCameo.findMany({ where: { generationId }, select: { ownerId: true } });
  return cast.map((cameo) => cameo.ownerId);
}

const isCreator = (generation: { creatorId: string }, ctx: GenerationsContext) => ctx.viewer?.userId === generation.creatorId;

// Entities owned by the users subgraph; this subgraph adds fields to them (generations, appearances).
export const UserRef = builder.externalRef('User', builder.selection<{ id: string }>('id')).implement({
  fields: (t) => ({ id: t.exposeID('id') }),
});
export const CameoRef = builder.externalRef('Cameo', builder.selection<{ id: string }>('id')).implement({
  fields: (t) => ({ id: t.exposeID('id') }),
});

interface ProvenanceFields {
  creatorId: string;
  cameoOwnerIds: string[];
  model: string;
  promptSha256: string;
  createdAt: string;
  manifestUrl: string;
}

const Provenance = builder.objectRef<ProvenanceFields>('Provenance').implement({
  description: 'C2PA-style provenance stored with every output (the full manifest is at manifestUrl).',
  fields: (t) => ({
    creator: t.field({ type: UserRef, resolve: (p) => ({ id: p.creatorId }) }),
    cameoOwners: t.field({ type: [UserRef], directives: listSize(CAST_SIZE), resolve: (p) => p.cameoOwnerIds.map((id) => ({ id })) }),
    model: t.exposeString('model'),
    promptSha256: t.exposeString('promptSha256'),
    createdAt: t.exposeString('createdAt'),
    manifestUrl: t.exposeString('manifestUrl', {
      description: 'Relative to the gateway; signed for you and valid for about 15 minutes (ask again for a fresh one).',
    }),
  }),
});

export const Generation = builder.prismaObject('Generation', {
  description: 'A video made from a prompt, possibly casting cameos.',
  fields: (t) => ({
    id: t.exposeID('id'),
    creator: t.field({ type: UserRef, resolve: (g) => ({ id: g.creatorId }) }),
    prompt: t.exposeString('prompt'),
    seconds: t.exposeInt('seconds'),
    aspect: t.expose('aspect', { type: AspectEnum }),
    status: t.expose('status', { type: GenerationStatusEnum }),
    progress: t.exposeInt('progress', { description: '0-100.' }),
    stage: t.exposeString('stage', { description: 'What the model is doing, e.g. "rendering frames".' }),
    errorReason: t.exposeString('errorReason', { nullable: true }),
    model: t.exposeString('model'),
    watermark: t.exposeString('watermark', { description: 'The label every output carries.' }),
    caption: t.exposeString('caption', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    hidden: t.boolean({
      description: 'True when a cameo’s consent was withdrawn or its owner removed the video.',
      resolve: (g) => g.hiddenReason !== null,
    }),
    cameos: t.field({
      type: [CameoRef],
      directives: listSize(CAST_SIZE),
      select: { cameos: { select: { cameoId: true } } },
      resolve: (g) => g.cameos.map((cameo) => ({ id: cameo.cameoId })),
    }),
    remixOf: t.prismaField({
      type: 'Generation',
      nullable: true,
      description: 'The video this one remixes, when you may see it.',
      resolve: async (query, g, _args, ctx) => {
        if (!g.remixOfId) return null;
        const source = await ctx.db.generation.findUnique({ ...query, where: { id: g.remixOfId } });
        return source && (await visibleTo(source, await castOwners(ctx, source.id), ctx)) ? source : null;
      },
    }),
    videoUrl: t.string({
      nullable: true,
      description:
        'The rendered file, relative to the gateway: a URL signed for you, valid for about 15 minutes (ask again for a fresh one); /assets checks at each request that you may still see the video. Null until COMPLETED or while hidden.',
      resolve: (g, _args, ctx) =>
        g.assetKey && (g.hiddenReason === null || isCreator(g, ctx)) ? ctx.assetUrls.sign(g.assetKey, ctx.viewer?.userId ?? null) : null,
    }),
    provenance: t.field({
      type: Provenance,
      nullable: true,
      resolve: (g, _args, ctx) =>
        g.provenance && g.assetKey && g.manifestKey
          ? {
              ...(g.provenance as Omit<ProvenanceFields, 'manifestUrl'>),
              manifestUrl: ctx.assetUrls.sign(g.manifestKey, ctx.viewer?.userId ?? null),
            }
          : null,
    }),
  }),
});

builder.asEntity(Generation, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async (ref, ctx) => {
    if (!isUuid(ref.id)) return null;
    const generation = await ctx.generationById.load(ref.id);
    return generation &&
      (await visibleTo(
        generation,
        generation.cameos.map((c) => c.ownerId),
        ctx,
      ))
      ? generation
      : null;
  },
});
