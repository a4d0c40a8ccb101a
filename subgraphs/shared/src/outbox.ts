import type { Redis } from 'ioredis';
import { toStreamFields } from './events';

/**
 * The transactional outbox every subgraph uses for domain events. A subgraph's Prisma schema
 * has an `OutboxEvent` model mapped to `"<schema>"."outbox"` (id bigserial, topic, payload
 * jsonb, created_at, published_at). `emitEvent` writes an event in the same transaction as the
 * change it describes, so neither exists without the other; `relayOutbox` copies unpublished
 * events to the subgraph's Redis stream. While Redis is down the rows wait. A relay that dies
 * between XADD and marking the rows re-publishes them, so each event carries a stable id
 * (`<subgraph>:<row id>`) for consumers to dedupe on.
 */

/** The part of a Prisma transaction client the outbox needs (structural: any subgraph's fits). */
export interface OutboxWriter {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each subgraph's Prisma JSON input type differs; any of them must fit
  outboxEvent: { create(args: { data: { topic: string; payload: any } }): PromiseLike<unknown> };
}

export async function emitEvent<Events, Topic extends keyof Events & string>(
  tx: OutboxWriter,
  topic: Topic,
  payload: Events[Topic],
): Promise<void> {
  await tx.outboxEvent.create({ data: { topic, payload } });
}

interface RawTransaction {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}
/** The part of a Prisma client the relay needs. */
export interface OutboxDb extends RawTransaction {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each subgraph's transaction client is its own type; the relay uses only RawTransaction
  $transaction<T>(fn: (tx: any) => Promise<T>): Promise<T>;
}

/** Events relayed per pass. Default: 100. */
export const RELAY_BATCH_SIZE = 100;

export interface RelayOptions {
  /** The producing subgraph: its Postgres schema and the prefix of event ids. */
  subgraph: string;
  /** The Redis stream, normally eventStream(subgraph). */
  stream: string;
  /** Default: RELAY_BATCH_SIZE. */
  batchSize?: number;
}

/**
 * Publishes unpublished events oldest first and returns how many. Rows are locked with
 * SKIP LOCKED so several relays (replicas) never publish the same row at once.
 */
export async function relayOutbox(db: OutboxDb, redis: Redis, options: RelayOptions): Promise<number> {
  const table = `"${options.subgraph}"."outbox"`;
  // An idle pass is one indexed read outside any transaction: the relay runs ten times a second
  // and must not take a transaction slot (and a pooled connection) from requests when idle.
  const waiting = await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM ${table} WHERE published_at IS NULL LIMIT 1`);
  if (waiting.length === 0) return 0;
  return db.$transaction(async (tx: RawTransaction) => {
    const rows = await tx.$queryRawUnsafe<{ id: bigint; topic: string; payload: unknown; created_at: Date }[]>(
      `SELECT id, topic, payload, created_at FROM ${table} WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      options.batchSize ?? RELAY_BATCH_SIZE,
    );
    if (rows.length === 0) return 0;
    const pipeline = redis.multi();
    for (const row of rows) {
      const event = { id: `${options.subgraph}:${row.id}`, topic: row.topic, payload: row.payload, at: row.created_at.toISOString() };
      pipeline.xadd(options.stream, '*', ...toStreamFields(event));
    }
    const results = await pipeline.exec();
    const failed = results?.find(([error]) => error);
    if (!results || failed) throw failed?.[0] ?? new Error('Redis did not run the XADD batch');
    await tx.$executeRawUnsafe(
      `UPDATE ${table} SET published_at = now() WHERE id = ANY($1::bigint[])`,
      rows.map((row) => row.id.toString()),
    );
    return rows.length;
  });
}

export interface OutboxRelay {
  stop(): Promise<void>;
}

/**
 * Relays every `intervalMs` (default 100: a domain event reaches Redis within about a tenth of a
 * second; an idle pass is one indexed read) until stopped; errors are reported and retried.
 */
export function startOutboxRelay(
  db: OutboxDb,
  redis: Redis,
  options: RelayOptions & { onError: (error: unknown) => void; intervalMs?: number },
): OutboxRelay {
  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      try {
        if ((await relayOutbox(db, redis, options)) === (options.batchSize ?? RELAY_BATCH_SIZE)) continue;
      } catch (error) {
        options.onError(error);
      }
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
    }
  };
  const running = loop();
  return {
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}
