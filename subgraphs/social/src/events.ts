import { emitEvent, type OutboxWriter } from '@cameo/kernel/outbox';

/**
 * Durable domain events of the social subgraph (stream cameo:events:social): users keeps its
 * follow/block projection from them (MUTUALS consent), the feed its ranking signals.
 */
export interface SocialEvents {
  'social.followed': { followerId: string; followeeId: string };
  'social.unfollowed': { followerId: string; followeeId: string };
  'social.blocked': { blockerId: string; blockedId: string };
  'social.unblocked': { blockerId: string; blockedId: string };
  'social.muted': { muterId: string; mutedId: string };
  'social.unmuted': { muterId: string; mutedId: string };
  'social.liked': { userId: string; generationId: string; creatorId: string };
  'social.unliked': { userId: string; generationId: string; creatorId: string };
  'social.viewed': { userId: string; generationId: string; creatorId: string };
  'social.commented': { commentId: string; userId: string; generationId: string; creatorId: string; parentId: string | null };
  'social.comment_deleted': { commentId: string; generationId: string; removed: number };
}

export const emit = <Topic extends keyof SocialEvents>(tx: OutboxWriter, topic: Topic, payload: SocialEvents[Topic]) =>
  emitEvent<SocialEvents, Topic>(tx, topic, payload);
