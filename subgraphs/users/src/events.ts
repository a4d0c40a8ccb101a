import { emitEvent, type OutboxWriter } from '../../shared/src/outbox';

/** The users subgraph's domain events (stream cameo:events:users). */
export interface ConsentRevokedEvent {
  cameoId: string;
  ownerId: string;
  /** What changed: a narrower policy, a removed grant, a deleted cameo or account. */
  cause: 'POLICY_CHANGED' | 'GRANT_REMOVED' | 'CAMEO_DELETED' | 'ACCOUNT_DELETED';
  policyVersion: number;
  /** The user who lost access, when one user did (a removed grant). */
  userId?: string;
}

/** The public profile fields a user can change. */
export type ProfileField = 'displayName' | 'bio' | 'avatarUrl';

export interface UsersEvents {
  'cameo.consent_revoked': ConsentRevokedEvent;
  /** A profile change: the user's public fields listed in `fields` have new values. */
  'user.updated': { userId: string; fields: ProfileField[] };
  'user.deleted': { userId: string };
}

export const emit = <Topic extends keyof UsersEvents>(tx: OutboxWriter, topic: Topic, payload: UsersEvents[Topic]) =>
  emitEvent<UsersEvents, Topic>(tx, topic, payload);
