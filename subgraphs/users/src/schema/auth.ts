import { Prisma } from '../generated/prisma/client.js';
import { DomainError, ErrorCode, badInput } from '@cameo/kernel/errors';
import { signSessionToken } from '@cameo/kernel/session-token';
import { builder } from '../builder';
import { emit } from '../events';
import { displayNameProblem, handleProblem, normalizeHandle, passwordProblem } from '../handles';
import { ageBandOf, ageBandProblem } from '../age';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from '../passwords';
import { User } from './user';
import { requireViewer } from './cameo-access';

interface Session {
  token: string;
  userId: string;
}

const AuthPayload = builder.objectRef<Session>('AuthPayload').implement({
  description: 'A session: send `token` as `Authorization: Bearer <token>` to the gateway.',
  fields: (t) => ({
    token: t.exposeString('token'),
    // Resolved through Prisma so clients can select any User field.
    user: t.prismaField({
      type: User,
      resolve: (query, session, _args, ctx) => ctx.db.user.findUniqueOrThrow({ ...query, where: { id: session.userId } }),
    }),
  }),
});

const SignUpInput = builder.inputType('SignUpInput', {
  fields: (t) => ({
    handle: t.string({ required: true, description: '3-30 letters, digits, underscores or inner dots.' }),
    displayName: t.string({ required: true }),
    password: t.string({ required: true, description: '8-200 characters.' }),
    birthDate: t.string({
      description: 'YYYY-MM-DD; at least 13. Only the age band (TEEN under 18, ADULT) is kept. Default: ADULT.',
    }),
  }),
});

function ageBandFromInput(raw: string) {
  const birthDate = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? new Date(`${raw}T00:00:00Z`) : null;
  if (!birthDate || Number.isNaN(birthDate.getTime())) throw badInput('birthDate must be YYYY-MM-DD.', 'birthDate');
  const today = new Date();
  check(ageBandProblem(birthDate, today), 'birthDate');
  return ageBandOf(birthDate, today);
}

function check(problem: string | null, field: string) {
  if (problem) throw badInput(problem, field);
}

builder.mutationFields((t) => ({
  signUp: t.field({
    type: AuthPayload,
    description: 'Creates an account and signs it in.',
    args: { input: t.arg({ type: SignUpInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const handle = normalizeHandle(input.handle);
      check(handleProblem(handle), 'handle');
      check(displayNameProblem(input.displayName), 'displayName');
      check(passwordProblem(input.password), 'password');
      const ageBand = input.birthDate ? ageBandFromInput(input.birthDate) : 'ADULT';
      try {
        const user = await ctx.db.user.create({
          data: { handle, displayName: input.displayName.trim(), passwordHash: await hashPassword(input.password), ageBand },
          select: { id: true, sessionVersion: true },
        });
        return { token: signSessionToken(ctx.jwtSecret, user.id, user.sessionVersion), userId: user.id };
      } catch (error) {
        // The unique index decides, so two concurrent sign-ups for one handle cannot both win.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
          throw new DomainError(ErrorCode.HANDLE_TAKEN, `@${handle} is taken.`, { field: 'handle' });
        }
        throw error;
      }
    },
  }),
  signIn: t.field({
    type: AuthPayload,
    args: { handle: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const handle = normalizeHandle(args.handle);
      // Before the account is looked up: a throttled handle answers the same whether it exists.
      const attempt = await ctx.signInThrottle.begin(handle, ctx.clientAddress);
      const user = await ctx.db.user.findUnique({
        where: { handle },
        select: { id: true, passwordHash: true, sessionVersion: true },
      });
      // Same work and same answer for an unknown handle and a wrong password.
      const valid = args.password.length <= 200 && (await verifyPassword(args.password, user?.passwordHash ?? (await decoyHash())));
      if (!user || !valid) {
        await attempt.failed();
        throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 'Wrong handle or password.');
      }
      await attempt.succeeded();
      // A hash made at an older cost is replaced now, while the password is at hand. Only if it
      // is still the one just verified: a password changed meanwhile is not overwritten.
      if (needsRehash(user.passwordHash)) {
        await ctx.db.user.updateMany({
          where: { id: user.id, passwordHash: user.passwordHash },
          data: { passwordHash: await hashPassword(args.password) },
        });
      }
      return { token: signSessionToken(ctx.jwtSecret, user.id, user.sessionVersion), userId: user.id };
    },
  }),
  signOutEverywhere: t.boolean({
    description:
      'Ends every session of your account, this one included (a lost device, a leaked token): every token signed before is refused from now on. Sign in again for a new one.',
    resolve: async (_root, _args, ctx) => {
      const userId = requireViewer(ctx);
      // The durable event with the change: it reaches every gateway even if the announcement
      // below is lost (this process ending after the commit, Redis away at the publish).
      const sessionVersion = await ctx.db.$transaction(async (tx) => {
        const { sessionVersion } = await tx.user.update({
          where: { id: userId },
          data: { sessionVersion: { increment: 1 } },
          select: { sessionVersion: true },
        });
        await emit(tx, 'user.sessions_ended', { userId, sessionVersion });
        return sessionVersion;
      });
      await ctx.announceSessionsEnded({ userId, sessionVersion });
      return true;
    },
  }),
}));
