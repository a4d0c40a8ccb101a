import pg from 'pg';
import type { RawDb } from './event-delivery';
import type { OutboxDb } from './outbox';

/**
 * The raw-SQL face of a Prisma client (what the event transport and the outbox relay use), on
 * a plain pg pool: for scripts and kernel tests that need a database but no subgraph's client.
 */
export function rawDb(databaseUrl: string): RawDb & OutboxDb & { end(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  // An idle connection the server ends (a restart, a dropped database) is an 'error' on the
  // pool; unheard, it would end the process. The pool replaces it on the next query.
  pool.on('error', () => undefined);
  const on = (client: pg.Pool | pg.PoolClient): RawDb => ({
    $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) => (await client.query(query, values)).rows as T,
    $executeRawUnsafe: async (query: string, ...values: unknown[]) => (await client.query(query, values)).rowCount ?? 0,
  });
  return {
    ...on(pool),
    async $transaction<T>(fn: (tx: RawDb) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    end: () => pool.end(),
  };
}
