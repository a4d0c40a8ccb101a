import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { startEmbeddedPostgres } from '../scripts/embedded-postgres';
import { applyMigrations, subgraphsWithMigrations } from '../subgraphs/shared/src/migrations';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cameo-pglite-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the embedded PostgreSQL', () => {
  it('serves pooled connections, transactions and the Prisma adapter, and keeps data across restarts', async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    const pool = new pg.Pool({ connectionString: first.url, max: 5 });
    try {
      await pool.query('CREATE SCHEMA s');
      await pool.query('CREATE TABLE s.t (id int PRIMARY KEY, label text NOT NULL)');
      const sums = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => pool.query('SELECT $1::int + 1 AS n', [n])));
      expect(sums.map((result) => result.rows[0].n)).toEqual([2, 3, 4, 5, 6, 7]);

      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query("INSERT INTO s.t VALUES (1, 'kept')");
        await client.query('COMMIT');
        await client.query('BEGIN');
        await client.query("INSERT INTO s.t VALUES (2, 'rolled back')");
        await client.query('ROLLBACK');
      } finally {
        client.release();
      }

      const adapter = await new PrismaPg({ connectionString: first.url }).connect();
      const viaPrisma = await adapter.queryRaw({ sql: 'SELECT label FROM s.t', args: [], argTypes: [] });
      expect(viaPrisma.rows).toEqual([['kept']]);
      await adapter.dispose();
    } finally {
      await pool.end();
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ dataDir });
    const client = new pg.Client({ connectionString: second.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT id, label FROM s.t');
      expect(rows).toEqual([{ id: 1, label: 'kept' }]);
    } finally {
      await client.end();
      await second.stop();
    }
  });

  it('takes every subgraph migration', async () => {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'migrations') });
    try {
      for (const subgraph of subgraphsWithMigrations()) {
        const result = await applyMigrations({ databaseUrl: embedded.url, ...subgraph });
        expect(result.applied.length).toBeGreaterThan(0);
        const again = await applyMigrations({ databaseUrl: embedded.url, ...subgraph });
        expect(again).toEqual({ applied: [], skipped: result.applied });
      }
    } finally {
      await embedded.stop();
    }
  });
});
