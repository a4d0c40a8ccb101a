import { DomainError, ErrorCode, badInput, forbidden, notFound, unauthenticated } from '@cameo/kernel/errors';
import { builder } from '../builder';
import type { GenerationsContext } from '../context';
import { emit, publishProgress } from '../events';
import { hideGeneration, quarantineAssets } from '../hide';
import { Generation, isUuid } from './generation';

const CAPTION_MAX = 500;

async function ownGeneration(ctx: GenerationsContext, id: string | number) {
  if (!ctx.viewer) throw unauthenticated();
  const generation = isUuid(String(id))
    ? await ctx.db.generation.findUnique({ where: { id: String(id) }, include: { cameos: true } })
    : null;
  if (!generation) throw notFound('Generation');
  if (generation.creatorId !== ctx.viewer.userId) throw forbidden('Only its creator can do this.');
  return generation;
}

/** Refuses with CAMEO_CONSENT_REQUIRED (naming the refused cameos) unless the creator may use every cameo cast now. */
async function requireConsent(ctx: GenerationsContext, creatorId: string, cameoIds: string[]): Promise<void> {
  let answers;
  try {
    answers = await ctx.users.checkConsent(creatorId, cameoIds);
  } catch {
    throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'Cameo consent cannot be checked right now; try again shortly.');
  }
  const refused = answers.filter((answer) => !answer.allowed);
  if (refused.length) {
    throw new DomainError(ErrorCode.CAMEO_CONSENT_REQUIRED, 'You may no longer use every cameo cast.', {
      refused: refused.map((answer) => ({ cameoId: answer.cameoId, reason: answer.reason })),
    });
  }
}

const invalidState = (message: string) => new DomainError(ErrorCode.INVALID_GENERATION_STATE, message);

builder.mutationFields((t) => ({
  cancelGeneration: t.prismaField({
    type: Generation,
    description: 'Stops a queued or rendering generation.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const generation = await ownGeneration(ctx, id);
      // Conditional: a worker finishing at the same moment wins or loses cleanly, never both.
      const { count } = await ctx.db.generation.updateMany({
        where: { id: generation.id, status: { in: ['QUEUED', 'IN_PROGRESS'] } },
        data: { status: 'CANCELLED', stage: 'cancelled', finishedAt: new Date() },
      });
      if (count === 0) throw invalidState(`A ${generation.status.toLowerCase()} generation cannot be cancelled.`);
      const updated = await ctx.db.generation.findUniqueOrThrow({ ...query, where: { id: generation.id } });
      await publishProgress(ctx.pubsub, {
        generationId: updated.id,
        creatorId: updated.creatorId,
        status: updated.status,
        progress: updated.progress,
        stage: updated.stage,
        errorReason: null,
      });
      return updated;
    },
  }),

  retryGeneration: t.prismaField({
    type: Generation,
    description: 'Queues a failed or cancelled generation again (consent is checked again).',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const generation = await ownGeneration(ctx, id);
      await requireConsent(
        ctx,
        generation.creatorId,
        generation.cameos.map((cameo) => cameo.cameoId),
      );
      const { count } = await ctx.db.generation.updateMany({
        where: { id: generation.id, status: { in: ['FAILED', 'CANCELLED'] } },
        data: { status: 'QUEUED', progress: 0, stage: 'queued', errorReason: null, finishedAt: null },
      });
      if (count === 0) throw invalidState(`A ${generation.status.toLowerCase()} generation cannot be retried.`);
      // A new run label: the first job is finished (or failed) in the queue's history.
      await ctx.jobs.enqueue(generation.id, `retry-${Date.now()}`);
      return ctx.db.generation.findUniqueOrThrow({ ...query, where: { id: generation.id } });
    },
  }),

  publishGeneration: t.prismaField({
    type: Generation,
    description: 'Posts a completed generation with a caption (the feed picks it up).',
    args: { id: t.arg.id({ required: true }), caption: t.arg.string({ required: true }) },
    resolve: async (query, _root, { id, caption }, ctx) => {
      const generation = await ownGeneration(ctx, id);
      const text = caption.trim();
      if ([...text].length > CAPTION_MAX) throw badInput(`A caption has at most ${CAPTION_MAX} characters.`, 'caption');
      if (generation.status !== 'COMPLETED' || generation.hiddenReason)
        throw invalidState('Only a completed, visible generation can be published.');
      if (generation.publishedAt) return ctx.db.generation.findUniqueOrThrow({ ...query, where: { id: generation.id } });
      // Consent is checked at the moment the video becomes public, not only when it was made:
      // a revoke whose event has not been applied yet still stops the publish.
      await requireConsent(
        ctx,
        generation.creatorId,
        generation.cameos.map((cameo) => cameo.cameoId),
      );
      return ctx.db.$transaction(async (tx) => {
        const publishedAt = new Date();
        const { count } = await tx.generation.updateMany({
          where: { id: generation.id, status: 'COMPLETED', publishedAt: null, hiddenReason: null },
          data: { publishedAt, caption: text },
        });
        if (count === 1) {
          await emit(tx, 'generation.published', {
            generationId: generation.id,
            creatorId: generation.creatorId,
            caption: text,
            prompt: generation.prompt,
            cameoIds: generation.cameos.map((cameo) => cameo.cameoId),
            cameoOwnerIds: [...new Set(generation.cameos.map((cameo) => cameo.ownerId))],
            remixOfId: generation.remixOfId,
            publishedAt: publishedAt.toISOString(),
          });
        }
        return tx.generation.findUniqueOrThrow({ ...query, where: { id: generation.id } });
      });
    },
  }),

  removeCameoAppearance: t.prismaField({
    type: Generation,
    description: 'As a cameo’s owner, takes a video that casts it down (hidden everywhere; stopped if still rendering).',
    args: { generationId: t.arg.id({ required: true }), cameoId: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      if (!ctx.viewer) throw unauthenticated();
      const cast =
        isUuid(String(args.generationId)) && isUuid(String(args.cameoId))
          ? await ctx.db.generationCameo.findUnique({
              where: { generationId_cameoId: { generationId: String(args.generationId), cameoId: String(args.cameoId) } },
            })
          : null;
      if (!cast) throw notFound('Appearance');
      if (cast.ownerId !== ctx.viewer.userId) throw forbidden('Only the cameo’s owner can remove its appearances.');
      await ctx.db.generation.updateMany({
        where: { id: cast.generationId, status: { in: ['QUEUED', 'IN_PROGRESS'] } },
        data: { status: 'BLOCKED', stage: 'blocked', errorReason: 'A cameo’s owner removed this video.', finishedAt: new Date() },
      });
      const target = await ctx.db.generation.findUniqueOrThrow({ where: { id: cast.generationId }, select: { creatorId: true } });
      await ctx.db.$transaction((tx) => hideGeneration(tx, cast.generationId, target.creatorId, 'REMOVED_BY_CAMEO_OWNER'));
      // Also when it was hidden already: repeating the move repairs one that was lost.
      const files = await ctx.db.generation.findUniqueOrThrow({
        where: { id: cast.generationId },
        select: { assetKey: true, manifestKey: true },
      });
      await quarantineAssets(ctx.storage, files);
      return ctx.db.generation.findUniqueOrThrow({ ...query, where: { id: cast.generationId } });
    },
  }),
}));
