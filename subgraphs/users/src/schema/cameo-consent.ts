import { DomainError, ErrorCode, badInput, notFound } from '@cameo/kernel/errors';
import { builder } from '../builder';
import { ConsentReason, policyChangeRevokes } from '../consent';
import { normalizeHandle } from '../handles';
import { revokeConsent } from '../events';
import { Cameo, Restrictions } from './cameo';
import { invalidState, ownedCameo, requireViewer } from './cameo-access';
import { ConsentPolicyEnum } from './enums';
import { isUuid } from './user';

/** Structured restrictions an owner can switch on; free text covers the rest. */
export const RESTRICTION_TAGS = ['NO_POLITICAL_CONTENT', 'NO_VIOLENCE', 'NO_SEXUAL_CONTENT', 'NO_ADVERTISING', 'NO_IMPERSONATION'] as const;
const RESTRICTIONS_TEXT_MAX = 500;

const RestrictionTagEnum = builder.enumType('CameoRestrictionTag', { values: RESTRICTION_TAGS });
const ConsentReasonEnum = builder.enumType('ConsentReason', { values: Object.values(ConsentReason) });

const SetCameoPolicyInput = builder.inputType('SetCameoPolicyInput', {
  fields: (t) => ({
    policy: t.field({ type: ConsentPolicyEnum, required: true }),
    restrictionsText: t.string({ description: `At most ${RESTRICTIONS_TEXT_MAX} characters. Omit to keep.` }),
    restrictionTags: t.field({ type: [RestrictionTagEnum], description: 'Replaces the set. Omit to keep.' }),
  }),
});

const ConsentCheckResult = builder
  .objectRef<{ allowed: boolean; reason: ConsentReason; restrictions: { text: string; tags: string[] } | null }>('CameoConsent')
  .implement({
    fields: (t) => ({
      allowed: t.exposeBoolean('allowed'),
      reason: t.expose('reason', { type: ConsentReasonEnum }),
      restrictions: t.field({ type: Restrictions, nullable: true, resolve: (result) => result.restrictions }),
    }),
  });

builder.queryFields((t) => ({
  cameoConsent: t.field({
    type: ConsentCheckResult,
    description:
      "Whether you may use a cameo right now, and why. A refusal gives its precise reason only to the cameo's owner; anyone else gets NOT_ALLOWED. Generations check again when they run.",
    args: { cameoId: t.arg.id({ required: true }) },
    resolve: async (_root, { cameoId }, ctx) => {
      const userId = requireViewer(ctx);
      const outcome = await ctx.consent.load({ cameoId: String(cameoId), userId });
      // A refusal tells anyone but the owner nothing: not the policy, not whether they are
      // blocked, not whether the cameo exists or is verified, not its restrictions.
      if (outcome.allowed || outcome.ownerId === userId) return outcome;
      return { ...outcome, reason: ConsentReason.NOT_ALLOWED, restrictions: null };
    },
  }),
}));

builder.mutationFields((t) => ({
  setCameoPolicy: t.prismaField({
    type: Cameo,
    description: 'Sets who may use your cameo and what they may make. Narrowing it revokes at once.',
    args: { cameoId: t.arg.id({ required: true }), input: t.arg({ type: SetCameoPolicyInput, required: true }) },
    resolve: async (query, _root, { cameoId, input }, ctx) => {
      const cameo = await ownedCameo(ctx, cameoId);
      const owner = await ctx.db.user.findUniqueOrThrow({ where: { id: cameo.ownerId }, select: { ageBand: true } });
      if (input.policy === 'EVERYONE' && owner.ageBand === 'TEEN') {
        throw new DomainError(ErrorCode.TEEN_POLICY_NOT_ALLOWED, 'A teen’s cameo cannot be open to everyone.');
      }
      if (input.restrictionsText != null && input.restrictionsText.length > RESTRICTIONS_TEXT_MAX) {
        throw badInput(`Restrictions have at most ${RESTRICTIONS_TEXT_MAX} characters.`, 'restrictionsText');
      }
      const tags = input.restrictionTags ? [...new Set(input.restrictionTags)] : cameo.restrictionTags;
      const text = input.restrictionsText?.trim() ?? cameo.restrictionsText;
      const unchanged = input.policy === cameo.policy && text === cameo.restrictionsText && tags.join() === cameo.restrictionTags.join();
      if (unchanged) return ctx.db.cameo.findUniqueOrThrow({ ...query, where: { id: cameo.id } });
      // Narrowing the policy or adding a restriction can stop someone who could use it before.
      const revokes =
        policyChangeRevokes(cameo.policy, input.policy) ||
        tags.some((tag) => !cameo.restrictionTags.includes(tag)) ||
        text !== cameo.restrictionsText;
      return ctx.db.$transaction(async (tx) => {
        // Compare-and-set on the version, so two concurrent changes cannot both apply.
        const updated = await tx.cameo.updateMany({
          where: { id: cameo.id, policyVersion: cameo.policyVersion },
          data: { policy: input.policy, restrictionsText: text, restrictionTags: tags, policyVersion: { increment: 1 } },
        });
        if (updated.count === 0) throw invalidState('The cameo changed meanwhile; try again.');
        if (revokes) {
          await revokeConsent(tx, {
            cameoId: cameo.id,
            ownerId: cameo.ownerId,
            cause: 'POLICY_CHANGED',
            policyVersion: cameo.policyVersion + 1,
          });
        }
        return tx.cameo.findUniqueOrThrow({ ...query, where: { id: cameo.id } });
      });
    },
  }),

  grantCameoAccess: t.prismaField({
    type: Cameo,
    description: 'Lets one user use your cameo under the APPROVED policy.',
    args: { cameoId: t.arg.id({ required: true }), handle: t.arg.string({ required: true }) },
    resolve: async (query, _root, { cameoId, handle }, ctx) => {
      const cameo = await ownedCameo(ctx, cameoId);
      const grantee = await ctx.db.user.findUnique({ where: { handle: normalizeHandle(handle) }, select: { id: true } });
      if (!grantee) throw notFound('User');
      if (grantee.id === cameo.ownerId) throw new DomainError(ErrorCode.CANNOT_GRANT_TO_SELF, 'You can always use your own cameo.');
      return ctx.db.$transaction(async (tx) => {
        const created = await tx.cameoGrant.createMany({ data: [{ cameoId: cameo.id, granteeId: grantee.id }], skipDuplicates: true });
        if (created.count > 0) await tx.cameo.update({ where: { id: cameo.id }, data: { policyVersion: { increment: 1 } } });
        return tx.cameo.findUniqueOrThrow({ ...query, where: { id: cameo.id } });
      });
    },
  }),

  revokeCameoAccess: t.prismaField({
    type: Cameo,
    description: 'Removes one user’s grant; their later uses are refused and in-flight ones stop.',
    args: { cameoId: t.arg.id({ required: true }), userId: t.arg.id({ required: true }) },
    resolve: async (query, _root, { cameoId, userId }, ctx) => {
      const cameo = await ownedCameo(ctx, cameoId);
      if (!isUuid(String(userId))) throw badInput('userId is not a user id.', 'userId');
      return ctx.db.$transaction(async (tx) => {
        const removed = await tx.cameoGrant.deleteMany({ where: { cameoId: cameo.id, granteeId: String(userId) } });
        // Removing a grant that did not exist changes nothing and emits nothing.
        if (removed.count > 0) {
          const { policyVersion } = await tx.cameo.update({
            where: { id: cameo.id },
            data: { policyVersion: { increment: 1 } },
            select: { policyVersion: true },
          });
          await revokeConsent(tx, {
            cameoId: cameo.id,
            ownerId: cameo.ownerId,
            cause: 'GRANT_REMOVED',
            policyVersion,
            userId: String(userId),
          });
        }
        return tx.cameo.findUniqueOrThrow({ ...query, where: { id: cameo.id } });
      });
    },
  }),
}));
