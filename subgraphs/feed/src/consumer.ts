import { eventStream, startStreamConsumer, type StreamConsumer } from '../../shared/src/events';
import type { FeedDb } from './db';
import { applyFeedEvent } from './projection';

/** The streams the feed's read model is built from, in the order a rebuild replays them. */
export const SOURCE_SUBGRAPHS = ['generations', 'social'] as const;

/** Keeps the read model current: one consumer group ("feed") per source stream. */
export function startFeedConsumers(db: FeedDb, redisUrl: string, onError: (error: unknown) => void, namespace?: string): StreamConsumer[] {
  return SOURCE_SUBGRAPHS.map((subgraph) =>
    startStreamConsumer({
      redisUrl,
      stream: eventStream(subgraph, namespace),
      group: 'feed',
      onError,
      handle: async (event) => {
        await applyFeedEvent(db, event);
      },
    }),
  );
}
