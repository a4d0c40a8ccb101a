import { cursorKey } from '@cameo/kernel/cursor';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createMemoryPubSub } from '@cameo/kernel/pubsub';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { testSecrets } from '@cameo/test-helpers/stack';
import { buildContext, type SocialServices } from '../src/context';
import { createDb, type SocialDb } from '../src/db';
import { createGenerationsClient } from '../src/generations-client';
import { createUsersClient } from '../src/users-client';
import { followPage } from '../src/schema/follows';

/**
 * A user with 100,000 followers: each page of 50 costs a fixed number of statements, and the
 * page query walks the (followee, created_at desc, follower desc) index — no sequential scan.
 */
const FOLLOWERS = 100_000;
let database: TestDatabase;
let admin: pg.Client;
let db: SocialDb;
const statements: { sql: string; params: string }[] = [];
const star = randomUUID();
const viewer = randomUUID();
let blockedFollowers: string[];

// followPage reads only this subgraph's tables; the clients are there because the context has them.
const services = (): SocialServices => ({
  db,
  pubsub: createMemoryPubSub(),
  users: createUsersClient('http://127.0.0.1:9', testSecrets.internalCallSecret),
  generations: createGenerationsClient('http://127.0.0.1:9', testSecrets.internalCallSecret),
  cursorKey: cursorKey(testSecrets.cursorSecret),
});
const page = (args: { first: number; after?: string | null }) =>
  followPage(buildContext({ viewer: { userId: viewer } }, services()), star, 'followers', args);

beforeAll(async () => {
  database = await createTestDatabase('social_followers_page');
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query(
    `INSERT INTO social.follow (follower_id, followee_id, created_at)
     SELECT gen_random_uuid(), $1, now() - make_interval(secs => g) FROM generate_series(1, ${FOLLOWERS}) g`,
    [star],
  );
  await admin.query(`INSERT INTO social.user_counts (user_id, followers, following) VALUES ($1, ${FOLLOWERS}, 0)`, [star]);
  // The viewer blocked three of the star's newest followers: pages leave them out.
  const newest = await admin.query<{ follower_id: string }>(
    `SELECT follower_id FROM social.follow WHERE followee_id = $1 ORDER BY created_at DESC LIMIT 3`,
    [star],
  );
  blockedFollowers = newest.rows.map((row) => row.follower_id);
  for (const blocked of blockedFollowers)
    await admin.query(`INSERT INTO social.block (blocker_id, blocked_id) VALUES ($1, $2)`, [viewer, blocked]);
  await admin.query('ANALYZE social.follow');
  db = createDb(database.url, { poolSize: 2, onQuery: (sql, params) => statements.push({ sql, params }) });
}, 60_000);
afterAll(async () => {
  await db?.$disconnect();
  await admin?.end();
  await database?.drop();
});

it('pages through followers in a fixed number of statements, whatever the page size', async () => {
  statements.length = 0;
  const first = await page({ first: 50 });
  expect(await first.totalCount).toBe(FOLLOWERS);
  const firstCount = statements.length;
  const rows = first.edges.map((edge) => edge.node);
  expect(rows).toHaveLength(50);
  expect(rows.filter((row) => blockedFollowers.includes(row.userId))).toEqual([]);

  statements.length = 0;
  const second = await page({ first: 50, after: first.pageInfo.endCursor });
  await second.totalCount;
  expect(statements.length).toBe(firstCount);
  const seen = new Set(rows.map((row) => row.userId));
  expect(second.edges.filter((edge) => seen.has(edge.node.userId))).toEqual([]);
  expect(second.edges[0]!.node.createdAt.getTime()).toBeLessThanOrEqual(rows.at(-1)!.createdAt.getTime());

  statements.length = 0;
  await (
    await page({ first: 10 })
  ).totalCount;
  // The viewer's blocks, the page, the count: three statements for 10 or 50 rows.
  expect(statements.length).toBe(firstCount);
  expect(firstCount).toBe(3);
});

it('reads a deep page through the index, never a sequential scan', async () => {
  // Walk 20 pages deep so the cursor condition is part of the plan being checked.
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const current: Awaited<ReturnType<typeof page>> = await page({ first: 50, after });
    after = current.pageInfo.endCursor;
  }
  statements.length = 0;
  await page({ first: 50, after });
  const query = statements.find((statement) => statement.sql.includes('"social"."follow"'))!;
  const plan = await admin.query(`EXPLAIN (FORMAT JSON) ${query.sql}`, JSON.parse(query.params) as unknown[]);
  const text = JSON.stringify(plan.rows[0]);
  expect(text).not.toContain('Seq Scan');
  expect(text).toContain('follow_followee_id_created_at_follower_id_idx');
});
