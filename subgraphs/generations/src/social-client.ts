import { callInternal, signInternalToken } from '@cameo/kernel/internal-call';
import type { EventTransport } from '@cameo/kernel/event-transport';
import type { Logger } from '@cameo/kernel/logger';
import type { PubSub } from '@cameo/kernel/pubsub';
import { createRelationshipCache } from '@cameo/kernel/relationship-cache';

export interface SocialClient {
  /**
   * The people `userId` has a block with, either way: remembered until social announces a
   * change for them (relationship-cache.ts). Shared between requests: never changed.
   */
  blockedWith(userId: string): Promise<ReadonlySet<string>>;
  /**
   * The same, asked of social now. For file access (/assets) and live subscriptions: rarer than
   * pages, and their answer must not rest on the bus having delivered every announcement.
   */
  blockedWithNow(userId: string): Promise<ReadonlySet<string>>;
  stop(): Promise<void>;
}

/** The declared internal call from generations to the social subgraph. */
export function createSocialClient(options: {
  socialBaseUrl: string | (() => string);
  platformSecret: string;
  /** The bus social announces relationship.changed on; without one, social is asked every time. */
  pubsub?: PubSub;
  /** Social's durable events, followed here too: a lost announcement is made good within an event's delivery. */
  events: Pick<EventTransport, 'follow'>;
  logger: Logger;
}): SocialClient {
  const base = () => (typeof options.socialBaseUrl === 'function' ? options.socialBaseUrl() : options.socialBaseUrl);
  const relationships = createRelationshipCache<ReadonlySet<string>>({
    pubsub: options.pubsub,
    events: options.events,
    logger: options.logger,
  });
  const blockedWithNow = async (userId: string) => {
    const { blocked } = await callInternal<{ blocked: string[] }>(
      `${base()}/internal/blocks`,
      signInternalToken(options.platformSecret, 'generations', 'social'),
      { userId },
    );
    return new Set(blocked);
  };
  return {
    blockedWith: (userId) => relationships.get(userId, blockedWithNow),
    blockedWithNow,
    stop: () => relationships.stop(),
  };
}
