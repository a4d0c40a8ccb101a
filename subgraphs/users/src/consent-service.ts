import { decideConsent, type ConsentDecision, type ConsentPolicy } from './consent';
import type { UsersDb } from './db';

export interface ConsentCheck {
  cameoId: string;
  userId: string;
}

export interface ConsentOutcome extends ConsentCheck, ConsentDecision {
  /** The cameo's owner, or null when the cameo does not exist. */
  ownerId: string | null;
  policy: ConsentPolicy | null;
  policyVersion: number | null;
  /** The owner's restrictions travel with every allowed use. */
  restrictions: { text: string; tags: string[] } | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Answers many consent checks with a fixed number of queries (cameos; then at once the people
 * involved — who exists, owners' age bands — grants, blocks and follows; and one insert for the
 * audit trail), whatever the number of checks.
 */
export async function checkConsent(db: UsersDb, checks: ConsentCheck[], options: { record: boolean }): Promise<ConsentOutcome[]> {
  const valid = checks.filter((check) => UUID.test(check.cameoId) && UUID.test(check.userId));
  const cameoIds = [...new Set(valid.map((check) => check.cameoId))];
  const userIds = [...new Set(checks.map((check) => check.userId).filter((id) => UUID.test(id)))];
  const cameos = cameoIds.length
    ? await db.cameo.findMany({
        where: { id: { in: cameoIds } },
        select: {
          id: true,
          ownerId: true,
          status: true,
          policy: true,
          policyVersion: true,
          restrictionsText: true,
          restrictionTags: true,
        },
      })
    : [];
  const ownerIds = [...new Set(cameos.map((cameo) => cameo.ownerId))];
  const people = [...new Set([...ownerIds, ...userIds])];
  // Who exists is asked even when no cameo does: an unknown user is refused as such.
  const [accounts, grants, blocks, follows] = await Promise.all([
    people.length ? db.user.findMany({ where: { id: { in: people } }, select: { id: true, ageBand: true } }) : [],
    cameos.length
      ? db.cameoGrant.findMany({
          where: { cameoId: { in: cameoIds }, granteeId: { in: userIds } },
          select: { cameoId: true, granteeId: true },
        })
      : [],
    cameos.length ? db.blockEdge.findMany({ where: { blockerId: { in: people }, blockedId: { in: people } } }) : [],
    cameos.length ? db.followEdge.findMany({ where: { followerId: { in: people }, followeeId: { in: people } } }) : [],
  ]);

  const ageBands = new Map(accounts.map((account) => [account.id, account.ageBand]));
  const byId = new Map(cameos.map((cameo) => [cameo.id, cameo]));
  const granted = new Set(grants.map((grant) => `${grant.cameoId}:${grant.granteeId}`));
  const blocked = new Set(blocks.map((block) => `${block.blockerId}:${block.blockedId}`));
  const follows_ = new Set(follows.map((follow) => `${follow.followerId}:${follow.followeeId}`));

  const outcomes = checks.map((check): ConsentOutcome => {
    const cameo = byId.get(check.cameoId);
    const owner = cameo?.ownerId ?? '';
    const ownerAgeBand = ageBands.get(owner);
    const decision = decideConsent({
      // A cameo outlives no owner (the row cascades); an owner not found reads as no cameo.
      cameo: cameo && ownerAgeBand ? { ownerId: owner, status: cameo.status, policy: cameo.policy, ownerAgeBand } : null,
      userId: check.userId,
      userExists: ageBands.has(check.userId),
      granted: granted.has(`${check.cameoId}:${check.userId}`),
      mutual: follows_.has(`${owner}:${check.userId}`) && follows_.has(`${check.userId}:${owner}`),
      blocked: blocked.has(`${owner}:${check.userId}`) || blocked.has(`${check.userId}:${owner}`),
    });
    return {
      ...check,
      ...decision,
      ownerId: cameo?.ownerId ?? null,
      policy: cameo?.policy ?? null,
      policyVersion: cameo?.policyVersion ?? null,
      restrictions: cameo && decision.allowed ? { text: cameo.restrictionsText, tags: cameo.restrictionTags } : null,
    };
  });

  if (options.record) {
    const recordable = outcomes.filter((outcome) => UUID.test(outcome.cameoId) && UUID.test(outcome.userId));
    if (recordable.length) {
      await db.consentDecision.createMany({
        data: recordable.map((outcome) => ({
          cameoId: outcome.cameoId,
          userId: outcome.userId,
          allowed: outcome.allowed,
          reason: outcome.reason,
          policy: outcome.policy,
          policyVersion: outcome.policyVersion,
        })),
      });
    }
  }
  return outcomes;
}
