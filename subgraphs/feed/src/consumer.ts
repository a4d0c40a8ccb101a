import type { EventTransport } from '@cameo/kernel/event-transport';
import type { Stoppable } from '@cameo/kernel/pg-events';
import type { FeedDb } from './db';
import { applyFeedEvent } from './projection';

/** The sources the feed's read model is built from, in the order a rebuild replays them. */
export const SOURCE_SUBGRAPHS = ['generations', 'social'] as const;

/**
 * Keeps the read model current: one consumer per source, shared by the feed's replicas. (Each
 * replica's cache of social's answers follows social's events on its own: clients.ts.)
 */
export function startFeedConsumers(db: FeedDb, transport: EventTransport): Stoppable[] {
  return SOURCE_SUBGRAPHS.map((source) =>
    transport.consume({
      source,
      handle: async (event) => {
        await applyFeedEvent(db, event);
      },
    }),
  );
}
