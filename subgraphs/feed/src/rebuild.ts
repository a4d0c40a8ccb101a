import { Redis } from 'ioredis';
import { eventStream, fromStreamFields } from '../../shared/src/events';
import { SOURCE_SUBGRAPHS } from './consumer';
import type { FeedDb } from './db';
import { applyFeedEvent } from './projection';

/** Entries read per XRANGE call. */
const BATCH = 500;

/**
 * Rebuilds the read model from scratch: empties what events built (posts, follows, affinity,
 * engagement, seen, processed ids) and replays every source stream from its first entry —
 * generations first, so posts exist before their likes. What viewers said (preferences, "see
 * less") is kept. Returns the number of events applied.
 */
export async function rebuildFeed(db: FeedDb, redisUrl: string, options: { namespace?: string; onProgress?: (line: string) => void } = {}): Promise<number> {
  await db.$executeRawUnsafe(
    'TRUNCATE "feed"."post", "feed"."pending_counts", "feed"."post_cast", "feed"."follow_edge", "feed"."affinity", "feed"."engaged", "feed"."seen", "feed"."processed_event", "feed"."snapshot"',
  );
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  let applied = 0;
  try {
    for (const subgraph of SOURCE_SUBGRAPHS) {
      const stream = eventStream(subgraph, options.namespace);
      let start = '-';
      for (;;) {
        const entries = (await redis.xrange(stream, start, '+', 'COUNT', BATCH)) as [string, string[]][];
        const fresh = start === '-' ? entries : entries.slice(1);
        for (const [, fields] of fresh) {
          const event = fromStreamFields(fields);
          if (event && (await applyFeedEvent(db, event))) applied++;
        }
        options.onProgress?.(`${stream}: ${applied} events applied`);
        if (entries.length < BATCH) break;
        start = entries.at(-1)![0];
      }
    }
  } finally {
    redis.disconnect();
  }
  return applied;
}
