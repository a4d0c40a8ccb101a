import { builder } from '../builder';
import { connectionSize } from '@cameo/kernel/federation';
import type { SocialContext } from '../context';
import { NotificationKind } from '../generated/prisma/enums.js';
import { viewerOf } from '../guards';
import { notificationTopic, type LiveNotification } from '../notifications';
import { connectionFromRows, type Connection, type Edge } from '@cameo/kernel/connection';
import { PAGE_MAX, PageInfo, decodeCursor, encodeCursor, pageSize } from './paging';
import { GenerationRef, UserRef } from './refs';
import { Comment } from './videos';

interface NotificationRow {
  id: string;
  recipientId: string;
  kind: NotificationKind;
  actorId: string | null;
  generationId: string | null;
  commentId: string | null;
  createdAt: Date | string;
  readAt: Date | string | null;
}

const NotificationKindEnum = builder.enumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'NEW_FOLLOWER, LIKE, COMMENT, REPLY, REMIX (your video was remixed), CAST (you were cast in a video).',
});

const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

const Notification = builder.objectRef<NotificationRow>('Notification').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: NotificationKindEnum, resolve: (row) => row.kind }),
    actor: t.field({ type: UserRef, nullable: true, resolve: (row) => (row.actorId ? { id: row.actorId } : null) }),
    video: t.field({ type: GenerationRef, nullable: true, resolve: (row) => (row.generationId ? { id: row.generationId } : null) }),
    comment: t.field({
      type: Comment,
      nullable: true,
      description: 'Null once the comment is deleted.',
      resolve: (row, _args, ctx) => (row.commentId ? ctx.db.comment.findUnique({ where: { id: row.commentId } }) : null),
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (row) => asDate(row.createdAt) }),
    read: t.boolean({ resolve: (row) => row.readAt !== null }),
  }),
});

const NotificationEdge = builder.objectRef<Edge<NotificationRow>>('NotificationEdge').implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: Notification, resolve: (edge) => edge.node }),
  }),
});

const NotificationConnection = builder.objectRef<Connection<NotificationRow>>('NotificationConnection').implement({
  fields: (t) => ({
    edges: t.field({ type: [NotificationEdge], resolve: (page) => page.edges }),
    pageInfo: t.field({ type: PageInfo, resolve: (page) => page.pageInfo }),
  }),
});

async function notificationPage(ctx: SocialContext, args: { first?: number | null; after?: string | null; unreadOnly?: boolean | null }) {
  const viewer = viewerOf(ctx);
  const size = pageSize(args.first);
  const connection = `Query.notifications:${args.unreadOnly ? 'unread' : 'all'}`;
  const after = args.after ? decodeCursor(ctx, connection, args.after) : null;
  const rows = await ctx.db.notification.findMany({
    where: {
      recipientId: viewer,
      ...(args.unreadOnly ? { readAt: null } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.key } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: size + 1,
  });
  return connectionFromRows<NotificationRow>(rows, size, args.after, (row) => encodeCursor(ctx, connection, asDate(row.createdAt), row.id));
}

builder.queryFields((t) => ({
  notifications: t.field({
    type: NotificationConnection,
    description: 'Your notifications, newest first.',
    args: { first: t.arg.int(), after: t.arg.string(), unreadOnly: t.arg.boolean() },
    directives: connectionSize(PAGE_MAX),
    resolve: (_root, args, ctx) => notificationPage(ctx, args),
  }),
  unreadNotificationCount: t.int({
    resolve: (_root, _args, ctx) => ctx.db.notification.count({ where: { recipientId: viewerOf(ctx), readAt: null } }),
  }),
}));

builder.mutationFields((t) => ({
  markNotificationsRead: t.int({
    description: 'Marks the given notifications (all of yours when ids is omitted) read; returns how many changed.',
    args: { ids: t.arg.idList() },
    resolve: async (_root, { ids }, ctx) => {
      const viewer = viewerOf(ctx);
      const { count } = await ctx.db.notification.updateMany({
        where: {
          recipientId: viewer,
          readAt: null,
          ...(ids ? { id: { in: ids.map(String).filter((id) => /^[0-9a-f-]{36}$/i.test(id)) } } : {}),
        },
        data: { readAt: new Date() },
      });
      return count;
    },
  }),
}));

builder.subscriptionType({});
builder.subscriptionFields((t) => ({
  notificationReceived: t.field({
    type: Notification,
    description: 'Each new notification of yours, as it happens.',
    subscribe: (_root, _args, ctx) => ctx.pubsub.subscribe(notificationTopic(viewerOf(ctx))) as AsyncIterable<LiveNotification>,
    resolve: (notification) => notification,
  }),
}));
