import { purgeRecording } from '../uploads/upload-route';
import { DomainError, ErrorCode, badInput } from '@cameo/kernel/errors';
import { builder } from '../builder';
import { displayNameProblem } from '../handles';
import { emit, revokeConsent, type ProfileField } from '../events';
import { verifyPassword } from '../passwords';
import { requireViewer } from './cameo-access';
import { User } from './user';

const BIO_MAX = 300;
const URL_MAX = 2_000;

const UpdateProfileInput = builder.inputType('UpdateProfileInput', {
  description: 'Omitted fields stay as they are.',
  fields: (t) => ({
    displayName: t.string(),
    bio: t.string({ description: `At most ${BIO_MAX} characters.` }),
    avatarUrl: t.string({ description: 'An https URL, or empty to remove.' }),
  }),
});

function avatarUrlProblem(value: string): string | null {
  if (value.length > URL_MAX) return `An avatar URL has at most ${URL_MAX} characters.`;
  try {
    return new URL(value).protocol === 'https:' ? null : 'An avatar URL must use https.';
  } catch {
    return 'An avatar URL must be a URL.';
  }
}

builder.mutationFields((t) => ({
  updateProfile: t.prismaField({
    type: User,
    args: { input: t.arg({ type: UpdateProfileInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const userId = requireViewer(ctx);
      const data: { displayName?: string; bio?: string; avatarUrl?: string | null } = {};
      if (input.displayName != null) {
        const problem = displayNameProblem(input.displayName);
        if (problem) throw badInput(problem, 'displayName');
        data.displayName = input.displayName.trim();
      }
      if (input.bio != null) {
        if ([...input.bio].length > BIO_MAX) throw badInput(`A bio has at most ${BIO_MAX} characters.`, 'bio');
        data.bio = input.bio.trim();
      }
      if (input.avatarUrl != null) {
        const problem = input.avatarUrl === '' ? null : avatarUrlProblem(input.avatarUrl);
        if (problem) throw badInput(problem, 'avatarUrl');
        data.avatarUrl = input.avatarUrl || null;
      }
      if (Object.keys(data).length === 0) return ctx.db.user.findUniqueOrThrow({ ...query, where: { id: userId } });
      return ctx.db.$transaction(async (tx) => {
        const user = await tx.user.update({ ...query, where: { id: userId }, data });
        // Caches of public profile fields (the gateway's entity cache) drop the user on this.
        await emit(tx, 'user.updated', { userId, fields: Object.keys(data) as ProfileField[] });
        return user;
      });
    },
  }),

  deleteAccount: t.boolean({
    description: 'Deletes your account and every cameo (likeness data purged) and ends every session of it; asks for your password.',
    args: { password: t.arg.string({ required: true }) },
    resolve: async (_root, { password }, ctx) => {
      const userId = requireViewer(ctx);
      const user = await ctx.db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
      if (!(await verifyPassword(password, user.passwordHash))) {
        throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 'Wrong password.');
      }
      const cameos = await ctx.db.$transaction(async (tx) => {
        const cameos = await tx.cameo.findMany({
          where: { ownerId: userId },
          select: { id: true, policyVersion: true, recordingKey: true },
        });
        for (const cameo of cameos) {
          await revokeConsent(tx, {
            cameoId: cameo.id,
            ownerId: userId,
            cause: 'ACCOUNT_DELETED',
            policyVersion: cameo.policyVersion + 1,
          });
        }
        await emit(tx, 'user.deleted', { userId });
        // Cascades to cameos (recordings with them) and grants. The row goes, and with it every
        // session: gateways find no session version for the account and refuse its tokens.
        await tx.user.delete({ where: { id: userId } });
        return cameos;
      });
      // The recordings' objects go once the rows are gone (a failed purge leaves nothing reachable).
      for (const cameo of cameos) if (cameo.recordingKey) await purgeRecording(ctx.storage, cameo.recordingKey).catch(() => undefined);
      await ctx.announceSessionsEnded({ userId, sessionVersion: null });
      return true;
    },
  }),
}));
