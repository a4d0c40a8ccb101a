import { randomBytes, randomInt } from 'node:crypto';
import { Prisma } from '../generated/prisma/client.js';
import { DomainError, ErrorCode, badInput } from '@cameo/kernel/errors';
import { builder } from '../builder';
import { displayNameProblem } from '../handles';
import { revokeConsent } from '../events';
import { RECORDING_MAX_MS, RECORDING_MIN_MS, newVerificationPhrase } from '../verifier';
import { Cameo } from './cameo';
import { invalidState, ownedCameo, requireViewer } from './cameo-access';
import { CameoKindEnum } from './enums';

const StartCameoVerificationInput = builder.inputType('StartCameoVerificationInput', {
  fields: (t) => ({
    kind: t.field({ type: CameoKindEnum, required: true }),
    name: t.string({ description: 'Shown to others. Default for PERSON: your display name.' }),
  }),
});

const CameoRecordingInput = builder.inputType('CameoRecordingInput', {
  fields: (t) => ({
    videoRef: t.string({ required: true, description: 'Reference of the uploaded video, under the cameo’s uploadUrl.' }),
    audioRef: t.string({ required: true, description: 'Reference of the uploaded audio, under the cameo’s uploadUrl.' }),
    durationSeconds: t.float({ required: true, description: `${RECORDING_MIN_MS / 1000}-${RECORDING_MAX_MS / 1000} seconds.` }),
    transcript: t.string({ required: true, description: 'What was said: must contain the verification phrase.' }),
  }),
});

builder.mutationFields((t) => ({
  startCameoVerification: t.prismaField({
    type: Cameo,
    description: 'Creates a cameo awaiting its recording: read `uploadUrl` and `verificationPhrase` from it.',
    args: { input: t.arg({ type: StartCameoVerificationInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const ownerId = requireViewer(ctx);
      const owner = await ctx.db.user.findUniqueOrThrow({ where: { id: ownerId }, select: { displayName: true } });
      const name = (input.name ?? (input.kind === 'PERSON' ? owner.displayName : '')).trim();
      const problem = displayNameProblem(name);
      if (problem) throw badInput(problem.replace('A display name', 'A cameo name'), 'name');
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

  submitCameoRecording: t.prismaField({
    type: Cameo,
    description: 'Submits the recording; the verifier marks the cameo VERIFIED or REJECTED (with a reason).',
    args: { cameoId: t.arg.id({ required: true }), recording: t.arg({ type: CameoRecordingInput, required: true }) },
    resolve: async (query, _root, { cameoId, recording }, ctx) => {
      const cameo = await ownedCameo(ctx, cameoId);
      if (cameo.status === 'VERIFIED' || cameo.status === 'PENDING_REVIEW') {
        throw invalidState(`This cameo is ${cameo.status.toLowerCase().replace('_', ' ')}; delete it to record again.`);
      }
      const durationMs = Math.round(recording.durationSeconds * 1000);
      if (!Number.isFinite(durationMs) || durationMs < RECORDING_MIN_MS) {
        throw new DomainError(ErrorCode.RECORDING_TOO_SHORT, `A recording lasts at least ${RECORDING_MIN_MS / 1000} seconds.`);
      }
      if (durationMs > RECORDING_MAX_MS) {
        throw new DomainError(ErrorCode.RECORDING_TOO_LONG, `A recording lasts at most ${RECORDING_MAX_MS / 1000} seconds.`);
      }
      for (const field of ['videoRef', 'audioRef', 'transcript'] as const) {
        if (!recording[field].trim() || recording[field].length > 2_000) throw badInput(`${field} must be 1-2000 characters.`, field);
      }
      const data = { videoRef: recording.videoRef, audioRef: recording.audioRef, durationMs, transcript: recording.transcript };
      // Only a cameo still awaiting a recording (or rejected) moves to review: a concurrent
      // submission finds it taken and fails instead of overwriting.
      const claimed = await ctx.db.cameo.updateMany({
        where: { id: cameo.id, status: { in: ['AWAITING_RECORDING', 'REJECTED'] } },
        data: { ...data, status: 'PENDING_REVIEW', rejectionReason: null },
      });
      if (claimed.count === 0) throw invalidState('This cameo is already being reviewed.');
      const result = await ctx.verifier.verify({
        kind: cameo.kind,
        uploadKey: cameo.uploadKey,
        verificationPhrase: cameo.verificationPhrase,
        recording: data,
      });
      return ctx.db.cameo.update({
        ...query,
        where: { id: cameo.id },
        data: result.verified ? { status: 'VERIFIED' } : { status: 'REJECTED', rejectionReason: result.reason },
      });
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
      return cameo.id;
    },
  }),
}));
