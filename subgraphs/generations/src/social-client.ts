import { callInternal, signInternalToken } from '@cameo/kernel/internal-call';
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

/**
 * How long generations trusts a remembered answer while the bus is heard. Shorter than the
 * feed's 10 minutes: the feed also forgets on social's durable events, generations reads none,
 * so an announcement lost between social's commit and its publish is made good only by expiry.
 * A viewer scrolling comes back well within a minute, so pages still hit.
 */
const RELATIONSHIP_TTL_MS = 60_000;

/** The declared internal call from generations to the social subgraph. */
export function createSocialClient(options: {
  socialBaseUrl: string | (() => string);
  platformSecret: string;
  /** The bus social announces relationship.changed on; without one, social is asked every time. */
  pubsub?: PubSub;
  logger: Logger;
}): SocialClient {
  const base = () => (typeof options.socialBaseUrl === 'function' ? options.socialBaseUrl() : options.socialBaseUrl);
  const relationships = createRelationshipCache<ReadonlySet<string>>({
    pubsub: options.pubsub,
    logger: options.logger,
    ttlMs: RELATIONSHIP_TTL_MS,
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
