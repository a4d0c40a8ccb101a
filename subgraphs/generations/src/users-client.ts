import { callInternal, signInternalToken } from '@cameo/kernel/internal-call';

/** What the users subgraph answers about one cameo use (see its /internal/consent-checks). */
export interface ConsentAnswer {
  cameoId: string;
  userId: string;
  allowed: boolean;
  reason: string;
  ownerId: string | null;
  policyVersion: number | null;
  restrictions: { text: string; tags: string[] } | null;
}

/** One page of losses of consent recorded by users (see its /internal/consent-changes). */
export interface ConsentChangesPage {
  changes: { id: string; cameoId: string; policyVersion: number; changedAt: string }[];
  hasMore: boolean;
  /** The users database's clock when answering. */
  now: string;
}

/** Most checks per consent-checks call (the users route's limit). */
export const CONSENT_CHECKS_PER_CALL = 500;

export interface UsersClient {
  /** Asks users whether `userId` may use each cameo; users records every answer. */
  checkConsent(userId: string, cameoIds: string[]): Promise<ConsentAnswer[]>;
  /** Any number of (cameo, user) checks, CONSENT_CHECKS_PER_CALL per call; throws if any call fails. */
  checkConsents(checks: { cameoId: string; userId: string }[]): Promise<ConsentAnswer[]>;
  /** Losses of consent at or after `since` (after `afterId` among those at exactly `since`). */
  consentChanges(since: Date, afterId?: string): Promise<ConsentChangesPage>;
  plan(userId: string): Promise<'FREE' | 'PRO'>;
}

/** The declared internal calls from generations (and its worker) to the users subgraph. */
export function createUsersClient(usersBaseUrl: string, platformSecret: string, caller = 'generations'): UsersClient {
  const token = () => signInternalToken(platformSecret, caller, 'users');
  return {
    async checkConsent(userId, cameoIds) {
      if (cameoIds.length === 0) return [];
      const { decisions } = await callInternal<{ decisions: ConsentAnswer[] }>(`${usersBaseUrl}/internal/consent-checks`, token(), {
        checks: cameoIds.map((cameoId) => ({ cameoId, userId })),
      });
      return decisions;
    },
    async checkConsents(checks) {
      const answers: ConsentAnswer[] = [];
      for (let i = 0; i < checks.length; i += CONSENT_CHECKS_PER_CALL) {
        const { decisions } = await callInternal<{ decisions: ConsentAnswer[] }>(`${usersBaseUrl}/internal/consent-checks`, token(), {
          checks: checks.slice(i, i + CONSENT_CHECKS_PER_CALL).map(({ cameoId, userId }) => ({ cameoId, userId })),
        });
        answers.push(...decisions);
      }
      return answers;
    },
    async consentChanges(since, afterId) {
      return callInternal<ConsentChangesPage>(`${usersBaseUrl}/internal/consent-changes`, token(), { since: since.toISOString(), afterId });
    },
    async plan(userId) {
      const { users } = await callInternal<{ users: { id: string; plan: 'FREE' | 'PRO' }[] }>(
        `${usersBaseUrl}/internal/user-facts`,
        token(),
        {
          userIds: [userId],
        },
      );
      return users[0]?.plan ?? 'FREE';
    },
  };
}
