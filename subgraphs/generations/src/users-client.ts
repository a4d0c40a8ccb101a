import { callInternal, signInternalToken } from '../../shared/src/internal-call';

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

export interface UsersClient {
  /** Asks users whether `userId` may use each cameo; users records every answer. */
  checkConsent(userId: string, cameoIds: string[]): Promise<ConsentAnswer[]>;
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
    async plan(userId) {
      const { users } = await callInternal<{ users: { id: string; plan: 'FREE' | 'PRO' }[] }>(`${usersBaseUrl}/internal/user-facts`, token(), {
        userIds: [userId],
      });
      return users[0]?.plan ?? 'FREE';
    },
  };
}
