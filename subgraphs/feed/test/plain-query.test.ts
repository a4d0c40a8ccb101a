import pg from 'pg';
import { plainQuery } from '@cameo/kernel/prisma';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { createDb, type FeedDb } from '../src/db';

/**
 * The kernel's plainQuery on a subgraph's own client: each text a named prepared statement, and
 * a pool that outlives its connections being ended by the server.
 */
let database: TestDatabase;
let db: FeedDb;
let admin: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase('feed_plain_query');
  db = createDb(database.url, 2);
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
});
afterAll(async () => {
  await admin?.end();
  await db?.$disconnect();
  await database?.drop();
});

const COUNT_POSTS = 'SELECT count(*)::int AS n FROM "feed"."post" WHERE creator_id = $1::uuid';
const CREATOR = '00000000-0000-4000-8000-000000000001';

/** The server's own view: the connections of this database other than the admin's, and their prepared statements. */
const appConnections = async () =>
  (await admin.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)).rows.map(
    (row: { pid: number }) => row.pid,
  );

it('prepares each text once per connection, under a name of its own', async () => {
  for (let i = 0; i < 5; i++) expect(await plainQuery(db, COUNT_POSTS, [CREATOR])).toEqual([{ n: 0 }]);
  // pg_prepared_statements is per session: ask on one of the pool's own connections.
  const [row] = await plainQuery<{ names: string[] }>(db, 'SELECT array_agg(name ORDER BY name) AS names FROM pg_prepared_statements', []);
  expect(row!.names.every((name) => /^cameo_[0-9a-f]{20}$/.test(name))).toBe(true);
  expect(row!.names.length).toBeGreaterThanOrEqual(1);
});

it('goes on after the server ends its idle connections (a restart, a failover), without ending the process', async () => {
  await Promise.all([plainQuery(db, COUNT_POSTS, [CREATOR]), plainQuery(db, COUNT_POSTS, [CREATOR])]);
  const before = await appConnections();
  expect(before.length).toBeGreaterThan(0);
  await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [before]);
  // The pool hears each ended connection as an error on an idle client, drops it and opens a
  // new one for the next query, which prepares its statement again there.
  let answer: unknown;
  for (let tries = 0; tries < 20 && answer === undefined; tries++) {
    answer = await plainQuery(db, COUNT_POSTS, [CREATOR]).catch(() => undefined);
  }
  expect(answer).toEqual([{ n: 0 }]);
  expect(await db.post.count()).toBe(0);
  const after = await appConnections();
  expect(after.some((pid) => before.includes(pid))).toBe(false);
});
