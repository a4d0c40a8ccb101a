import type { PubSub } from '@cameo/kernel/pubsub';
import type { SocialDb } from './db';
import type { NotificationKind } from './generated/prisma/enums.js';

type Tx = Parameters<Parameters<SocialDb['$transaction']>[0]>[0];

export interface NewNotification {
  recipientId: string;
  kind: NotificationKind;
  actorId?: string | null;
  generationId?: string | null;
  commentId?: string | null;
}

/** A notification as it travels on pub/sub to `notificationReceived` subscribers. */
export interface LiveNotification {
  id: string;
  recipientId: string;
  kind: NotificationKind;
  actorId: string | null;
  generationId: string | null;
  commentId: string | null;
  createdAt: string;
  readAt: null;
}

export const notificationTopic = (userId: string) => `notifications:${userId}`;

/** Stores notifications in the caller's transaction (nobody is notified of their own acts). */
export async function notify(tx: Tx, notifications: NewNotification[]): Promise<LiveNotification[]> {
  const created: LiveNotification[] = [];
  for (const notification of notifications) {
    if (notification.actorId && notification.actorId === notification.recipientId) continue;
    const row = await tx.notification.create({ data: notification });
    created.push({ ...row, createdAt: row.createdAt.toISOString(), readAt: null });
  }
  return created;
}

/** After the transaction commits: live delivery, at most once (the list is the record). */
export async function deliver(pubsub: PubSub, notifications: LiveNotification[]): Promise<void> {
  await Promise.all(notifications.map((notification) => pubsub.publish(notificationTopic(notification.recipientId), notification))).catch(
    () => {},
  );
}
