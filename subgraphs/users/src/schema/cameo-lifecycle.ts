import { randomBytes, randomInt } from 'node:crypto';
import { Prisma } from '../generated/prisma/client.js';
import { DomainError, ErrorCode, badInput } from '@cameo/kernel/errors';
import { builder } from '../builder';
import { displayNameProblem } from '../handles';
import { revokeConsent } from '../events';
import { newVerificationPhrase } from '../verification/phrases';
import { recordingAllowance, recordingLimitReached } from '../verification/recording-attempts';
import { purgeRecording } from '../uploads/upload-route';
import { Cameo } from './cameo';
import { ownedCameo, requireViewer } from './cameo-access';
import { CameoKindEnum } from './enums';

const StartCameoVerificationInput = builder.inputType('StartCameoVerificationInput', {
  fields: (t) => ({
    kind: t.field({ type: CameoKindEnum, required: true }),
    name: t.string({ description: 'Shown to others. Default for PERSON: your display name.' }),
  }),
});

builder.mutationFields((t) => ({
  startCameoVerification: t.prismaField({
    type: Cameo,
    description:
      'Creates a cameo awaiting its recording: read `uploadUrl` and `verificationPhrase` from it, record yourself saying the phrase (3-30 s, video and audio), upload the file to `uploadUrl`; verification then runs by itself (PENDING_REVIEW, then VERIFIED or REJECTED with a reason). An account may send five recordings to verification in any 24 hours; past that this answers RATE_LIMITED with `extensions.retryAfterSeconds`.',
    args: { input: t.arg({ type: StartCameoVerificationInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const ownerId = requireViewer(ctx);
      const owner = await ctx.db.user.findUniqueOrThrow({ where: { id: ownerId }, select: { displayName: true } });
      const name = (input.name ?? (input.kind === 'PERSON' ? owner.displayName : '')).trim();
      const problem = displayNameProblem(name);
      if (problem) throw badInput(problem.replace('A display name', 'A cameo name'), 'name');
      // A cameo whose recording could not be sent today is not made (recording-attempts.ts).
      const allowance = await recordingAllowance(ctx.db, ownerId, ctx.recordingsPerDay);
      if (allowance.left === 0) throw recordingLimitReached(ctx.recordingsPerDay, allowance.retryAfterSeconds);
      try {
        return await ctx.db.cameo.create({
          ...query,
          data: {
            ownerId,
            kind: input.kind,
            personOwnerId: input.kind === 'PERSON' ? ownerId : null,
            name,
            verificationPhrase: newVerificationPhrase(randomInt),
            uploadKey: randomBytes(16).toString('hex'),
          },
        });
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
          throw new DomainError(ErrorCode.PERSONAL_CAMEO_EXISTS, 'You already have a personal cameo; delete it to record a new one.');
        }
        throw error;
      }
    },
  }),

  deleteCameo: t.id({
    description: 'Deletes a cameo and purges its likeness data; every later use is refused. Returns its id.',
    args: { cameoId: t.arg.id({ required: true }) },
    resolve: async (_root, { cameoId }, ctx) => {
      const cameo = await ownedCameo(ctx, cameoId);
      await ctx.db.$transaction(async (tx) => {
        await tx.cameo.delete({ where: { id: cameo.id } });
        await revokeConsent(tx, {
          cameoId: cameo.id,
          ownerId: cameo.ownerId,
          cause: 'CAMEO_DELETED',
          policyVersion: cameo.policyVersion + 1,
        });
      });
      // Likeness data goes with the cameo; a failed purge leaves an unreachable object, never a visible one.
      if (cameo.recordingKey) await purgeRecording(ctx.storage, cameo.recordingKey).catch(() => undefined);
      return cameo.id;
    },
  }),
}));
