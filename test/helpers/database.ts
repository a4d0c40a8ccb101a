import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateAll } from '@cameo/kernel/migrations';

/** The machine's Postgres server; each test file gets its own database on it. */
export const TEST_SERVER_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database with every subgraph's migrations applied, so test files run in parallel. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `cameo_${label.replace(/\W/g, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  await migrateAll(url.toString());
  return {
    url: url.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
