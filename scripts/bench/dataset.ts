import pg from 'pg';
import { migrateAll } from '@cameo/kernel/migrations';
import { DEFAULT_SEED, seed, seedMissingTimelines, seedMissingVideoRows, type SeedSize } from '../seed';
import { log } from './platform';

/**
 * The benchmarks' data set: the database `cameo_bench_feed` on DATABASE_URL's server (default the
 * local test server), seeded on first use (a few minutes at the default 10k users / 1M posts /
 * 5M follows / 10M likes) and kept for later runs; `reseed` builds it again.
 */
export const SERVER_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const DATABASE = 'cameo_bench_feed';

export interface DataSet {
  databaseUrl: string;
  sizes: { users: number; posts: number; follows: number; likes: number };
}

export async function prepareDataSet(options: { reseed?: boolean; size?: Partial<SeedSize> } = {}): Promise<DataSet> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  const databaseUrl = Object.assign(new URL(SERVER_URL), { pathname: `/${DATABASE}` }).toString();
  try {
    if (options.reseed) await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])).rowCount === 1;
    if (exists) {
      log(`using the data set in ${DATABASE} (--reseed to build it again)`);
      await migrateAll(databaseUrl);
      await seedMissingVideoRows(databaseUrl, log);
      await seedMissingTimelines(databaseUrl, log);
    } else {
      await admin.query(`CREATE DATABASE ${DATABASE}`);
      const size = { ...DEFAULT_SEED, ...options.size };
      log(`seeding ${DATABASE}: ${JSON.stringify(size)} (about 10 minutes at full size)`);
      await seed(databaseUrl, size, (line) => log(`  ${line}`));
    }
  } finally {
    await admin.end();
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await readIntoPageCache(client);
    const row = (
      await client.query(`SELECT (SELECT count(*) FROM users."user") AS users, (SELECT count(*) FROM feed.post) AS posts,
      (SELECT count(*) FROM feed.follow_edge) AS follows, (SELECT count(*) FROM feed.engaged) AS likes`)
    ).rows[0] as Record<string, string>;
    return {
      databaseUrl,
      sizes: { users: Number(row.users), posts: Number(row.posts), follows: Number(row.follows), likes: Number(row.likes) },
    };
  } finally {
    await client.end();
  }
}

/**
 * Reads the data set's tables and indexes into the OS page cache (pg_prewarm's 'read' mode),
 * so every run starts warm: after a fresh seed or a test run left it on disk, a For You first
 * page read its candidate pool in 190 ms instead of 9 (one index probe from disk per followee).
 * Without the extension (a server built without contrib) the run goes on cold, and says so.
 */
async function readIntoPageCache(client: pg.Client): Promise<void> {
  const started = Date.now();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_prewarm');
    const { rows } = await client.query<{ blocks: string | null }>(
      `SELECT sum(pg_prewarm(c.oid, 'read'))::text AS blocks FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'i', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')`,
    );
    const mib = (Number(rows[0]?.blocks ?? 0) * 8) / 1024;
    log(`read the data set into the page cache: ${mib.toFixed(0)} MiB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    log(
      `could not read the data set into the page cache (${error instanceof Error ? error.message : String(error)}): figures may be from a cold disk`,
    );
  }
}
