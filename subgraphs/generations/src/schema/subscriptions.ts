import { notFound, unauthenticated } from '@cameo/kernel/errors';
import { builder } from '../builder';
import { creatorTopic, generationTopic, type ProgressEvent } from '../events';
import { GenerationProgressStream, SUBSCRIBER_LOST_ACCESS } from '../progress-stream';
import { Generation, GenerationStatusEnum, castOwners, isUuid, visibleTo } from './generation';

const GenerationProgress = builder.objectRef<ProgressEvent>('GenerationProgress').implement({
  description: 'A step of a generation: its status, how far it is and what the model is doing.',
  fields: (t) => ({
    generationId: t.exposeID('generationId'),
    status: t.field({ type: GenerationStatusEnum, resolve: (event) => event.status as never }),
    progress: t.exposeInt('progress', { description: '0-100; never moves backwards for one subscriber.' }),
    stage: t.exposeString('stage'),
    errorReason: t.exposeString('errorReason', { nullable: true }),
    generation: t.prismaField({
      type: Generation,
      nullable: true,
      description: 'The generation as stored when this event was delivered; null once you may no longer see it.',
      // Checked at every event, blocks asked afresh: the subscription may outlive what allowed it.
      resolve: async (query, event, _args, ctx) => {
        const generation = await ctx.db.generation.findUnique({ ...query, where: { id: event.generationId } });
        return generation && (await visibleTo(generation, await castOwners(ctx, generation.id), ctx, { fresh: true })) ? generation : null;
      },
    }),
  }),
});

builder.subscriptionType({});

builder.subscriptionFields((t) => ({
  generationProgress: t.field({
    type: GenerationProgress,
    description:
      'Progress of a generation you may see: its current state first, then every step; completes after COMPLETED, FAILED, CANCELLED or BLOCKED.',
    args: { id: t.arg.id({ required: true }) },
    subscribe: async (_root, { id }, ctx) => {
      if (!ctx.viewer) throw unauthenticated();
      const generation = isUuid(String(id))
        ? await ctx.db.generation.findUnique({ where: { id: String(id) }, include: { cameos: { select: { ownerId: true } } } })
        : null;
      // The same rule as the generation query field, blocks included, and the same answer: one
      // you may not see is as missing as one that does not exist.
      if (
        !generation ||
        !(await visibleTo(
          generation,
          generation.cameos.map((cameo) => cameo.ownerId),
          ctx,
          { fresh: true },
        ))
      )
        throw notFound('Generation');
      const live = ctx.pubsub.subscribe(generationTopic(generation.id));
      const readState = async () => {
        const now = await ctx.db.generation.findUniqueOrThrow({ where: { id: generation.id } });
        return {
          generationId: now.id,
          creatorId: now.creatorId,
          status: now.status,
          progress: now.progress,
          stage: now.stage,
          errorReason: now.errorReason,
        };
      };
      // The creator always may; anyone else is asked again at each step (blocks afresh).
      const stillVisible = async () => {
        if (ctx.viewer?.userId === generation.creatorId) return true;
        const now = await ctx.db.generation.findUnique({
          where: { id: generation.id },
          include: { cameos: { select: { ownerId: true } } },
        });
        return Boolean(
          now &&
          (await visibleTo(
            now,
            now.cameos.map((cameo) => cameo.ownerId),
            ctx,
            { fresh: true },
          )),
        );
      };
      return new GenerationProgressStream(live, readState, stillVisible);
    },
    resolve: (event) => {
      if (event === SUBSCRIBER_LOST_ACCESS) throw notFound('Generation');
      return event as ProgressEvent;
    },
  }),
  myGenerationUpdates: t.field({
    type: GenerationProgress,
    description: 'Every step of every generation you make, from now on.',
    subscribe: (_root, _args, ctx) => {
      if (!ctx.viewer) throw unauthenticated();
      return ctx.pubsub.subscribe(creatorTopic(ctx.viewer.userId)) as AsyncIterable<ProgressEvent>;
    },
    resolve: (event) => event as ProgressEvent,
  }),
}));
