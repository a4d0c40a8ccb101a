import { forbidden, badInput, notFound, unauthenticated } from '@cameo/kernel/errors';
import { CAST_SIZE, connectionSize, listSize } from '@cameo/kernel/federation';
import { definePageInfo } from '@cameo/kernel/connection';
import { builder } from '../builder';
import { PAGE_MAX, explain, following, forYou, type FeedPage } from '../feed';
import { PREFERENCES_MAX, parsePreferences } from '../ranking';
import { CameoRef, GenerationRef, UserRef } from './refs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const Post = builder.prismaObject('Post', {
  description: 'A published video in the feed. Its video, creator and cast resolve from their own subgraphs.',
  fields: (t) => ({
    id: t.exposeID('id'),
    caption: t.exposeString('caption'),
    publishedAt: t.expose('publishedAt', { type: 'DateTime' }),
    creator: t.field({ type: UserRef, resolve: (post) => ({ id: post.creatorId }) }),
    video: t.field({
      type: GenerationRef,
      description: 'The generation (same id): its file, cast, counts.',
      resolve: (post) => ({ id: post.id }),
    }),
    cameos: t.field({ type: [CameoRef], directives: listSize(CAST_SIZE), resolve: (post) => post.cameoIds.map((id) => ({ id })) }),
    remixOf: t.field({ type: GenerationRef, nullable: true, resolve: (post) => (post.remixOfId ? { id: post.remixOfId } : null) }),
  }),
});

builder.asEntity(Post, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async (ref, ctx) => {
    if (!UUID.test(ref.id)) return null;
    const post = await ctx.db.post.findUnique({ where: { id: ref.id } });
    return post && !post.hiddenAt ? post : null;
  },
});

const FeedKind = builder.enumType('FeedKind', {
  values: {
    FOR_YOU: { description: 'Ranked for you: people you follow and engage with, trending, remixes, cameos of people you follow.' },
    FOLLOWING: { description: 'Everything from people you follow, newest first.' },
  } as const,
});

const PageInfo = definePageInfo(builder);

type Item = FeedPage['edges'][number];
const PostEdge = builder.objectRef<Item>('PostEdge').implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: Post, resolve: (item) => item.node }),
  }),
});

const PostConnection = builder.objectRef<FeedPage>('PostConnection').implement({
  fields: (t) => ({
    edges: t.field({ type: [PostEdge], resolve: (page) => page.edges }),
    pageInfo: t.field({ type: PageInfo, resolve: (page) => page.pageInfo }),
  }),
});

const RankingReason = builder.objectRef<{ factor: string; weight: number; detail: string }>('RankingReason').implement({
  fields: (t) => ({
    factor: t.exposeString('factor', { description: 'engagement, age, affinity, following, freshness, feedback, more or less.' }),
    weight: t.exposeFloat('weight', { description: 'The multiplier it applied (engagement: its points).' }),
    detail: t.exposeString('detail'),
  }),
});

const RankingExplanation = builder.objectRef<NonNullable<Awaited<ReturnType<typeof explain>>>>('RankingExplanation').implement({
  description: 'Why a post ranks where it does in your For You feed.',
  fields: (t) => ({
    postId: t.exposeID('postId'),
    score: t.exposeFloat('score'),
    shown: t.exposeBoolean('shown', { description: 'False when it is filtered out for you (blocked, muted, see-less, hidden).' }),
    reasons: t.field({ type: [RankingReason], resolve: (explanation) => explanation.reasons }),
  }),
});

const FeedPreferences = builder.objectRef<{ text: string; more: string[]; less: string[] }>('FeedPreferences').implement({
  description: 'What you asked of your feed in your own words, and how the feed read it.',
  fields: (t) => ({
    text: t.exposeString('text'),
    more: t.exposeStringList('more'),
    less: t.exposeStringList('less'),
  }),
});

builder.queryFields((t) => ({
  feed: t.field({
    type: PostConnection,
    args: { kind: t.arg({ type: FeedKind, required: true }), first: t.arg.int(), after: t.arg.string() },
    // For You ranks a pool of candidates for each page: dearer than reading one row.
    directives: { ...connectionSize(PAGE_MAX), cost: { weight: 10 } },
    description: `A page of posts (first: 1-50, default 10). Cursors are opaque and tamper-checked; For You's pin a ranking for an hour.`,
    resolve: (_root, args, ctx) => (args.kind === 'FOLLOWING' ? following(ctx, args) : forYou(ctx, args)),
  }),
  explainRanking: t.field({
    type: RankingExplanation,
    nullable: true,
    args: { postId: t.arg.id({ required: true }) },
    resolve: (_root, { postId }, ctx) => explain(ctx, String(postId)),
  }),
  feedPreferences: t.field({
    type: FeedPreferences,
    nullable: true,
    resolve: (_root, _args, ctx) => (ctx.viewer ? ctx.db.preference.findUnique({ where: { userId: ctx.viewer.userId } }) : null),
  }),
}));

builder.mutationFields((t) => ({
  setFeedPreferences: t.field({
    type: FeedPreferences,
    description: `Steers For You in plain words, e.g. "more cats and skateboarding, less politics" (at most ${PREFERENCES_MAX} characters; empty clears).`,
    args: { text: t.arg.string({ required: true }) },
    resolve: async (_root, { text }, ctx) => {
      if (!ctx.viewer) throw unauthenticated();
      const trimmed = text.trim();
      if ([...trimmed].length > PREFERENCES_MAX) throw badInput(`Preferences have at most ${PREFERENCES_MAX} characters.`, 'text');
      const { more, less } = parsePreferences(trimmed);
      const userId = ctx.viewer.userId;
      return ctx.db.preference.upsert({
        where: { userId },
        create: { userId, text: trimmed, more, less },
        update: { text: trimmed, more, less },
      });
    },
  }),
  seeLessLikeThis: t.boolean({
    description: 'Drops the post from your For You feed and ranks its creator lower.',
    args: { postId: t.arg.id({ required: true }) },
    resolve: async (_root, { postId }, ctx) => {
      if (!ctx.viewer) throw unauthenticated();
      const id = String(postId);
      const post = UUID.test(id) ? await ctx.db.post.findUnique({ where: { id } }) : null;
      if (!post) throw notFound('Post');
      if (post.creatorId === ctx.viewer.userId) throw forbidden('This is your own post.');
      await ctx.db.feedback.createMany({
        data: [{ userId: ctx.viewer.userId, postId: id, creatorId: post.creatorId }],
        skipDuplicates: true,
      });
      return true;
    },
  }),
}));
