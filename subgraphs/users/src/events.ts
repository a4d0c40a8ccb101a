import { emitEvent, type OutboxWriter } from '@cameo/kernel/outbox';

/** The users subgraph's domain events (stream cameo:events:users). */
export interface ConsentRevokedEvent {
  cameoId: string;
  ownerId: string;
  /**
   * What changed: a narrower policy or a new restriction, a removed grant, a deleted cameo or
   * account, a block (either way) between the owner and `userId`, or the end of a mutual
   * follow under MUTUALS.
   */
  cause: 'POLICY_CHANGED' | 'GRANT_REMOVED' | 'CAMEO_DELETED' | 'ACCOUNT_DELETED' | 'BLOCKED' | 'MUTUAL_ENDED';
  policyVersion: number;
  /** The user who lost access, when one user did (a removed grant, a block, an ended mutual). */
  userId?: string;
}

/** The public profile fields a user can change. */
export type ProfileField = 'displayName' | 'bio' | 'avatarUrl';

export interface UsersEvents {
  'cameo.consent_revoked': ConsentRevokedEvent;
  /** A profile change: the user's public fields listed in `fields` have new values. */
  'user.updated': { userId: string; fields: ProfileField[] };
  'user.deleted': { userId: string };
  /**
   * signOutEverywhere: every session token of the account older than `sessionVersion` is void.
   * Gateways follow it (sessions.ts) in case the live `session.revoked` announcement was lost.
   */
  'user.sessions_ended': { userId: string; sessionVersion: number };
  /** A recording's verification ended: the cameo is now VERIFIED (usable under its policy) or REJECTED. */
  'cameo.verification_completed': { cameoId: string; ownerId: string; status: 'VERIFIED' | 'REJECTED'; rejectionCode?: string };
}

/** The part of a users transaction a consent loss writes to. */
export interface ConsentLossWriter extends OutboxWriter {
  consentChange: {
    create(args: { data: { cameoId: string; ownerId: string; policyVersion: number; cause: string } }): PromiseLike<unknown>;
  };
}

/**
 * Records a loss of consent inside the transaction that causes it: the `cameo.consent_revoked`
 * event, and a `consent_change` row from which other services' reconcilers learn which cameos
 * changed (`POST /internal/consent-changes`) should the event be lost on the way.
 */
export async function revokeConsent(tx: ConsentLossWriter, payload: ConsentRevokedEvent): Promise<void> {
  await emit(tx, 'cameo.consent_revoked', payload);
  await tx.consentChange.create({
    data: { cameoId: payload.cameoId, ownerId: payload.ownerId, policyVersion: payload.policyVersion, cause: payload.cause },
  });
}

export const emit = <Topic extends keyof UsersEvents>(tx: OutboxWriter, topic: Topic, payload: UsersEvents[Topic]) =>
  emitEvent<UsersEvents, Topic>(tx, topic, payload);
