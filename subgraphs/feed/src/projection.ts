import { Prisma } from './generated/prisma/client.js';
import type { DomainEvent } from '@cameo/kernel/events';
import type { FeedDb } from './db';
import { addPublishedPost, dropCandidateSets, dropSetsHoldingPost } from './candidate-set';
import { timelineBlocked, timelineFollowed, timelineHidden, timelinePublished, timelineUnfollowed, type TimelineOptions } from './timeline';

type Tx = Parameters<Parameters<FeedDb['$transaction']>[0]>[0];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const id = (value: unknown) => (typeof value === 'string' && UUID.test(value) ? value : null);
const ids = (value: unknown) => (Array.isArray(value) ? value.map(id).filter((item): item is string => item !== null) : []);

/** Affinity points per kind of engagement with a creator. */
export const AFFINITY = { like: 1, comment: 2, view: 0.2 } as const;

/** Recomputes a post's trending order with its counters (see Post.hot in schema.prisma). */
const HOT = `log(greatest(likes + 2 * comments + 3 * remixes, 1)) + extract(epoch from published_at) / 45000`;

/**
 * Serializes everything that touches one post's counters. Posts come from generations' stream
 * and their likes from social's, read by separate consumers: a like may be applied before its
 * post. The lock makes "post not there yet, keep the count aside" and "post created, fold in
 * what was kept" exclusive, so no count is lost between them.
 */
const lockPost = (tx: Tx, postId: string) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${postId}, 42))`;

async function addToPost(tx: Tx, postId: string, change: { likes?: number; comments?: number; views?: number; remixes?: number }) {
  const { likes = 0, comments = 0, views = 0, remixes = 0 } = change;
  await lockPost(tx, postId);
  const updated = await tx.$executeRawUnsafe(
    `UPDATE "feed"."post" SET likes = greatest(likes + $2, 0), comments = greatest(comments + $3, 0), views = greatest(views + $4, 0),
       remixes = greatest(remixes + $5, 0) WHERE id = $1::uuid`,
    postId,
    likes,
    comments,
    views,
    remixes,
  );
  if (updated === 0) {
    await tx.$executeRaw`
      INSERT INTO "feed"."pending_counts" (post_id, likes, comments, views, remixes) VALUES (${postId}::uuid, ${likes}, ${comments}, ${views}, ${remixes})
      ON CONFLICT (post_id) DO UPDATE SET likes = pending_counts.likes + EXCLUDED.likes, comments = pending_counts.comments + EXCLUDED.comments,
        views = pending_counts.views + EXCLUDED.views, remixes = pending_counts.remixes + EXCLUDED.remixes`;
    return;
  }
  await tx.$executeRawUnsafe(`UPDATE "feed"."post" SET hot = ${HOT} WHERE id = $1::uuid`, postId);
}

async function addAffinity(tx: Tx, userId: string, creatorId: string | null, points: number) {
  if (!creatorId || creatorId === userId) return;
  await tx.$executeRaw`
    INSERT INTO "feed"."affinity" (user_id, creator_id, score) VALUES (${userId}::uuid, ${creatorId}::uuid, ${Math.max(points, 0)})
    ON CONFLICT (user_id, creator_id) DO UPDATE SET score = greatest(affinity.score + ${points}, 0)`;
}

/** Applies one event to the read model inside `tx`. Unknown topics and bad payloads change nothing. */
async function apply(tx: Tx, event: DomainEvent, options: TimelineOptions): Promise<void> {
  const p = (event.payload ?? {}) as Record<string, unknown>;
  switch (event.topic) {
    case 'generation.published': {
      const postId = id(p.generationId);
      const creatorId = id(p.creatorId);
      const publishedAt = typeof p.publishedAt === 'string' ? new Date(p.publishedAt) : new Date(event.at);
      if (!postId || !creatorId || Number.isNaN(publishedAt.getTime())) return;
      const remixOfId = id(p.remixOfId);
      await lockPost(tx, postId);
      const { count } = await tx.post.createMany({
        data: [
          {
            id: postId,
            creatorId,
            caption: typeof p.caption === 'string' ? p.caption : '',
            prompt: typeof p.prompt === 'string' ? p.prompt : '',
            remixOfId,
            cameoIds: ids(p.cameoIds),
            cameoOwnerIds: ids(p.cameoOwnerIds),
            publishedAt,
          },
        ],
        skipDuplicates: true,
      });
      if (count === 0) return;
      const owners = ids(p.cameoOwnerIds);
      if (owners.length)
        await tx.postCast.createMany({ data: owners.map((ownerId) => ({ ownerId, postId, publishedAt })), skipDuplicates: true });
      await tx.$executeRaw`
        UPDATE "feed"."post" p SET likes = greatest(p.likes + c.likes, 0), comments = greatest(p.comments + c.comments, 0),
          views = greatest(p.views + c.views, 0), remixes = greatest(p.remixes + c.remixes, 0)
        FROM "feed"."pending_counts" c WHERE c.post_id = p.id AND p.id = ${postId}::uuid`;
      await tx.pendingCounts.deleteMany({ where: { postId } });
      await tx.$executeRawUnsafe(`UPDATE "feed"."post" SET hot = ${HOT} WHERE id = $1::uuid`, postId);
      if (remixOfId) await addToPost(tx, remixOfId, { remixes: 1 });
      await timelinePublished(tx, { id: postId, creatorId, publishedAt }, options);
      await addPublishedPost(tx, { postId, creatorId, castOwnerIds: owners, publishedAt });
      return;
    }
    case 'generation.hidden': {
      const postId = id(p.generationId);
      if (!postId) return;
      const { count } = await tx.post.updateMany({ where: { id: postId, hiddenAt: null }, data: { hiddenAt: new Date() } });
      if (!count) return;
      await timelineHidden(tx, postId);
      await dropSetsHoldingPost(tx, postId);
      return;
    }
    case 'social.followed':
    case 'social.unfollowed': {
      const followerId = id(p.followerId);
      const followeeId = id(p.followeeId);
      if (!followerId || !followeeId) return;
      if (event.topic === 'social.followed') await timelineFollowed(tx, followerId, followeeId, options);
      else await timelineUnfollowed(tx, followerId, followeeId);
      await dropCandidateSets(tx, [followerId]);
      return;
    }
    case 'social.blocked': {
      const blockerId = id(p.blockerId);
      const blockedId = id(p.blockedId);
      if (!blockerId || !blockedId) return;
      await timelineBlocked(tx, blockerId, blockedId);
      await dropCandidateSets(tx, [blockerId, blockedId]);
      return;
    }
    case 'social.liked':
    case 'social.unliked':
    case 'social.commented':
    case 'social.viewed': {
      const userId = id(p.userId);
      const postId = id(p.generationId);
      if (!userId || !postId) return;
      const creatorId = id(p.creatorId);
      if (event.topic === 'social.viewed') {
        const { count } = await tx.seen.createMany({ data: [{ userId, postId }], skipDuplicates: true });
        if (count) await addToPost(tx, postId, { views: 1 });
        await addAffinity(tx, userId, creatorId, AFFINITY.view);
        return;
      }
      const sign = event.topic === 'social.unliked' ? -1 : 1;
      if (event.topic === 'social.commented') await addToPost(tx, postId, { comments: 1 });
      else await addToPost(tx, postId, { likes: sign });
      if (sign > 0) await tx.engaged.createMany({ data: [{ userId, postId }], skipDuplicates: true });
      await addAffinity(tx, userId, creatorId, sign * (event.topic === 'social.commented' ? AFFINITY.comment : AFFINITY.like));
      return;
    }
    case 'social.comment_deleted': {
      const postId = id(p.generationId);
      const removed = typeof p.removed === 'number' ? p.removed : 1;
      if (postId) await addToPost(tx, postId, { comments: -removed });
      return;
    }
    default:
      return;
  }
}

/** Applies an event once (its id is recorded in the same transaction); false for a replay. */
export async function applyFeedEvent(db: FeedDb, event: DomainEvent, options: TimelineOptions = {}): Promise<boolean> {
  try {
    return await db.$transaction(async (tx) => {
      await tx.processedEvent.create({ data: { eventId: event.id } });
      await apply(tx, event, options);
      return true;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false;
    throw error;
  }
}
