import { callInternal, signInternalToken } from '../../shared/src/internal-call';

export interface Exclusions {
  /** Blocked either way. */
  blocked: Set<string>;
  /** Muted by the viewer. */
  muted: Set<string>;
}

export interface FeedClients {
  /** Asks social, at once, whom a viewer must not see (a block takes effect on the next page). */
  exclusions(userId: string): Promise<Exclusions>;
  /** Whether the user is a teen (users' age band). */
  isTeen(userId: string): Promise<boolean>;
}

/** The declared internal calls from the feed to social and users. */
export function createFeedClients(options: { usersBaseUrl: string; socialBaseUrl: string; platformSecret: string }): FeedClients {
  const token = (audience: string) => signInternalToken(options.platformSecret, 'feed', audience);
  return {
    async exclusions(userId) {
      const answer = await callInternal<{ blocked: string[]; muted: string[] }>(`${options.socialBaseUrl}/internal/blocks`, token('social'), { userId });
      return { blocked: new Set(answer.blocked), muted: new Set(answer.muted) };
    },
    async isTeen(userId) {
      const { users } = await callInternal<{ users: { id: string; ageBand: string }[] }>(`${options.usersBaseUrl}/internal/user-facts`, token('users'), { userIds: [userId] });
      return users[0]?.ageBand === 'TEEN';
    },
  };
}
