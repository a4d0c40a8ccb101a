import type { EventTransport } from '@cameo/kernel/event-transport';
import type { Stoppable } from '@cameo/kernel/pg-events';
import type { FeedDb } from './db';
import { applyFeedEvent } from './projection';

/** The sources the feed's read model is built from, in the order a rebuild replays them. */
export const SOURCE_SUBGRAPHS = ['generations', 'social'] as const;

/** Social's events that change whom a viewer must not see (social's /internal/blocks answer). */
const RELATIONSHIP_TOPICS: Record<string, [string, string]> = {
  'social.blocked': ['blockerId', 'blockedId'],
  'social.unblocked': ['blockerId', 'blockedId'],
  'social.muted': ['muterId', 'mutedId'],
  'social.unmuted': ['muterId', 'mutedId'],
};

/**
 * Keeps the read model current: one consumer per source. Once a block, unblock, mute or unmute
 * is applied, `relationshipChanged` hears of it: the live announcement usually came first, but
 * one lost between social's commit and its publish (a crash) is made good here, within an
 * event's delivery, instead of when a cached answer expires.
 */
export function startFeedConsumers(
  db: FeedDb,
  transport: EventTransport,
  relationshipChanged: (userIds: string[]) => void = () => {},
): Stoppable[] {
  return SOURCE_SUBGRAPHS.map((source) =>
    transport.consume({
      source,
      handle: async (event) => {
        await applyFeedEvent(db, event);
        const fields = RELATIONSHIP_TOPICS[event.topic];
        const payload = event.payload as Record<string, unknown>;
        if (fields) relationshipChanged(fields.map((field) => payload[field]).filter((id): id is string => typeof id === 'string'));
      },
    }),
  );
}
