import type { EventTransport } from '@cameo/kernel/event-transport';
import { SOURCE_SUBGRAPHS } from './consumer';
import type { FeedDb } from './db';
import { applyFeedEvent } from './projection';

/**
 * Rebuilds the read model from scratch: empties what events built (posts, follows, timelines,
 * For You candidate sets, affinity, engagement, seen, processed ids) and replays every source from its first event through the
 * event transport — generations first, so posts exist before their likes (and each follow
 * copies its followee's posts into the follower's timeline). What viewers said
 * (preferences, "see less") is kept. Returns the number of events applied.
 */
export async function rebuildFeed(
  db: FeedDb,
  transport: EventTransport,
  options: { onProgress?: (line: string) => void } = {},
): Promise<number> {
  await db.$executeRawUnsafe(
    'TRUNCATE "feed"."post", "feed"."candidate_set", "feed"."candidate", "feed"."pending_counts", "feed"."post_cast", "feed"."follow_edge", "feed"."affinity", "feed"."engaged", "feed"."seen", "feed"."processed_event", "feed"."snapshot", "feed"."timeline", "feed"."timeline_state", "feed"."creator_reach"',
  );
  let applied = 0;
  for (const source of SOURCE_SUBGRAPHS) {
    let seen = 0;
    for await (const event of transport.replay(source)) {
      if (await applyFeedEvent(db, event)) applied++;
      if (++seen % 500 === 0) options.onProgress?.(`${source}: ${applied} events applied`);
    }
    options.onProgress?.(`${source}: ${applied} events applied`);
  }
  return applied;
}
