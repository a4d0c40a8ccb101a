import { randomUUID } from 'node:crypto';
import { Prisma } from '../generated/prisma/client.js';
import { DomainError, ErrorCode, badInput, notFound, unauthenticated } from '@cameo/kernel/errors';
import { builder } from '../builder';
import type { GenerationsContext } from '../context';
import { QUOTA_WINDOW_MS, quotaLeft } from '../quota';
import type { ConsentAnswer } from '../users-client';
import { AspectEnum, Generation, castOwners, isUuid, visibleTo } from './generation';

export const PROMPT_MAX = 2_000;
export const SECONDS_MIN = 1;
export const SECONDS_MAX = 20;
const IDEMPOTENCY_KEY_MAX = 128;

const CreateGenerationInput = builder.inputType('CreateGenerationInput', {
  fields: (t) => ({
    prompt: t.string({ required: true, description: `1-${PROMPT_MAX} characters.` }),
    cameoIds: t.idList({ description: 'Cameos to cast (at most 2 by default); each owner’s consent is checked.' }),
    seconds: t.int({ description: `${SECONDS_MIN}-${SECONDS_MAX}. Default: 10.` }),
    aspect: t.field({ type: AspectEnum, description: 'Default: PORTRAIT.' }),
    remixOf: t.id({ description: 'A completed generation you may see, to remix.' }),
    idempotencyKey: t.string({
      description: 'Retrying with the same key returns the same generation instead of a second job. Default: a new key.',
    }),
  }),
});

async function consentOrRefuse(ctx: GenerationsContext, userId: string, cameoIds: string[]): Promise<ConsentAnswer[]> {
  let answers: ConsentAnswer[];
  try {
    answers = await ctx.users.checkConsent(userId, cameoIds);
  } catch {
    throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'Cameo consent cannot be checked right now; try again shortly.');
  }
  const refused = answers.filter((answer) => !answer.allowed);
  if (refused.length > 0) {
    throw new DomainError(ErrorCode.CAMEO_CONSENT_REQUIRED, 'You may not use every cameo you cast.', {
      refused: refused.map((answer) => ({ cameoId: answer.cameoId, reason: answer.reason })),
    });
  }
  return answers;
}

builder.mutationFields((t) => ({
  createGeneration: t.prismaField({
    type: Generation,
    description: 'Queues a video. Checks every cameo’s consent and your daily quota first.',
    args: { input: t.arg({ type: CreateGenerationInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      if (!ctx.viewer) throw unauthenticated();
      const creatorId = ctx.viewer.userId;
      const prompt = input.prompt.trim();
      if (!prompt || [...prompt].length > PROMPT_MAX) throw badInput(`A prompt has 1-${PROMPT_MAX} characters.`, 'prompt');
      const seconds = input.seconds ?? 10;
      if (seconds < SECONDS_MIN || seconds > SECONDS_MAX) throw badInput(`A video lasts ${SECONDS_MIN}-${SECONDS_MAX} seconds.`, 'seconds');
      const cameoIds = [...new Set((input.cameoIds ?? []).map(String))];
      if (cameoIds.some((id) => !isUuid(id))) throw badInput('cameoIds must be cameo ids.', 'cameoIds');
      if (cameoIds.length > ctx.maxCameos) {
        throw new DomainError(ErrorCode.TOO_MANY_CAMEOS, `A generation casts at most ${ctx.maxCameos} cameos.`);
      }
      const idempotencyKey = input.idempotencyKey ?? randomUUID();
      if (!idempotencyKey || idempotencyKey.length > IDEMPOTENCY_KEY_MAX) {
        throw badInput(`An idempotency key has 1-${IDEMPOTENCY_KEY_MAX} characters.`, 'idempotencyKey');
      }
      const existing = await ctx.db.generation.findUnique({ ...query, where: { creatorId_idempotencyKey: { creatorId, idempotencyKey } } });
      if (existing) return existing;

      let remixOfId: string | null = null;
      if (input.remixOf != null) {
        const source = isUuid(String(input.remixOf)) ? await ctx.db.generation.findUnique({ where: { id: String(input.remixOf) } }) : null;
        // A remix spreads a video: only a visible one (never a hidden one, even your own), that is
        // published or your own draft, and not across a block. Anything else looks missing.
        const remixable =
          source &&
          source.status === 'COMPLETED' &&
          source.hiddenReason === null &&
          (source.publishedAt !== null || source.creatorId === creatorId) &&
          (await visibleTo(source, await castOwners(ctx, source.id), ctx));
        if (!remixable) throw notFound('Generation to remix');
        remixOfId = source.id;
      }
      const consent = await consentOrRefuse(ctx, creatorId, cameoIds);
      const plan = await ctx.users.plan(creatorId).catch(() => 'FREE' as const);

      let created: { id: string } | null = null;
      try {
        created = await ctx.db.$transaction(async (tx) => {
          // One creator's creations are serialised, so concurrent requests cannot overrun the quota.
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`generations:${creatorId}`}))`;
          const again = await tx.generation.findUnique({
            where: { creatorId_idempotencyKey: { creatorId, idempotencyKey } },
            select: { id: true },
          });
          if (again) return null;
          const used = await tx.generation.count({ where: { creatorId, createdAt: { gte: new Date(Date.now() - QUOTA_WINDOW_MS) } } });
          if (quotaLeft(plan, used, ctx.quotas) === 0) {
            throw new DomainError(ErrorCode.QUOTA_EXCEEDED, `You have used your ${ctx.quotas[plan]} generations for the last 24 hours.`, {
              limit: ctx.quotas[plan],
            });
          }
          return tx.generation.create({
            data: {
              creatorId,
              prompt,
              seconds,
              aspect: input.aspect ?? 'PORTRAIT',
              remixOfId,
              idempotencyKey,
              model: ctx.model,
              watermark: 'Cameo · AI-generated',
              cameos: {
                create: consent.map((answer) => ({
                  cameoId: answer.cameoId,
                  ownerId: answer.ownerId!,
                  policyVersion: answer.policyVersion ?? 0,
                  checkedPolicyVersion: answer.policyVersion ?? 0,
                  restrictions: answer.restrictions ?? { text: '', tags: [] },
                })),
              },
            },
            select: { id: true },
          });
        });
      } catch (error) {
        // The unique key decides between racing requests with the same idempotency key.
        if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
      }
      if (created) {
        try {
          await ctx.jobs.enqueue(created.id);
        } catch {
          await ctx.db.generation.update({
            where: { id: created.id },
            data: { status: 'FAILED', errorReason: 'The job queue was unavailable.' },
          });
          throw new DomainError(ErrorCode.QUEUE_UNAVAILABLE, 'The generation could not be queued; try again shortly.');
        }
      }
      return ctx.db.generation.findUniqueOrThrow({ ...query, where: { creatorId_idempotencyKey: { creatorId, idempotencyKey } } });
    },
  }),
}));
