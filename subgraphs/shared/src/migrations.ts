import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/**
 * Applies committed Prisma migrations without Prisma's native schema engine (it cannot be
 * downloaded here). Each subgraph's history goes to a Prisma-compatible
 * `"<schema>"."_prisma_migrations"` table in its own schema, so Prisma tooling reads the same
 * history wherever the native engine is available.
 */
export interface ApplyMigrationsOptions {
  /** A postgresql:// URL; the runner opens one connection of its own and closes it. */
  databaseUrl: string;
  /** Folder of `<timestamp>_<name>/migration.sql` directories, applied in name order. Must exist. */
  migrationsDir: string;
  /** The subgraph's Postgres schema, e.g. "users"; created if missing. */
  schema: string;
  /** Receives one line per applied or skipped migration. Default: silent. */
  log?: (line: string) => void;
}

export interface MigrationResult {
  /** Migrations applied by this call, in order. */
  applied: string[];
  /** Migrations that were already applied (checksum verified). */
  skipped: string[];
}

interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 hex of the file's bytes: what Prisma records, so both tools agree on edits. */
  checksum: string;
}

interface MigrationRecord {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

function readMigrations(migrationsDir: string): MigrationFile[] {
  // A missing folder is a wrong path or a broken image, never "nothing to do".
  if (!existsSync(migrationsDir)) throw new Error(`migrations folder not found: ${migrationsDir}`);
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(migrationsDir, name, 'migration.sql');
      if (!existsSync(file)) throw new Error(`migration ${name} has no migration.sql in ${migrationsDir}`);
      const bytes = readFileSync(file);
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}

/** Throws unless every recorded migration finished and still exists, unedited, in the folder. */
function checkHistory(schema: string, migrationsDir: string, files: MigrationFile[], records: MigrationRecord[]) {
  const byName = new Map(files.map((file) => [file.name, file]));
  for (const record of records) {
    const file = byName.get(record.migration_name);
    // Prisma's tool records a failed attempt with no finished_at; the database may be half-changed.
    if (!record.finished_at) {
      throw new Error(
        `${schema}: migration ${record.migration_name} failed earlier and is recorded as unfinished; fix the database and resolve it by hand`,
      );
    }
    if (!file) {
      throw new Error(`${schema}: migration ${record.migration_name} was applied but its folder is missing from ${migrationsDir}`);
    }
    if (file.checksum !== record.checksum) {
      throw new Error(
        `${schema}: migration ${record.migration_name} was edited after it was applied (checksum differs); add a new migration instead`,
      );
    }
  }
}

/**
 * Applies the not-yet-applied migrations in order, each in its own transaction with its record.
 * Throws, naming the migration, on a failed migration (with Postgres's message), an edited or
 * vanished applied one, or a missing folder; what was applied before the failure stays.
 */
export async function applyMigrations(options: ApplyMigrationsOptions): Promise<MigrationResult> {
  const { schema, migrationsDir } = options;
  const log = options.log ?? (() => {});
  const files = readMigrations(migrationsDir);
  const table = `${quote(schema)}."_prisma_migrations"`;
  const result: MigrationResult = { applied: [], skipped: [] };

  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  // Keyed on the schema, so replicas and parallel test files starting together take turns.
  const lockKey = `cameo-migrations:${schema}`;
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    // Released in finally: on the embedded database every connection shares one session, so a
    // lock left behind would outlive this connection.
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quote(schema)}`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${table} (
        id VARCHAR(36) PRIMARY KEY NOT NULL,
        checksum VARCHAR(64) NOT NULL,
        finished_at TIMESTAMPTZ,
        migration_name VARCHAR(255) NOT NULL,
        logs TEXT,
        rolled_back_at TIMESTAMPTZ,
        started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        applied_steps_count INTEGER NOT NULL DEFAULT 0
      )`);
      // Rolled-back records (`prisma migrate resolve --rolled-back`) do not count: that migration runs again.
      const records = (
        await client.query<MigrationRecord>(
          `SELECT migration_name, checksum, finished_at FROM ${table} WHERE rolled_back_at IS NULL ORDER BY started_at`,
        )
      ).rows;
      checkHistory(schema, migrationsDir, files, records);
      const done = new Set(records.map((record) => record.migration_name));

      for (const file of files) {
        if (done.has(file.name) || !(await applyOne(client, table, file, schema))) {
          result.skipped.push(file.name);
          log(`${schema}: ${file.name} already applied`);
        } else {
          result.applied.push(file.name);
          log(`${schema}: applied ${file.name}`);
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
    }
  } finally {
    await client.end();
  }
  return result;
}

/**
 * Runs one migration and writes its record in the same transaction, so a failure leaves neither.
 * Returns false when another runner recorded it first: advisory locks are re-entrant within a
 * session, so on the embedded database (one shared session) they do not keep runners apart, but
 * its transactions do run one at a time; re-reading under a table lock catches that case.
 * (A migration.sql with its own BEGIN/COMMIT, as Prisma writes for some enum changes, ends this
 * transaction early and loses that guarantee.)
 */
async function applyOne(client: pg.Client, table: string, file: MigrationFile, schema: string): Promise<boolean> {
  await client.query('BEGIN');
  try {
    await client.query(`LOCK TABLE ${table} IN SHARE ROW EXCLUSIVE MODE`);
    const recorded = await client.query(`SELECT 1 FROM ${table} WHERE migration_name = $1 AND rolled_back_at IS NULL`, [file.name]);
    if (recorded.rowCount) {
      await client.query('ROLLBACK');
      return false;
    }
    await client.query(file.sql);
    await client.query(
      `INSERT INTO ${table} (id, checksum, started_at, finished_at, migration_name, applied_steps_count)
       VALUES ($1, $2, now(), clock_timestamp(), $3, 1)`,
      [randomUUID(), file.checksum, file.name],
    );
    await client.query('COMMIT');
    return true;
  } catch (error) {
    // Keep the migration's own error even if the rollback fails too (e.g. the connection died).
    await client.query('ROLLBACK').catch(() => {});
    throw new Error(`${schema}: migration ${file.name} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/** Subgraphs live in `subgraphs/<name>/`; the ones with `prisma/migrations` own a schema of that name. */
export const SUBGRAPHS_DIR = path.join(__dirname, '..', '..');

/** Every subgraph folder (except `shared`) with a `prisma/migrations` folder; schema = folder name. */
export function subgraphsWithMigrations(root = SUBGRAPHS_DIR): { schema: string; migrationsDir: string }[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ schema: name, migrationsDir: path.join(root, name, 'prisma', 'migrations') }))
    .filter(({ migrationsDir }) => existsSync(migrationsDir));
}

/**
 * Applies every subgraph's migrations, one schema after another; names in the result are
 * `<schema>/<migration>`. Used by `npm run migrate`, `npm start` and the test helpers.
 */
export async function migrateAll(databaseUrl: string, log?: (line: string) => void): Promise<MigrationResult> {
  const total: MigrationResult = { applied: [], skipped: [] };
  for (const subgraph of subgraphsWithMigrations()) {
    const result = await applyMigrations({ databaseUrl, ...subgraph, log });
    total.applied.push(...result.applied.map((name) => `${subgraph.schema}/${name}`));
    total.skipped.push(...result.skipped.map((name) => `${subgraph.schema}/${name}`));
  }
  return total;
}
