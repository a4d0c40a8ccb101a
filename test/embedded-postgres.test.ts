import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../scripts/embedded-postgres';
import { applyMigrations, subgraphsWithMigrations } from '@cameo/kernel/migrations';
import { quietFor } from '@cameo/test-helpers/graphql';

const root = mkdtempSync(path.join(os.tmpdir(), 'cameo-pglite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the embedded PostgreSQL', () => {
  it('serves pooled connections, transactions and the Prisma adapter, and keeps data across restarts', async () => {
    const dataDir = path.join(root, 'restart');
    const first = await startEmbeddedPostgres({ dataDir });
    const pool = new pg.Pool({ connectionString: first.url, max: 5 });
    try {
      await pool.query('CREATE SCHEMA s');
      await pool.query('CREATE TABLE s.t (id int PRIMARY KEY, label text NOT NULL)');

      // Five connections open at once, each with queries in flight.
      const clients = await Promise.all([1, 2, 3, 4, 5].map(() => pool.connect()));
      try {
        expect(pool.totalCount).toBe(5);
        const sums = await Promise.all(
          clients.flatMap((client, c) => [1, 2].map((n) => client.query('SELECT $1::int + $2::int AS n', [c + 1, n]))),
        );
        expect(sums.map((result) => result.rows[0].n)).toEqual([2, 3, 3, 4, 4, 5, 5, 6, 6, 7]);
      } finally {
        for (const client of clients) client.release();
      }

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
      try {
        const viaPrisma = await adapter.queryRaw({
          sql: 'SELECT label FROM s.t WHERE id = $1',
          args: [1],
          argTypes: [{ scalarType: 'int', arity: 'scalar' }],
        });
        expect(viaPrisma.rows).toEqual([['kept']]);
      } finally {
        await adapter.dispose();
      }
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

  describe('sharing one PGlite session between connections', () => {
    let db: EmbeddedPostgres;
    let pool: pg.Pool;
    beforeAll(async () => {
      db = await startEmbeddedPostgres({ dataDir: path.join(root, 'shared'), maxConnections: 8 });
      pool = new pg.Pool({ connectionString: db.url, max: 6 });
      await pool.query('CREATE TABLE public.notes (id int PRIMARY KEY)');
    });
    afterAll(async () => {
      await pool.end();
      await db.stop();
    });

    // pglite-socket 0.1.6 interleaved other connections' messages into a pipeline that spanned
    // several TCP reads, so a Bind could meet another connection's statement.
    it('keeps each pipeline whole, even when large parameters split it across reads', async () => {
      const big = 'x'.repeat(300_000);
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          i % 2
            ? pool.query('SELECT $1::int AS v, length($2::text) AS extra', [i, big])
            : pool.query('SELECT $1::int AS v, 7 AS extra', [i]),
        ),
      );
      expect(results.map((result) => result.rows[0])).toEqual(
        Array.from({ length: 60 }, (_, i) => ({ v: i, extra: i % 2 ? big.length : 7 })),
      );
    });

    // PGlite sends an extra ReadyForQuery after an error in the extended protocol; pg would then
    // complete the next queued query with no rows.
    it('answers the queries after a failed one with their own rows', async () => {
      const client = await pool.connect();
      try {
        const settle = (query: Promise<pg.QueryResult>) =>
          query.then(
            (result) => result.rows,
            (error: Error) => error.message,
          );
        // Queued on purpose (pg warns about it): the next query is sent as soon as one completes.
        const results = await Promise.all([
          settle(client.query('SELECT 1 / $1::int AS x', [0])),
          settle(client.query('SELECT $1::int AS b', [2])),
          settle(client.query('SELECT $1::int AS d', [3])),
        ]);
        expect(results).toEqual(['division by zero', [{ b: 2 }], [{ d: 3 }]]);
      } finally {
        client.release();
      }
    });

    // pg keeps a connection's named statements (plainQuery names its statements) and prepares
    // each once per connection; in one shared session the second connection's Parse of the same
    // name failed with "prepared statement already exists", or ran the first one's text.
    it("keeps each connection's named statements its own, and frees them when it goes", async () => {
      const clients = await Promise.all([1, 2, 3].map(() => pool.connect()));
      try {
        const results = await Promise.all(
          clients.flatMap((client, c) =>
            [1, 2].map((n) => client.query({ name: 'same-name', text: `SELECT $1::int * ${c + 1} AS v`, values: [n] })),
          ),
        );
        expect(results.map((result) => result.rows[0].v)).toEqual([1, 2, 2, 4, 3, 6]);
        // Describe and Close name the statement too (pg describes a statement before its first use with rowMode arrays).
        await clients[0]!.query({ name: 'same-name', text: 'SELECT $1::int * 1 AS v', values: [5], rowMode: 'array' });
      } finally {
        for (const client of clients) client.release(true);
      }
      const statements = async () =>
        (await pool.query("SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE '%same-name'")).rows[0].n;
      // The closed connections' statements are closed with them (cleaned up as the socket closes).
      for (let tries = 0; tries < 50 && (await statements()) > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await statements()).toBe(0);
      const fresh = await pool.connect();
      try {
        const { rows } = await fresh.query({ name: 'same-name', text: 'SELECT $1::int + 100 AS v', values: [1] });
        expect(rows).toEqual([{ v: 101 }]);
      } finally {
        fresh.release(true);
      }
    });

    it('lets no other connection into an open transaction', async () => {
      const owner = await pool.connect();
      try {
        await owner.query('BEGIN');
        await owner.query('INSERT INTO public.notes VALUES (1)');
        // Waits until the transaction ends; inside it, it would count the uncommitted row. The
        // claim is that it does not run meanwhile, so this waits out a window, not an event.
        const count = pool.query('SELECT count(*)::int AS n FROM public.notes');
        await quietFor(50);
        await owner.query('ROLLBACK');
        expect((await count).rows).toEqual([{ n: 0 }]);
      } finally {
        owner.release();
      }
    });

    it('rolls back the transaction of a client that disconnects and lets the others go on', async () => {
      const leaver = new pg.Client({ connectionString: db.url });
      await leaver.connect();
      await leaver.query('BEGIN');
      await leaver.query('INSERT INTO public.notes VALUES (2)');
      await leaver.end();
      expect((await pool.query('SELECT count(*)::int AS n FROM public.notes')).rows).toEqual([{ n: 0 }]);
      expect((await pool.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
    });

    it('accepts any user and database name but always serves postgres/postgres', async () => {
      const url = new URL(db.url);
      url.username = 'cameo';
      url.pathname = '/cameo';
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        const { rows } = await client.query('SELECT current_user AS u, current_database() AS d');
        expect(rows).toEqual([{ u: 'postgres', d: 'postgres' }]);
      } finally {
        await client.end();
      }
    });

    it('refuses connections beyond maxConnections with a Postgres error', async () => {
      const held = await Promise.all(Array.from({ length: 6 }, () => pool.connect()));
      const extra = [new pg.Client({ connectionString: db.url }), new pg.Client({ connectionString: db.url })];
      const surplus = new pg.Client({ connectionString: db.url });
      try {
        for (const client of extra) await client.connect();
        await expect(surplus.connect()).rejects.toThrow(/too many clients/);
      } finally {
        for (const client of held) client.release();
        for (const client of extra) await client.end();
      }
    });
  });

  it('takes every subgraph migration', async () => {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(root, 'migrations') });
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
