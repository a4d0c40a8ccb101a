import { callInternal, signInternalToken } from '@cameo/kernel/internal-call';

export interface UserFacts {
  id: string;
  ageBand: 'TEEN' | 'ADULT';
}

export interface UsersClient {
  /** Facts of the users that exist among `userIds` (missing ids are absent from the map). */
  facts(userIds: string[]): Promise<Map<string, UserFacts>>;
}

/** The declared internal call from social to the users subgraph. */
export function createUsersClient(usersBaseUrl: string, platformSecret: string): UsersClient {
  return {
    async facts(userIds) {
      if (userIds.length === 0) return new Map();
      const { users } = await callInternal<{ users: UserFacts[] }>(
        `${usersBaseUrl}/internal/user-facts`,
        signInternalToken(platformSecret, 'social', 'users'),
        {
          userIds: [...new Set(userIds)],
        },
      );
      return new Map(users.map((user) => [user.id, user]));
    },
  };
}
