import { callInternal, signInternalToken } from '@cameo/kernel/internal-call';

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

/**
 * How long an age band is remembered. Users sets it at sign-up and never changes it; the bound
 * only keeps a deleted account's entry from living forever. (At 60 s, a viewer scrolling again
 * after a minute cost users a call per page.)
 */
const AGE_BAND_TTL_MS = 60 * 60_000;
const AGE_BAND_CACHE_SIZE = 10_000;

/** The declared internal calls from the feed to social and users. */
export function createFeedClients(options: { usersBaseUrl: string; socialBaseUrl: string; platformSecret: string }): FeedClients {
  const token = (audience: string) => signInternalToken(options.platformSecret, 'feed', audience);
  const teens = new Map<string, { teen: boolean; until: number }>();
  return {
    async exclusions(userId) {
      const answer = await callInternal<{ blocked: string[]; muted: string[] }>(
        `${options.socialBaseUrl}/internal/blocks`,
        token('social'),
        { userId },
      );
      return { blocked: new Set(answer.blocked), muted: new Set(answer.muted) };
    },
    async isTeen(userId) {
      const known = teens.get(userId);
      if (known && known.until > Date.now()) return known.teen;
      const { users } = await callInternal<{ users: { id: string; ageBand: string }[] }>(
        `${options.usersBaseUrl}/internal/user-facts`,
        token('users'),
        { userIds: [userId] },
      );
      const teen = users[0]?.ageBand === 'TEEN';
      if (teens.size >= AGE_BAND_CACHE_SIZE) teens.delete(teens.keys().next().value as string);
      teens.set(userId, { teen, until: Date.now() + AGE_BAND_TTL_MS });
      return teen;
    },
  };
}
