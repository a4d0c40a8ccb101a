import { createLogger } from '@cameo/kernel/logger';
import { RELATIONSHIP_CHANGED_TOPIC, type RelationshipChanged } from '@cameo/kernel/relationship-events';
import type { SocialContext } from './context';
import type { SocialDb } from './db';
import { emit } from './events';
import { blocked, otherUser, viewerOf } from './guards';
import { deliver, notify } from './notifications';

type Tx = Parameters<Parameters<SocialDb['$transaction']>[0]>[0];

/**
 * Tells the feed and generations, after the commit and before the mutation answers, that what
 * `/internal/blocks` answers for these two changed: their caches drop both at once, so the next
 * page reflects it. Live messages are at most once: one lost here (Redis away, or this process
 * ending after the commit) leaves the feed and generations serving the old answer until social's
 * durable event of the change reaches them (each replica follows those). Announced even when the
 * mutation changed nothing, so repeating it after a lost announcement heals the caches. The
 * change itself stands, so a loss is only logged.
 */
async function announceChanged(ctx: SocialContext, message: RelationshipChanged): Promise<void> {
  try {
    await ctx.pubsub.publish(RELATIONSHIP_CHANGED_TOPIC, message);
  } catch (error) {
    // Made here, not at import: the root logger reads LOG_LEVEL when first made.
    createLogger('social').error(
      `${RELATIONSHIP_CHANGED_TOPIC} not published for ${message.userIds.join(', ')}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Adds to follower/following counts. Rows are touched in id order so two people following
 * each other at the same moment cannot deadlock.
 */
async function addCounts(tx: Tx, changes: { userId: string; followers: number; following: number }[]) {
  for (const change of [...changes].sort((a, b) => a.userId.localeCompare(b.userId))) {
    await tx.$executeRaw`
      INSERT INTO "social"."user_counts" (user_id, followers, following) VALUES (${change.userId}::uuid, ${change.followers}, ${change.following})
      ON CONFLICT (user_id) DO UPDATE SET followers = user_counts.followers + EXCLUDED.followers, following = user_counts.following + EXCLUDED.following`;
  }
}

/** Removes a follow edge if present; returns whether it existed. */
async function removeFollow(tx: Tx, followerId: string, followeeId: string): Promise<boolean> {
  const { count } = await tx.follow.deleteMany({ where: { followerId, followeeId } });
  if (count === 0) return false;
  await addCounts(tx, [
    { userId: followerId, followers: 0, following: -1 },
    { userId: followeeId, followers: -1, following: 0 },
  ]);
  await emit(tx, 'social.unfollowed', { followerId, followeeId });
  return true;
}

/** Idempotent: following someone you follow changes nothing. */
export async function follow(ctx: SocialContext, userId: string | number) {
  const viewer = viewerOf(ctx);
  const target = await otherUser(ctx, viewer, userId);
  if ((await ctx.loaders.blocks()).either.has(target.id)) throw blocked();
  const live = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.follow.createMany({ data: [{ followerId: viewer, followeeId: target.id }], skipDuplicates: true });
    if (count === 0) return [];
    await addCounts(tx, [
      { userId: viewer, followers: 0, following: 1 },
      { userId: target.id, followers: 1, following: 0 },
    ]);
    await emit(tx, 'social.followed', { followerId: viewer, followeeId: target.id });
    return notify(tx, [{ recipientId: target.id, kind: 'NEW_FOLLOWER', actorId: viewer }]);
  });
  await deliver(ctx.pubsub, live);
  return target.id;
}

export async function unfollow(ctx: SocialContext, userId: string | number) {
  const viewer = viewerOf(ctx);
  const target = await otherUser(ctx, viewer, userId);
  await ctx.db.$transaction((tx) => removeFollow(tx, viewer, target.id));
  return target.id;
}

/** A block removes follows both ways and stops every interaction between the two. */
export async function block(ctx: SocialContext, userId: string | number) {
  const viewer = viewerOf(ctx);
  const target = await otherUser(ctx, viewer, userId);
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.block.createMany({ data: [{ blockerId: viewer, blockedId: target.id }], skipDuplicates: true });
    if (count === 0) return;
    await removeFollow(tx, viewer, target.id);
    await removeFollow(tx, target.id, viewer);
    await emit(tx, 'social.blocked', { blockerId: viewer, blockedId: target.id });
  });
  await announceChanged(ctx, { userIds: [viewer, target.id] });
  return target.id;
}

export async function unblock(ctx: SocialContext, userId: string | number) {
  const viewer = viewerOf(ctx);
  const target = await otherUser(ctx, viewer, userId);
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.block.deleteMany({ where: { blockerId: viewer, blockedId: target.id } });
    if (count) await emit(tx, 'social.unblocked', { blockerId: viewer, blockedId: target.id });
  });
  await announceChanged(ctx, { userIds: [viewer, target.id] });
  return target.id;
}

/** Muting hides someone's videos from your feed without telling them or changing follows. */
export async function mute(ctx: SocialContext, userId: string | number, muted: boolean) {
  const viewer = viewerOf(ctx);
  const target = await otherUser(ctx, viewer, userId);
  await ctx.db.$transaction(async (tx) => {
    if (muted) {
      const { count } = await tx.mute.createMany({ data: [{ muterId: viewer, mutedId: target.id }], skipDuplicates: true });
      if (count) await emit(tx, 'social.muted', { muterId: viewer, mutedId: target.id });
    } else {
      const { count } = await tx.mute.deleteMany({ where: { muterId: viewer, mutedId: target.id } });
      if (count) await emit(tx, 'social.unmuted', { muterId: viewer, mutedId: target.id });
    }
  });
  await announceChanged(ctx, { userIds: [viewer, target.id] });
  return target.id;
}
