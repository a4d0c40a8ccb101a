import { randomBytes } from 'node:crypto';
import { deliver, eventsApplied, replayRequested, sleep, type RawDb, type RetryPolicy } from './event-delivery';
import type { DomainEvent } from './events';
import { watchHeldBack } from './held-back';

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
 * Readers poll every `pollMs` with one small index read, and every `idlePollMs` once a source has
 * been quiet for two seconds (the embedded database runs in this process: 50 polls a second cost
 * a tenth of a core doing nothing). No LISTEN/NOTIFY: a NOTIFY
 * in the producer's transaction serialises every commit that sends one behind a cluster-wide
 * queue lock (200 concurrent likes timed out waiting for connections when the outbox had a
 * NOTIFY trigger), and the embedded PGlite passes no NOTIFY between connections anyway.
 */

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
export async function readCommitted(
  db: RawDb,
  source: string,
  after: { xid: string; id: string },
  limit: number,
  /** Only rows no running transaction can still precede (a live reader); false: every row visible now (a rebuild). */
  settledOnly = true,
) {
  const rows = await db.$queryRawUnsafe<OutboxRow[]>(
    `SELECT id, topic, payload, created_at, xid::text AS xid FROM "${source}"."outbox"
      WHERE (xid, id) > ($1::xid8, $2::bigint) ${settledOnly ? 'AND xid < pg_snapshot_xmin(pg_current_snapshot())' : ''}
      ORDER BY xid, id LIMIT $3`,
    after.xid,
    after.id,
    limit,
  );
  return rows.map((row) => ({ event: toEvent(source, row), position: { xid: row.xid, id: row.id.toString() } }));
}

/**
 * Every event of `source` committed by now, oldest first (a rebuild). Unlike a live reader it
 * does not wait for older transactions still running elsewhere: what they commit later reaches
 * the read model through its live consumer, whose position this does not move.
 */
export async function* replayOutbox(db: RawDb, source: string, batchSize = 500): AsyncGenerator<DomainEvent> {
  let after = { xid: '0', id: '0' };
  for (;;) {
    const batch = await readCommitted(db, source, after, batchSize, false);
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
  retry?: RetryPolicy;
  /** Default: 100 ms. */
  pollMs?: number;
  /** Poll interval after two quiet seconds, until the next event. Default: 400 ms. */
  idlePollMs?: number;
  /** Events per read. Default: 100. */
  batchSize?: number;
  /** How long a reader holds a source before another replica may take over. Default: 30 s. */
  leaseMs?: number;
  /** How long events may wait behind an older running transaction before it is reported (held-back.ts). Default: 10 s. */
  heldBackWarnMs?: number;
}

export interface Stoppable {
  stop(): Promise<void>;
}

/** Starts reading `source`'s outbox for `consumer`; stop() waits for the event being handled. */
export function startPgConsumer(options: PgConsumerOptions): Stoppable {
  const { db, consumer, source } = options;
  const me = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const leaseSeconds = (options.leaseMs ?? 30_000) / 1000;
  // While the lease has a third of its time left, an idle poll is one read and nothing else.
  let held: { position: { xid: string; id: string }; renewAt: number } | null = null;
  let nextReplayAt = 0;
  const leaseMs = options.leaseMs ?? 30_000;
  const abort = new AbortController();
  const target = { consumer, source, db, handle: options.handle, onError: options.onError, retry: options.retry, signal: abort.signal };
  const heldBack = watchHeldBack({ db, consumer, source, onError: options.onError, warnAfterMs: options.heldBackWarnMs });

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

  /** Moves the position on; false when the lease was lost meanwhile (another replica reads now). */
  const advance = async (position: { xid: string; id: string }) =>
    (await db.$executeRawUnsafe(
      `UPDATE "${consumer}"."event_position" SET last_xid = $2::bigint, last_id = $3::bigint WHERE source = $1 AND leased_by = $4`,
      source,
      position.xid,
      position.id,
      me,
    )) === 1;

  const pass = async (): Promise<number> => {
    if (!held || Date.now() >= held.renewAt) {
      const position = await lease();
      held = position ? { position, renewAt: Date.now() + leaseMs / 3 } : null;
    }
    if (!held) return 0;
    if (Date.now() >= nextReplayAt) {
      nextReplayAt = Date.now() + 2_000;
      await replayRequested(target);
    }
    const batch = await readCommitted(db, source, held.position, options.batchSize ?? 100);
    if (batch.length === 0) await heldBack.quiet(held.position);
    else heldBack.flowing();
    for (const { event, position: next } of batch) {
      const outcome = await deliver(target, event);
      if (outcome === 'stopped') return 0;
      if (outcome === 'applied') eventsApplied.inc({ consumer, source, transport: 'postgres' });
      if (!(await advance(next))) {
        held = null;
        return 0;
      }
      held.position = next;
    }
    return batch.length;
  };

  const loop = async () => {
    await pollUntilStopped(abort.signal, { pollMs: options.pollMs, idlePollMs: options.idlePollMs ?? 400, pass, onError: options.onError });
    // Let another replica take over at once rather than after the lease.
    await db
      .$executeRawUnsafe(`UPDATE "${consumer}"."event_position" SET leased_by = NULL WHERE source = $1 AND leased_by = $2`, source, me)
      .catch(() => {});
  };
  const running = loop();

  return {
    stop: async () => {
      abort.abort();
      await running;
    },
  };
}

export interface OutboxFollowerOptions {
  db: RawDb;
  /** The producing subgraph (its schema holds the outbox). */
  source: string;
  /** One event committed after the follower started. */
  handle: (event: DomainEvent) => void;
  onError: (error: unknown) => void;
  /** Default: 100 ms. */
  pollMs?: number;
  /** Poll interval after two quiet seconds, until the next event. Default: 1 s. */
  idlePollMs?: number;
}

export interface OutboxFollower {
  /** Its place in the log is known and its last read succeeded: nothing committed since it started is unread for long. */
  isLive(): boolean;
  stop(): Promise<void>;
}

/**
 * Reads every event `source` commits from now on, in this process, keeping its position in
 * memory only: for state each replica keeps for itself (a cache it invalidates), where a
 * consumer's lease would hand each event to one replica. It starts at the log's settled end, so
 * a transaction still running then is read once it commits; a failed read is tried again from
 * the same place, so nothing is skipped, only late.
 */
export function followOutbox(options: OutboxFollowerOptions): OutboxFollower {
  const { db, source } = options;
  const abort = new AbortController();
  let position: { xid: string; id: string } | undefined;
  let live = false;

  const tail = async () => {
    const rows = await db.$queryRawUnsafe<{ xid: string; id: bigint }[]>(
      `SELECT xid::text AS xid, id FROM "${source}"."outbox" WHERE xid < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY xid DESC, id DESC LIMIT 1`,
    );
    return rows[0] ? { xid: rows[0].xid, id: rows[0].id.toString() } : { xid: '0', id: '0' };
  };

  const pass = async () => {
    try {
      position ??= await tail();
      const batch = await readCommitted(db, source, position, 100);
      for (const { event, position: next } of batch) {
        position = next;
        options.handle(event);
      }
      live = true;
      return batch.length;
    } catch (error) {
      live = false;
      throw error;
    }
  };
  const running = pollUntilStopped(abort.signal, {
    pollMs: options.pollMs,
    idlePollMs: options.idlePollMs ?? 1_000,
    pass,
    onError: options.onError,
  });

  return {
    isLive: () => live && !abort.signal.aborted,
    stop: async () => {
      abort.abort();
      await running;
    },
  };
}

/** How long a source may be quiet before its readers poll at their idle interval. */
const QUIET_AFTER_MS = 2_000;

/**
 * Runs `pass` (one read of a source; it returns how many events it read) until `signal` aborts:
 * again at once after a pass that read something, after `pollMs` (default 100) while the source
 * was heard from in the last two seconds, after `idlePollMs` once it is quiet. A failed pass is
 * reported and tried again a second later.
 */
async function pollUntilStopped(
  signal: AbortSignal,
  options: { pollMs?: number; idlePollMs: number; pass: () => Promise<number>; onError: (error: unknown) => void },
) {
  const pollMs = options.pollMs ?? 100;
  const idlePollMs = Math.max(pollMs, options.idlePollMs);
  let quietSince = Date.now();
  while (!signal.aborted) {
    let read = 0;
    try {
      read = await options.pass();
    } catch (error) {
      if (signal.aborted) return;
      options.onError(error);
      await sleep(1_000, signal);
    }
    if (read > 0) {
      quietSince = Date.now();
      continue;
    }
    await sleep(Date.now() - quietSince < QUIET_AFTER_MS ? pollMs : idlePollMs, signal);
  }
}
