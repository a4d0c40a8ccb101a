import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations, migrateAll, SUBGRAPHS_DIR } from '../src/migrations';
import { TEST_SERVER_URL } from '@cameo/test-helpers/database';

// Every test gets its own database and migrations folder, so none depends on another's leftovers.
const databases: string[] = [];
const folders: string[] = [];

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

async function freshDatabase(): Promise<string> {
  const name = `cameo_mig_${randomBytes(6).toString('hex')}`;
  await withClient(TEST_SERVER_URL, (client) => client.query(`CREATE DATABASE "${name}"`));
  databases.push(name);
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function rows<Row extends pg.QueryResultRow>(url: string, sql: string): Promise<Row[]> {
  return withClient(url, async (client) => (await client.query<Row>(sql)).rows);
}

/** A temporary migrations folder holding `name -> migration.sql`. */
function migrationsFolder(migrations: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cameo-migrations-'));
  folders.push(dir);
  writeMigrations(dir, migrations);
  return dir;
}

function writeMigrations(dir: string, migrations: Record<string, string>) {
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(path.join(dir, name), { recursive: true });
    writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const tablesIn = async (url: string, schema: string) =>
  (
    await rows<{ table_name: string }>(
      url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = '${schema}' ORDER BY table_name`,
    )
  ).map((row) => row.table_name);
const recordNames = async (url: string, schema: string) =>
  (await rows<{ migration_name: string }>(url, `SELECT migration_name FROM ${schema}._prisma_migrations ORDER BY migration_name`)).map(
    (row) => row.migration_name,
  );

afterAll(async () => {
  for (const name of databases) {
    await withClient(TEST_SERVER_URL, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

// The second migration needs the first one's table, so running them out of order would fail.
const FIRST = 'CREATE TABLE app.account (id int PRIMARY KEY);';
const SECOND = 'CREATE TABLE app.session (account_id int NOT NULL REFERENCES app.account (id));';

describe('applyMigrations', () => {
  it('applies migrations in name order and records Prisma-compatible rows', async () => {
    const url = await freshDatabase();
    // Written second-first: order comes from the folder names, not from the file system.
    const migrationsDir = migrationsFolder({ '20260102000000_second': SECOND, '20260101000000_first': FIRST });
    const lines: string[] = [];

    const result = await applyMigrations({ databaseUrl: url, migrationsDir, schema: 'app', log: (line) => lines.push(line) });

    expect(result).toEqual({ applied: ['20260101000000_first', '20260102000000_second'], skipped: [] });
    expect(lines).toEqual(['app: applied 20260101000000_first', 'app: applied 20260102000000_second']);
    expect(await tablesIn(url, 'app')).toEqual(['_prisma_migrations', 'account', 'session']);
    const records = await rows(
      url,
      `SELECT migration_name, checksum, logs, rolled_back_at, applied_steps_count, finished_at IS NOT NULL AS finished,
              id ~ '^[0-9a-f-]{36}$' AS uuid_id
         FROM app._prisma_migrations ORDER BY migration_name`,
    );
    expect(records).toEqual([
      {
        migration_name: '20260101000000_first',
        checksum: sha256(FIRST),
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
        finished: true,
        uuid_id: true,
      },
      {
        migration_name: '20260102000000_second',
        checksum: sha256(SECOND),
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
        finished: true,
        uuid_id: true,
      },
    ]);
  });

  it('does nothing on a second run', async () => {
    const url = await freshDatabase();
    const migrationsDir = migrationsFolder({ '001_first': FIRST, '002_second': SECOND });
    await applyMigrations({ databaseUrl: url, migrationsDir, schema: 'app' });
    const lines: string[] = [];

    const again = await applyMigrations({ databaseUrl: url, migrationsDir, schema: 'app', log: (line) => lines.push(line) });

    expect(again).toEqual({ applied: [], skipped: ['001_first', '002_second'] });
    expect(lines).toEqual(['app: 001_first already applied', 'app: 002_second already applied']);
    expect(await recordNames(url, 'app')).toEqual(['001_first', '002_second']);
  });

  it('rolls a failing migration back whole, records nothing for it and stops there', async () => {
    const url = await freshDatabase();
    const migrationsDir = migrationsFolder({
      '001_ok': FIRST,
      '002_broken': 'CREATE TABLE app.half (id int); INSERT INTO app.account VALUES (1); SELECT * FROM app.nope;',
      '003_later': 'CREATE TABLE app.later (id int);',
    });

    await expect(applyMigrations({ databaseUrl: url, migrationsDir, schema: 'app' })).rejects.toThrow(
      'app: migration 002_broken failed: relation "app.nope" does not exist',
    );

    expect(await tablesIn(url, 'app')).toEqual(['_prisma_migrations', 'account']);
    expect(await rows(url, 'SELECT id FROM app.account')).toEqual([]);
    expect(await recordNames(url, 'app')).toEqual(['001_ok']);

    // Nothing of it was recorded, so the fixed file applies (an applied one could not be edited).
    writeMigrations(migrationsDir, { '002_broken': 'CREATE TABLE app.half (id int);' });
    const retry = await applyMigrations({ databaseUrl: url, migrationsDir, schema: 'app' });
    expect(retry).toEqual({ applied: ['002_broken', '003_later'], skipped: ['001_ok'] });
  });

  it('refuses an applied migration whose file was edited, before applying anything', async () => {
    const url = await freshDatabase();
    const migrationsDir = migrationsFolder({ '001_first': FIRST });
    await applyMigrations({ databaseUrl: url, migrationsDir, schema: 'app' });
    writeMigrations(migrationsDir, { '001_first': `${FIRST}\n-- an afterthought\n`, '002_second': SECOND });

    await expect(applyMigrations({ databaseUrl: url, migrationsDir, schema: 'app' })).rejects.toThrow(
      'app: migration 001_first was edited after it was applied (checksum differs)',
    );
    expect(await recordNames(url, 'app')).toEqual(['001_first']);
    expect(await tablesIn(url, 'app')).toEqual(['_prisma_migrations', 'account']);
  });

  it('refuses when an applied migration is missing from the folder', async () => {
    const url = await freshDatabase();
    const migrationsDir = migrationsFolder({ '001_first': FIRST, '002_second': SECOND });
    await applyMigrations({ databaseUrl: url, migrationsDir, schema: 'app' });
    rmSync(path.join(migrationsDir, '002_second'), { recursive: true });

    await expect(applyMigrations({ databaseUrl: url, migrationsDir, schema: 'app' })).rejects.toThrow(
      `app: migration 002_second was applied but its folder is missing from ${migrationsDir}`,
    );
  });

  it('refuses a migration that Prisma recorded as started but never finished', async () => {
    const url = await freshDatabase();
    const migrationsDir = migrationsFolder({ '001_first': FIRST });
    await applyMigrations({ databaseUrl: url, migrationsDir: migrationsFolder({}), schema: 'app' });
    await rows(
      url,
      `INSERT INTO app._prisma_migrations (id, checksum, migration_name) VALUES ('${'0'.repeat(36)}', '${sha256(FIRST)}', '001_first')`,
    );

    await expect(applyMigrations({ databaseUrl: url, migrationsDir, schema: 'app' })).rejects.toThrow(
      'app: migration 001_first failed earlier and is recorded as unfinished',
    );
  });

  it('fails loudly when the migrations folder does not exist', async () => {
    const url = await freshDatabase();
    const missing = path.join(os.tmpdir(), `cameo-no-such-migrations-${randomBytes(4).toString('hex')}`);

    await expect(applyMigrations({ databaseUrl: url, migrationsDir: missing, schema: 'app' })).rejects.toThrow(
      `migrations folder not found: ${missing}`,
    );
  });

  it('applies each migration exactly once when runners start together', async () => {
    const url = await freshDatabase();
    const migrationsDir = migrationsFolder({
      '001_runs': "CREATE TABLE app.runs (migration text NOT NULL); INSERT INTO app.runs VALUES ('001');",
      '002_more': "INSERT INTO app.runs VALUES ('002');",
      '003_more': "INSERT INTO app.runs VALUES ('003');",
    });

    const results = await Promise.all([1, 2, 3, 4].map(() => applyMigrations({ databaseUrl: url, migrationsDir, schema: 'app' })));

    expect(results.flatMap((result) => result.applied).sort()).toEqual(['001_runs', '002_more', '003_more']);
    for (const result of results) expect([...result.applied, ...result.skipped].sort()).toEqual(['001_runs', '002_more', '003_more']);
    expect(await rows(url, 'SELECT migration FROM app.runs ORDER BY migration')).toEqual([
      { migration: '001' },
      { migration: '002' },
      { migration: '003' },
    ]);
    expect(await recordNames(url, 'app')).toEqual(['001_runs', '002_more', '003_more']);
  });
});

describe('the committed migrations', () => {
  it('create users.user with a unique handle on a fresh database', async () => {
    const url = await freshDatabase();
    const migrationsDir = path.join(SUBGRAPHS_DIR, 'users', 'prisma', 'migrations');

    const result = await applyMigrations({ databaseUrl: url, migrationsDir, schema: 'users' });

    expect(result.applied[0]).toMatch(/^\d{14}_init$/);
    expect(await tablesIn(url, 'users')).toEqual(expect.arrayContaining(['_prisma_migrations', 'user']));
    expect(await rows(url, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'users' AND indexname = 'user_handle_key'")).toEqual([
      { indexdef: 'CREATE UNIQUE INDEX user_handle_key ON users."user" USING btree (handle)' },
    ]);
  });

  it("migrateAll applies every subgraph's migrations once", async () => {
    const url = await freshDatabase();

    const first = await migrateAll(url);

    expect(first.applied).toEqual(expect.arrayContaining([expect.stringMatching(/^users\/\d{14}_init$/)]));
    expect(first.skipped).toEqual([]);
    expect(await migrateAll(url)).toEqual({ applied: [], skipped: first.applied });
  });
});
