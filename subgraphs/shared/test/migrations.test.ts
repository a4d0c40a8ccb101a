import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations, migrateAll } from '../src/migrations';
import { TEST_SERVER_URL } from '../../../test/helpers/database';

let databaseUrl: string;
const databaseName = `cameo_migrations_${randomBytes(4).toString('hex')}`;
const folders: string[] = [];

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function query<Row extends pg.QueryResultRow>(sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A migrations folder with the given `name -> sql` entries. */
function migrationsFolder(migrations: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cameo-migrations-'));
  folders.push(dir);
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

beforeAll(async () => {
  await admin(`CREATE DATABASE "${databaseName}"`);
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${databaseName}`;
  databaseUrl = url.toString();
});
afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const TWO = {
  '001_first': 'CREATE TABLE s1.a (id int PRIMARY KEY);',
  '002_second': 'CREATE TABLE s1.b (id int PRIMARY KEY);',
};

describe('applyMigrations', () => {
  it('applies in order, records Prisma-compatible rows, then does nothing', async () => {
    const migrationsDir = migrationsFolder(TWO);
    const lines: string[] = [];
    const first = await applyMigrations({ databaseUrl, migrationsDir, schema: 's1', log: (line) => lines.push(line) });
    expect(first).toEqual({ applied: ['001_first', '002_second'], skipped: [] });
    expect(lines).toEqual(['s1: applied 001_first', 's1: applied 002_second']);
    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      'SELECT migration_name, checksum, applied_steps_count FROM s1._prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((row) => row.migration_name)).toEqual(['001_first', '002_second']);
    expect(rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.every((row) => row.applied_steps_count === 1)).toBe(true);

    const second = await applyMigrations({ databaseUrl, migrationsDir, schema: 's1' });
    expect(second).toEqual({ applied: [], skipped: ['001_first', '002_second'] });
  });

  it('refuses an applied migration that was edited', async () => {
    const edited = migrationsFolder({ ...TWO, '002_second': 'CREATE TABLE s1.b (id bigint PRIMARY KEY);' });
    await expect(applyMigrations({ databaseUrl, migrationsDir: edited, schema: 's1' })).rejects.toThrow(
      's1: migration 002_second was edited after it was applied',
    );
  });

  it('refuses when an applied migration is missing from the folder', async () => {
    const missing = migrationsFolder({ '001_first': TWO['001_first'] });
    await expect(applyMigrations({ databaseUrl, migrationsDir: missing, schema: 's1' })).rejects.toThrow(
      's1: migration 002_second was applied but its folder is missing',
    );
  });

  it('rolls a failing migration back whole and records nothing for it', async () => {
    const migrationsDir = migrationsFolder({
      '001_ok': 'CREATE TABLE s2.ok (id int);',
      '002_broken': 'CREATE TABLE s2.half (id int); SELECT * FROM s2.nope;',
    });
    await expect(applyMigrations({ databaseUrl, migrationsDir, schema: 's2' })).rejects.toThrow(
      's2: migration 002_broken failed: relation "s2.nope" does not exist',
    );
    const tables = await query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 's2' ORDER BY table_name",
    );
    expect(tables.map((row) => row.table_name)).toEqual(['_prisma_migrations', 'ok']);
    const records = await query<{ migration_name: string }>('SELECT migration_name FROM s2._prisma_migrations');
    expect(records.map((row) => row.migration_name)).toEqual(['001_ok']);
  });

  it('fails loudly when the folder does not exist', async () => {
    await expect(
      applyMigrations({ databaseUrl, migrationsDir: path.join(os.tmpdir(), 'no-such-folder-cameo'), schema: 's3' }),
    ).rejects.toThrow('migrations folder not found');
  });

  it('applies each migration once when runners start together', async () => {
    const migrationsDir = migrationsFolder({
      '001_counter': 'CREATE TABLE s4.runs (n int); INSERT INTO s4.runs VALUES (1);',
    });
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => applyMigrations({ databaseUrl, migrationsDir, schema: 's4' })),
    );
    expect(results.flatMap((result) => result.applied)).toEqual(['001_counter']);
    expect(await query('SELECT n FROM s4.runs')).toEqual([{ n: 1 }]);
  });
});

describe('migrateAll', () => {
  it("applies every subgraph's committed migrations", async () => {
    const result = await migrateAll(databaseUrl);
    expect(result.applied).toContainEqual(expect.stringMatching(/^users\/\d{14}_init$/));
    const tables = await query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'users' ORDER BY table_name",
    );
    expect(tables.map((row) => row.table_name)).toEqual(expect.arrayContaining(['_prisma_migrations', 'cameo', 'user']));
    expect(await migrateAll(databaseUrl)).toEqual({ applied: [], skipped: result.applied });
  });
});
