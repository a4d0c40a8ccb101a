import type { Redis } from 'ioredis';
import { eventStream, toStreamFields } from '../../shared/src/events';
import type { Prisma } from './generated/prisma/client.js';
import type { UsersDb } from './db';

/**
 * Domain events through a transactional outbox: `emit` writes the event in the same transaction
 * as the change it describes (so a change is never without its event, nor an event without its
 * change), and `relayOutbox` copies unpublished events to a Redis stream. If Redis is down the
 * rows wait; a relay that crashes between XADD and marking may publish an event twice, so each
 * carries its id and consumers dedupe on it.
 */
export const USERS_EVENT_STREAM = eventStream('users');

export interface ConsentRevokedEvent {
  cameoId: string;
  ownerId: string;
  /** What changed: a narrower policy, a removed grant, a deleted cameo or account. */
  cause: 'POLICY_CHANGED' | 'GRANT_REMOVED' | 'CAMEO_DELETED' | 'ACCOUNT_DELETED';
  policyVersion: number;
  /** The user who lost access, when one user did (a removed grant). */
  userId?: string;
}

export interface UsersEvents {
  'cameo.consent_revoked': ConsentRevokedEvent;
  'user.deleted': { userId: string };
}

export async function emit<Topic extends keyof UsersEvents>(
  tx: Prisma.TransactionClient,
  topic: Topic,
  payload: UsersEvents[Topic],
): Promise<void> {
  await tx.outboxEvent.create({ data: { topic, payload: payload as unknown as Prisma.InputJsonValue } });
}

/** Events relayed per pass. Default: 100. */
export const RELAY_BATCH_SIZE = 100;

/**
 * Publishes unpublished events in order, oldest first; returns how many it published. Rows
 * are locked (SKIP LOCKED) so several relays (replicas) never publish the same row at once.
 */
export async function relayOutbox(db: UsersDb, redis: Redis, stream = USERS_EVENT_STREAM, batchSize = RELAY_BATCH_SIZE): Promise<number> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: bigint; topic: string; payload: unknown; created_at: Date }[]>`
      SELECT id, topic, payload, created_at FROM "users"."outbox"
      WHERE published_at IS NULL ORDER BY id LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`;
    if (rows.length === 0) return 0;
    const pipeline = redis.multi();
    for (const row of rows) {
      const event = { id: `users:${row.id}`, topic: row.topic, payload: row.payload, at: row.created_at.toISOString() };
      pipeline.xadd(stream, '*', ...toStreamFields(event));
    }
    const results = await pipeline.exec();
    const failed = results?.find(([error]) => error);
    if (!results || failed) throw failed?.[0] ?? new Error('Redis did not run the XADD batch');
    await tx.outboxEvent.updateMany({ where: { id: { in: rows.map((row) => row.id) } }, data: { publishedAt: new Date() } });
    return rows.length;
  });
}

export interface OutboxRelay {
  stop(): Promise<void>;
}

/** Relays every `intervalMs` (default 250) until stopped; Redis errors are logged and retried. */
export function startOutboxRelay(
  db: UsersDb,
  redis: Redis,
  onError: (error: unknown) => void,
  intervalMs = 250,
): OutboxRelay {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    while (!stopped) {
      try {
        const published = await relayOutbox(db, redis);
        if (published === RELAY_BATCH_SIZE) continue;
      } catch (error) {
        onError(error);
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  };
  running = tick();
  return {
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}
