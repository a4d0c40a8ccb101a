import type { Logger } from '@cameo/kernel/logger';
import type { PubSub } from '@cameo/kernel/pubsub';
import { SESSION_REVOKED_TOPIC, type SessionRevoked } from '@cameo/kernel/session-token';
import type { UsersDb } from './db';

/**
 * Sessions end for a whole account at once: signOutEverywhere bumps `user.session_version`,
 * deleteAccount removes the row. Gateways learn the current version from
 * `POST /internal/session-versions` (cached briefly) and hear `session.revoked` on the live bus
 * to drop their cache and close that account's WebSockets at once.
 */

/** The current session version of each live account among `userIds`; unknown and deleted ids are absent. */
export async function sessionVersions(db: UsersDb, userIds: string[]): Promise<{ userId: string; sessionVersion: number }[]> {
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, sessionVersion: true } });
  return users.map((user) => ({ userId: user.id, sessionVersion: user.sessionVersion }));
}

/**
 * Announces, after the commit, that sessions of an account ended. Live messages are at most
 * once: one lost here (Redis away) reaches the gateways by the durable event written with the
 * change (`user.sessions_ended`, `user.deleted`), which they follow too, so the mutation still
 * succeeds and the loss is only logged.
 */
export async function announceSessionsEnded(pubsub: PubSub, logger: Logger, message: SessionRevoked): Promise<void> {
  try {
    await pubsub.publish(SESSION_REVOKED_TOPIC, message);
  } catch (error) {
    logger.error(`session.revoked not published for ${message.userId}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
