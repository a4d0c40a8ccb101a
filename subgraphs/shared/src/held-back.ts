import { Gauge } from 'prom-client';
import { eventMetrics, type RawDb } from './event-delivery';

/**
 * A PostgreSQL event reader takes only rows older than the oldest transaction still running on
 * the whole server (pg-events.ts): one long write transaction anywhere — another database's,
 * a bulk load, a transaction left open in psql — holds every event back until it ends. That is
 * the price of never passing over a late commit, and it is silent by nature: the feed simply
 * stops changing. This watch makes it loud. While a reader finds nothing to read but its source
 * has rows waiting, it measures how long; past `warnAfterMs` it reports the transaction holding
 * them (pid, database, age, statement) once per hold, and `cameo_events_held_back_seconds`
 * shows the wait.
 */

export const heldBackSeconds = new Gauge({
  name: 'cameo_events_held_back_seconds',
  help: 'How long committed events of a source have waited behind an older transaction still running on the PostgreSQL server (0: none waiting).',
  labelNames: ['consumer', 'source'],
  registers: [eventMetrics],
});

export interface HeldBackWatch {
  /** The reader found nothing past `position`: are rows waiting there, and for how long? */
  quiet(position: { xid: string; id: string }): Promise<void>;
  /** The reader read rows: nothing is held back. */
  flowing(): void;
}

export function watchHeldBack(options: {
  db: RawDb;
  consumer: string;
  source: string;
  onError: (error: unknown) => void;
  /** Default: 10 s. */
  warnAfterMs?: number;
}): HeldBackWatch {
  const { db, consumer, source } = options;
  const warnAfterMs = options.warnAfterMs ?? 10_000;
  // One index probe at most this often while quiet: never a cost on an idle reader's every poll.
  const checkEveryMs = Math.min(5_000, warnAfterMs / 2);
  let nextCheckAt = 0;
  let heldSince: number | undefined;
  let reported = false;
  const labels = { consumer, source };

  const flowing = () => {
    heldSince = undefined;
    reported = false;
    heldBackSeconds.set(labels, 0);
  };

  const oldestTransaction = async () => {
    const [oldest] = await db.$queryRawUnsafe<{ pid: number; datname: string | null; seconds: number | null; query: string | null }[]>(
      `SELECT pid, datname, extract(epoch FROM now() - xact_start)::float8 AS seconds, left(query, 200) AS query
        FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid() ORDER BY age(backend_xid) DESC LIMIT 1`,
    );
    return oldest
      ? `transaction of pid ${oldest.pid} in database ${oldest.datname ?? '?'}, running ${Math.round(oldest.seconds ?? 0)} s: ${oldest.query ?? '?'}`
      : 'a transaction not in pg_stat_activity (a prepared transaction? see pg_prepared_xacts)';
  };

  return {
    flowing,
    quiet: async (position) => {
      const now = Date.now();
      if (now < nextCheckAt) return;
      nextCheckAt = now + checkEveryMs;
      const [waiting] = await db.$queryRawUnsafe<{ waiting: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM "${source}"."outbox" WHERE (xid, id) > ($1::xid8, $2::bigint)) AS waiting`,
        position.xid,
        position.id,
      );
      if (!waiting?.waiting) return flowing();
      heldSince ??= now;
      heldBackSeconds.set(labels, (now - heldSince) / 1000);
      if (reported || now - heldSince < warnAfterMs) return;
      reported = true;
      const holder = await oldestTransaction().catch((error: unknown) => `a transaction not found (${String(error)})`);
      options.onError(
        new Error(
          `${consumer}: ${source}'s events held back ${Math.round((now - heldSince) / 1000)} s by an older ${holder}; they follow once it ends`,
        ),
      );
    },
  };
}
