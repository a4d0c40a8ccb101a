import { Counter, Registry } from 'prom-client';
import type { DomainEvent } from './events';

/**
 * How a consumer applies one event on either transport: retried with exponential backoff, and
 * after the last attempt written to the consumer's dead-letter table (`<schema>.dead_letter_event`)
 * and passed over, so one event that keeps failing cannot wedge the stream behind it. A person
 * reads and replays dead letters with `npm run events` (scripts/events.ts); a running consumer
 * picks up the ones marked for replay.
 *
 * Written here rather than taken from a library: the retry is a loop of a few lines, and what
 * matters (where a dead letter goes, how it is replayed) is specific to our outbox tables.
 */

/** The raw SQL a consumer's own Prisma client offers (every subgraph's client fits). */
export interface RawDb {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export interface RetryPolicy {
  /** Attempts before an event is dead-lettered. Default: 5. */
  attempts?: number;
  /** Delay before the second attempt, doubled after each. Default: 200 ms. */
  firstDelayMs?: number;
  /** Longest delay between attempts. Default: 5 s. */
  maxDelayMs?: number;
}

/** The event metrics of this process (every subgraph's /metrics shows them, labelled by consumer). */
export const eventMetrics = new Registry();

export const deadLettered = new Counter({
  name: 'cameo_events_dead_lettered_total',
  help: 'Domain events a consumer gave up on after its retries (see `npm run events -- list`).',
  labelNames: ['consumer', 'source'],
  registers: [eventMetrics],
});

export const eventsApplied = new Counter({
  name: 'cameo_events_applied_total',
  help: 'Domain events a consumer applied (including replays it recognised as done).',
  labelNames: ['consumer', 'source', 'transport'],
  registers: [eventMetrics],
});

/** Waits `ms`, or less if `signal` aborts; leaves no listener behind either way (readers sleep often). */
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

export interface DeliveryTarget {
  /** The consuming subgraph: its Postgres schema holds the dead letters. */
  consumer: string;
  /** The producing subgraph. */
  source: string;
  db: RawDb;
  handle: (event: DomainEvent) => Promise<void>;
  onError: (error: unknown) => void;
  retry?: RetryPolicy;
  /** Ends the retries early (the consumer is stopping); the event is then left for redelivery. */
  signal?: AbortSignal;
}

export type DeliveryOutcome = 'applied' | 'dead-lettered' | 'stopped';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Applies `event`, retrying; returns what became of it. Throws only if the dead letter cannot be written. */
export async function deliver(target: DeliveryTarget, event: DomainEvent): Promise<DeliveryOutcome> {
  const attempts = Math.max(1, target.retry?.attempts ?? 5);
  let delay = target.retry?.firstDelayMs ?? 200;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (target.signal?.aborted) return 'stopped';
    try {
      await target.handle(event);
      return 'applied';
    } catch (error) {
      lastError = error;
      target.onError(new Error(`${target.consumer} <- ${event.id} (${event.topic}), attempt ${attempt}/${attempts}: ${message(error)}`));
      if (attempt < attempts) {
        await sleep(delay, target.signal);
        delay = Math.min(delay * 2, target.retry?.maxDelayMs ?? 5_000);
      }
    }
  }
  if (target.signal?.aborted) return 'stopped';
  await writeDeadLetter(target, event, message(lastError), attempts);
  return 'dead-lettered';
}

async function writeDeadLetter(target: DeliveryTarget, event: DomainEvent, error: string, attempts: number) {
  await target.db.$executeRawUnsafe(
    `INSERT INTO "${target.consumer}"."dead_letter_event" (event_id, source, topic, payload, at, error, attempts)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)
     ON CONFLICT (event_id) DO UPDATE SET error = EXCLUDED.error, attempts = "dead_letter_event".attempts + EXCLUDED.attempts,
       dead_at = now(), replay_requested_at = NULL`,
    event.id,
    target.source,
    event.topic,
    JSON.stringify(event.payload ?? null),
    event.at,
    error,
    attempts,
  );
  deadLettered.inc({ consumer: target.consumer, source: target.source });
  target.onError(new Error(`${target.consumer} <- ${event.id} (${event.topic}) dead-lettered after ${attempts} attempts: ${error}`));
}

interface DeadLetterRow {
  event_id: string;
  source: string;
  topic: string;
  payload: unknown;
  at: string;
  error: string;
  attempts: number;
  dead_at: Date;
  replay_requested_at: Date | null;
}

export interface DeadLetter {
  eventId: string;
  source: string;
  topic: string;
  error: string;
  attempts: number;
  deadAt: Date;
  replayRequested: boolean;
}

const toDeadLetter = (row: DeadLetterRow): DeadLetter => ({
  eventId: row.event_id,
  source: row.source,
  topic: row.topic,
  error: row.error,
  attempts: row.attempts,
  deadAt: row.dead_at,
  replayRequested: row.replay_requested_at !== null,
});

export async function listDeadLetters(db: RawDb, consumer: string): Promise<DeadLetter[]> {
  const rows = await db.$queryRawUnsafe<DeadLetterRow[]>(`SELECT * FROM "${consumer}"."dead_letter_event" ORDER BY dead_at, event_id`);
  return rows.map(toDeadLetter);
}

/** Marks dead letters (all of the consumer's, or the given ids) for the running consumer to replay. */
export async function requestReplay(db: RawDb, consumer: string, eventIds?: string[]): Promise<number> {
  return eventIds
    ? db.$executeRawUnsafe(
        `UPDATE "${consumer}"."dead_letter_event" SET replay_requested_at = now() WHERE event_id = ANY($1::text[])`,
        eventIds,
      )
    : db.$executeRawUnsafe(`UPDATE "${consumer}"."dead_letter_event" SET replay_requested_at = now()`);
}

/**
 * One pass over the dead letters marked for replay from `source`: each is applied once more
 * (no retries: it already had them); applied ones are deleted, failures unmarked with the new error.
 */
export async function replayRequested(target: DeliveryTarget): Promise<number> {
  const rows = await target.db.$queryRawUnsafe<DeadLetterRow[]>(
    `SELECT * FROM "${target.consumer}"."dead_letter_event" WHERE replay_requested_at IS NOT NULL AND source = $1 ORDER BY dead_at LIMIT 50`,
    target.source,
  );
  let replayed = 0;
  for (const row of rows) {
    const event: DomainEvent = { id: row.event_id, topic: row.topic, payload: row.payload, at: row.at };
    try {
      await target.handle(event);
      await target.db.$executeRawUnsafe(`DELETE FROM "${target.consumer}"."dead_letter_event" WHERE event_id = $1`, row.event_id);
      replayed++;
    } catch (error) {
      await target.db.$executeRawUnsafe(
        `UPDATE "${target.consumer}"."dead_letter_event" SET replay_requested_at = NULL, error = $2, attempts = attempts + 1 WHERE event_id = $1`,
        row.event_id,
        message(error),
      );
      target.onError(new Error(`${target.consumer} <- ${event.id} replay failed: ${message(error)}`));
    }
  }
  return replayed;
}

export { sleep };
