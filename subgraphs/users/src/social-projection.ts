import type { DomainEvent } from '@cameo/kernel/events';
import type { EventTransport } from '@cameo/kernel/event-transport';
import type { Stoppable } from '@cameo/kernel/pg-events';
import { Prisma } from './generated/prisma/client.js';
import type { UsersDb } from './db';
import { revokeConsent } from './events';

type Tx = Parameters<Parameters<UsersDb['$transaction']>[0]>[0];

/**
 * The users subgraph's read model of the social graph (follows and blocks), fed by the social
 * subgraph's domain events, so MUTUALS consent is decided locally with no cross-service call on
 * the hot path. Each event is applied once: its id is recorded in the same transaction, and so
 * is every loss of consent the change causes (`cameo.consent_revoked`: a new block either way,
 * an unfollow that ends a mutual follow).
 */
export type SocialEvent =
  | { id: string; topic: 'social.followed' | 'social.unfollowed'; payload: { followerId: string; followeeId: string } }
  | { id: string; topic: 'social.blocked' | 'social.unblocked'; payload: { blockerId: string; blockedId: string } };

/** Returns false when the event was applied before (a replay). */
export async function applySocialEvent(db: UsersDb, event: SocialEvent): Promise<boolean> {
  try {
    return await db.$transaction(async (tx) => {
      await tx.processedEvent.create({ data: { eventId: event.id } });
      switch (event.topic) {
        case 'social.followed':
          await tx.followEdge.createMany({ data: [event.payload], skipDuplicates: true });
          break;
        case 'social.unfollowed': {
          const { followerId, followeeId } = event.payload;
          const removed = await tx.followEdge.deleteMany({ where: event.payload });
          const reverse = await tx.followEdge.count({ where: { followerId: followeeId, followeeId: followerId } });
          if (removed.count > 0 && reverse > 0) await revokeForPair(tx, followerId, followeeId, 'MUTUAL_ENDED');
          break;
        }
        case 'social.blocked': {
          const { blockerId, blockedId } = event.payload;
          // Only the first block between the two takes consent away; a second one (the other
          // way, or a redelivery under a new id) changes nothing.
          const blocksBefore = await tx.blockEdge.count({
            where: {
              OR: [
                { blockerId, blockedId },
                { blockerId: blockedId, blockedId: blockerId },
              ],
            },
          });
          await tx.blockEdge.createMany({ data: [event.payload], skipDuplicates: true });
          if (blocksBefore === 0) await revokeForPair(tx, blockerId, blockedId, 'BLOCKED');
          // A block removes follows both ways (the social subgraph does the same on its side).
          await tx.followEdge.deleteMany({
            where: {
              OR: [
                { followerId: blockerId, followeeId: blockedId },
                { followerId: blockedId, followeeId: blockerId },
              ],
            },
          });
          break;
        }
        case 'social.unblocked':
          await tx.blockEdge.deleteMany({ where: event.payload });
          break;
      }
      return true;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false;
    throw error;
  }
}

/**
 * Each person's cameos stop being usable by the other: under a block every cameo, at the end of
 * a mutual follow those whose policy is MUTUALS. Each such cameo's policyVersion is bumped (so
 * reconcilers elsewhere see the change) and its loss recorded, naming the other person.
 */
async function revokeForPair(tx: Tx, a: string, b: string, cause: 'BLOCKED' | 'MUTUAL_ENDED'): Promise<void> {
  const cameos = await tx.cameo.updateManyAndReturn({
    where: { ownerId: { in: [a, b] }, ...(cause === 'MUTUAL_ENDED' ? { policy: 'MUTUALS' as const } : {}) },
    data: { policyVersion: { increment: 1 } },
    select: { id: true, ownerId: true, policyVersion: true },
  });
  for (const cameo of cameos) {
    await revokeConsent(tx, {
      cameoId: cameo.id,
      ownerId: cameo.ownerId,
      cause,
      policyVersion: cameo.policyVersion,
      userId: cameo.ownerId === a ? b : a,
    });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ids = (payload: unknown, keys: [string, string]) => {
  const record = payload as Record<string, unknown> | null;
  const values = keys.map((key) => record?.[key]);
  return values.every((value) => typeof value === 'string' && UUID.test(value)) ? (values as [string, string]) : null;
};

/** Validates a social domain event; null for topics the projection does not need or bad payloads. */
export function toSocialEvent(event: DomainEvent): SocialEvent | null {
  switch (event.topic) {
    case 'social.followed':
    case 'social.unfollowed': {
      const pair = ids(event.payload, ['followerId', 'followeeId']);
      return pair ? { id: event.id, topic: event.topic, payload: { followerId: pair[0], followeeId: pair[1] } } : null;
    }
    case 'social.blocked':
    case 'social.unblocked': {
      const pair = ids(event.payload, ['blockerId', 'blockedId']);
      return pair ? { id: event.id, topic: event.topic, payload: { blockerId: pair[0], blockedId: pair[1] } } : null;
    }
    default:
      return null;
  }
}

/** Keeps the projection up to date from the social subgraph's events. */
export function startSocialProjection(db: UsersDb, transport: EventTransport): Stoppable {
  return transport.consume({
    source: 'social',
    handle: async (event) => {
      const social = toSocialEvent(event);
      if (social) await applySocialEvent(db, social);
    },
  });
}
