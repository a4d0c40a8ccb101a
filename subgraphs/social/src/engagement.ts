import type { SocialContext } from './context';
import type { SocialDb } from './db';
import { emit } from './events';
import { viewerOf, visibleVideo } from './guards';
import { deliver, notify } from './notifications';

type Tx = Parameters<Parameters<SocialDb['$transaction']>[0]>[0];

/** Adds to a video's counts with one upsert: concurrent likes each add exactly once. */
export async function addVideoCounts(tx: Tx, generationId: string, change: { likes?: number; comments?: number; views?: number }) {
  const { likes = 0, comments = 0, views = 0 } = change;
  await tx.$executeRaw`
    INSERT INTO "social"."video_counts" (generation_id, likes, comments, views) VALUES (${generationId}::uuid, ${likes}, ${comments}, ${views})
    ON CONFLICT (generation_id) DO UPDATE SET likes = video_counts.likes + EXCLUDED.likes,
      comments = video_counts.comments + EXCLUDED.comments, views = video_counts.views + EXCLUDED.views`;
}

/** Idempotent: a second like from the same person changes nothing. */
export async function like(ctx: SocialContext, generationId: string | number) {
  const viewer = viewerOf(ctx);
  const video = await visibleVideo(ctx, viewer, generationId);
  const live = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.like.createMany({ data: [{ generationId: video.id, userId: viewer }], skipDuplicates: true });
    if (count === 0) return [];
    await addVideoCounts(tx, video.id, { likes: 1 });
    await emit(tx, 'social.liked', { userId: viewer, generationId: video.id, creatorId: video.creatorId });
    return notify(tx, [{ recipientId: video.creatorId, kind: 'LIKE', actorId: viewer, generationId: video.id }]);
  });
  await deliver(ctx.pubsub, live);
  return video.id;
}

export async function unlike(ctx: SocialContext, generationId: string | number) {
  const viewer = viewerOf(ctx);
  const video = await visibleVideo(ctx, viewer, generationId);
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.like.deleteMany({ where: { generationId: video.id, userId: viewer } });
    if (count === 0) return;
    await addVideoCounts(tx, video.id, { likes: -1 });
    await emit(tx, 'social.unliked', { userId: viewer, generationId: video.id, creatorId: video.creatorId });
  });
  return video.id;
}

/** Counts each person once per video, however often they watch it. */
export async function recordView(ctx: SocialContext, generationId: string | number) {
  const viewer = viewerOf(ctx);
  const video = await visibleVideo(ctx, viewer, generationId);
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.view.createMany({ data: [{ generationId: video.id, viewerId: viewer }], skipDuplicates: true });
    if (count === 0) return;
    await addVideoCounts(tx, video.id, { views: 1 });
    await emit(tx, 'social.viewed', { userId: viewer, generationId: video.id, creatorId: video.creatorId });
  });
  return video.id;
}
