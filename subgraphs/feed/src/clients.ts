import { callInternal, signInternalToken } from '@cameo/kernel/internal-call';
import type { EventTransport } from '@cameo/kernel/event-transport';
import type { Logger } from '@cameo/kernel/logger';
import type { PubSub } from '@cameo/kernel/pubsub';
import { createRelationshipCache } from '@cameo/kernel/relationship-cache';

export interface Exclusions {
  /** Blocked either way. Shared between requests: never changed. */
  blocked: ReadonlySet<string>;
  /** Muted by the viewer. */
  muted: ReadonlySet<string>;
}

export interface FeedClients {
  /**
   * Whom a viewer must not see, as social answers it (a block takes effect on the next page):
   * remembered until social announces a change for the viewer (relationship-cache.ts).
   */
  exclusions(userId: string): Promise<Exclusions>;
  /** Whether the user is a teen (users' age band). */
  isTeen(userId: string): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * How long an age band is remembered. Users sets it at sign-up and never changes it; the bound
 * only keeps a deleted account's entry from living forever. (At 60 s, a viewer scrolling again
 * after a minute cost users a call per page.)
 */
const AGE_BAND_TTL_MS = 60 * 60_000;
const AGE_BAND_CACHE_SIZE = 10_000;

/** The declared internal calls from the feed to social and users. */
export function createFeedClients(options: {
  usersBaseUrl: string;
  socialBaseUrl: string;
  platformSecret: string;
  /** The bus social announces relationship.changed on; without one, social is asked every page. */
  pubsub?: PubSub;
  /** Social's durable events, followed here too: a lost announcement is made good within an event's delivery. */
  events: Pick<EventTransport, 'follow'>;
  logger: Logger;
}): FeedClients {
  const token = (audience: string) => signInternalToken(options.platformSecret, 'feed', audience);
  const teens = new Map<string, { teen: boolean; until: number }>();
  const relationships = createRelationshipCache<Exclusions>({ pubsub: options.pubsub, events: options.events, logger: options.logger });
  const askSocial = async (userId: string): Promise<Exclusions> => {
    const answer = await callInternal<{ blocked: string[]; muted: string[] }>(`${options.socialBaseUrl}/internal/blocks`, token('social'), {
      userId,
    });
    return { blocked: new Set(answer.blocked), muted: new Set(answer.muted) };
  };
  return {
    exclusions: (userId) => relationships.get(userId, askSocial),
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
    stop: () => relationships.stop(),
  };
}
