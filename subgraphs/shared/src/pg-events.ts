import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { deliver, eventsApplied, replayRequested, sleep, type RawDb, type RetryPolicy } from './event-delivery';
import type { DomainEvent } from './events';

/**
 * Domain events on PostgreSQL itself, for deployments without Redis (the embedded default): the
 * producer's outbox table is the log, read in commit-safe order. Outbox ids are handed out at
 * insert, not at commit, so "every id after the last one I read" would pass over a row whose
 * transaction commits late. Each row records its transaction's id (`xid`, xid8); a reader takes
 * only rows whose transaction is older than the oldest one still running
 * (`pg_snapshot_xmin(pg_current_snapshot())`) — that set can no longer grow — in (xid, id)
 * order, and keeps its position as that pair. Positions live in the consumer's own schema
 * (`<consumer>.event_position`), with a lease so one replica reads a source at a time; the
 * handler's processed id makes a redelivery after a crash harmless.
 *
 * Readers poll (every `pollMs`), and on a server that passes NOTIFY between sessions they are
 * woken at once by the outbox's trigger (channel `cameo_outbox`, payload the source schema). The
 * embedded PGlite shares one session across connections, so there only polling delivers.
 */

/** NOTIFY channel of the outbox tables' triggers (see the event_transport migrations). */
export const OUTBOX_CHANNEL = 'cameo_outbox';

export interface OutboxRow {
  id: bigint;
  topic: string;
  payload: unknown;
  created_at: Date;
  xid: string;
}

const toEvent = (source: string, row: OutboxRow): DomainEvent => ({
  id: `${source}:${row.id}`,
  topic: row.topic,
  payload: row.payload,
  at: row.created_at.toISOString(),
});

/**
 * The next committed events of `source` after (afterXid, afterId), oldest first. Only rows whose
 * transactions are all finished are returned, so the answer never changes behind a reader.
 */
export async function readCommitted(db: RawDb, source: string, after: { xid: string; id: string }, limit: number) {
  const rows = await db.$queryRawUnsafe<OutboxRow[]>(
    `SELECT id, topic, payload, created_at, xid::text AS xid FROM "${source}"."outbox"
      WHERE (xid, id) > ($1::xid8, $2::bigint) AND xid < pg_snapshot_xmin(pg_current_snapshot())
      ORDER BY xid, id LIMIT $3`,
    after.xid,
    after.id,
    limit,
  );
  return rows.map((row) => ({ event: toEvent(source, row), position: { xid: row.xid, id: row.id.toString() } }));
}

/** Every committed event of `source`, oldest first (a rebuild). */
export async function* replayOutbox(db: RawDb, source: string, batchSize = 500): AsyncGenerator<DomainEvent> {
  let after = { xid: '0', id: '0' };
  for (;;) {
    const batch = await readCommitted(db, source, after, batchSize);
    for (const { event } of batch) yield event;
    if (batch.length < batchSize) return;
    after = batch.at(-1)!.position;
  }
}

export interface PgConsumerOptions {
  db: RawDb;
  /** The consuming subgraph (its schema keeps the position and dead letters). */
  consumer: string;
  /** The producing subgraph (its schema holds the outbox). */
  source: string;
  handle: (event: DomainEvent) => Promise<void>;
  onError: (error: unknown) => void;
  /** Wakes the reader at once when called (a NOTIFY arrived). */
  wake?: { subscribe(source: string, wake: () => void): () => void };
  retry?: RetryPolicy;
  /** Default: 250 ms. */
  pollMs?: number;
  /** Events per read. Default: 100. */
  batchSize?: number;
  /** How long a reader holds a source before another replica may take over. Default: 30 s. */
  leaseMs?: number;
}

export interface Stoppable {
  stop(): Promise<void>;
}

/** Starts reading `source`'s outbox for `consumer`; stop() waits for the event being handled. */
export function startPgConsumer(options: PgConsumerOptions): Stoppable {
  const { db, consumer, source } = options;
  const me = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const leaseSeconds = (options.leaseMs ?? 30_000) / 1000;
  const abort = new AbortController();
  let wakeUp: () => void = () => {};
  const unsubscribe = options.wake?.subscribe(source, () => wakeUp());
  const target = { consumer, source, db, handle: options.handle, onError: options.onError, retry: options.retry, signal: abort.signal };

  /** Takes or renews the lease; returns the position, or null while another replica holds it. */
  const lease = async () => {
    await db.$executeRawUnsafe(`INSERT INTO "${consumer}"."event_position" (source) VALUES ($1) ON CONFLICT DO NOTHING`, source);
    const rows = await db.$queryRawUnsafe<{ last_xid: bigint; last_id: bigint }[]>(
      `UPDATE "${consumer}"."event_position" SET leased_by = $2, lease_until = now() + make_interval(secs => $3::double precision)
        WHERE source = $1 AND (leased_by IS NULL OR leased_by = $2 OR lease_until < now())
        RETURNING last_xid, last_id`,
      source,
      me,
      leaseSeconds,
    );
    return rows[0] ? { xid: rows[0].last_xid.toString(), id: rows[0].last_id.toString() } : null;
  };

  const advance = (position: { xid: string; id: string }) =>
    db.$executeRawUnsafe(
      `UPDATE "${consumer}"."event_position" SET last_xid = $2::bigint, last_id = $3::bigint WHERE source = $1 AND leased_by = $4`,
      source,
      position.xid,
      position.id,
      me,
    );

  const pass = async (): Promise<number> => {
    const position = await lease();
    if (!position) return 0;
    await replayRequested(target);
    const batch = await readCommitted(db, source, position, options.batchSize ?? 100);
    for (const { event, position: next } of batch) {
      const outcome = await deliver(target, event);
      if (outcome === 'stopped') return 0;
      if (outcome === 'applied') eventsApplied.inc({ consumer, source, transport: 'postgres' });
      await advance(next);
    }
    return batch.length;
  };

  const loop = async () => {
    while (!abort.signal.aborted) {
      let read = 0;
      try {
        read = await pass();
      } catch (error) {
        if (abort.signal.aborted) break;
        options.onError(error);
        await sleep(1_000, abort.signal);
      }
      if (read > 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, options.pollMs ?? 250);
        const onAbort = () => done();
        abort.signal.addEventListener('abort', onAbort, { once: true });
        function done() {
          clearTimeout(timer);
          abort.signal.removeEventListener('abort', onAbort);
          wakeUp = () => {};
          resolve();
        }
        wakeUp = done;
      });
    }
    // Let another replica take over at once rather than after the lease.
    await db
      .$executeRawUnsafe(`UPDATE "${consumer}"."event_position" SET leased_by = NULL WHERE source = $1 AND leased_by = $2`, source, me)
      .catch(() => {});
  };
  const running = loop();

  return {
    stop: async () => {
      abort.abort();
      wakeUp();
      unsubscribe?.();
      await running;
    },
  };
}

/**
 * One LISTEN connection per process that wakes the readers of a source when its outbox trigger
 * fires. Failure to listen is not an error: readers poll anyway.
 */
export function listenForOutbox(databaseUrl: string, onError: (error: unknown) => void) {
  const listeners = new Map<string, Set<() => void>>();
  let client: pg.Client | undefined;
  let closed = false;
  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on('error', (error) => {
      onError(error);
      client = undefined;
      if (!closed) setTimeout(() => void connect().catch(() => {}), 2_000).unref();
    });
    next.on('notification', (message) => {
      for (const wake of listeners.get(message.payload ?? '') ?? []) wake();
    });
    await next.connect();
    await next.query(`LISTEN ${OUTBOX_CHANNEL}`);
    if (closed) return void (await next.end().catch(() => {}));
    client = next;
  };
  const ready = connect().catch((error: unknown) => onError(error));
  return {
    ready,
    subscribe(source: string, wake: () => void) {
      const set = listeners.get(source) ?? new Set();
      set.add(wake);
      listeners.set(source, set);
      return () => set.delete(wake);
    },
    async close() {
      closed = true;
      await ready;
      await client?.end().catch(() => {});
    },
  };
}
