import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/**
 * Applies committed Prisma migrations without Prisma's native schema engine (it cannot be
 * downloaded here). Records go to a Prisma-compatible `"<schema>"."_prisma_migrations"` table,
 * one per subgraph schema, so Prisma tooling elsewhere reads the same history.
 */
export interface ApplyMigrationsOptions {
  databaseUrl: string;
  /** Folder of `<timestamp>_<name>/migration.sql` directories. */
  migrationsDir: string;
  /** The subgraph's Postgres schema, e.g. "users". */
  schema: string;
  /** Receives one line per applied or skipped migration. Default: silent. */
  log?: (line: string) => void;
}

export interface MigrationResult {
  applied: string[];
  skipped: string[];
}

const checksum = (sql: string) => createHash('sha256').update(sql).digest('hex');
const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

function readMigrations(migrationsDir: string) {
  if (!existsSync(migrationsDir)) throw new Error(`migrations folder not found: ${migrationsDir}`);
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(migrationsDir, name, 'migration.sql');
      if (!existsSync(file)) throw new Error(`migration ${name} has no migration.sql`);
      const sql = readFileSync(file, 'utf8');
      return { name, sql, checksum: checksum(sql) };
    });
}

export async function applyMigrations(options: ApplyMigrationsOptions): Promise<MigrationResult> {
  const log = options.log ?? (() => {});
  const migrations = readMigrations(options.migrationsDir);
  const table = `${quote(options.schema)}."_prisma_migrations"`;
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const result: MigrationResult = { applied: [], skipped: [] };
  // Keyed on the schema, so replicas and parallel test runners starting together serialise.
  const lockKey = `cameo-migrations:${options.schema}`;
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quote(options.schema)}`);
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
      const { rows } = await client.query<{ migration_name: string; checksum: string }>(
        `SELECT migration_name, checksum FROM ${table} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      );
      const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
      const known = new Set(migrations.map((migration) => migration.name));
      for (const name of applied.keys()) {
        if (!known.has(name)) {
          throw new Error(`${options.schema}: migration ${name} was applied but its folder is missing from ${options.migrationsDir}`);
        }
      }
      for (const migration of migrations) {
        const recorded = applied.get(migration.name);
        if (recorded !== undefined) {
          if (recorded !== migration.checksum) {
            throw new Error(
              `${options.schema}: migration ${migration.name} was edited after it was applied (checksum differs); add a new migration instead`,
            );
          }
          result.skipped.push(migration.name);
          log(`${options.schema}: ${migration.name} already applied`);
          continue;
        }
        // The migration and its record commit together: a failure leaves neither behind.
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query(
            `INSERT INTO ${table} (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
            [randomUUID(), migration.checksum, migration.name],
          );
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`${options.schema}: migration ${migration.name} failed: ${reason}`);
        }
        result.applied.push(migration.name);
        log(`${options.schema}: applied ${migration.name}`);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
    }
  } finally {
    await client.end();
  }
  return result;
}

/** Subgraphs live in `subgraphs/<name>/`; the ones with `prisma/migrations` own a schema of that name. */
export const SUBGRAPHS_DIR = path.join(__dirname, '..', '..');

export function subgraphsWithMigrations(root = SUBGRAPHS_DIR): { schema: string; migrationsDir: string }[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
    .map((entry) => ({ schema: entry.name, migrationsDir: path.join(root, entry.name, 'prisma', 'migrations') }))
    .filter(({ migrationsDir }) => existsSync(migrationsDir));
}

/** Applies every subgraph's migrations, one schema after another. */
export async function migrateAll(databaseUrl: string, log?: (line: string) => void): Promise<MigrationResult> {
  const total: MigrationResult = { applied: [], skipped: [] };
  for (const subgraph of subgraphsWithMigrations()) {
    const result = await applyMigrations({ databaseUrl, ...subgraph, log });
    total.applied.push(...result.applied.map((name) => `${subgraph.schema}/${name}`));
    total.skipped.push(...result.skipped.map((name) => `${subgraph.schema}/${name}`));
  }
  return total;
}
