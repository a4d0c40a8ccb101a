import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrateAll } from '@cameo/kernel/migrations';
import { TIMELINES_MISSING_SQL, TIMELINE_TABLES, buildTimelineSteps } from '@cameo/feed/timeline-build';

/**
 * `npm run seed -- [--users 10000] [--posts 1000000] [--follows 5000000] [--likes 10000000]`:
 * a realistic data set for benchmarks (small sizes for tests), written straight into the
 * users and feed schemas of DATABASE_URL with set-based SQL:
 * - users with handles `seed<n>`; ids are md5-derived, so any step can name them without a lookup;
 * - posts over the last 30 days, more of them recent; a few prolific creators (rank squared);
 *   10% cast a cameo of another user, 5% remix an earlier post;
 * - follows skewed towards popular creators; likes from random users on random posts (the
 *   feed's engagement rows and per-post counters), with affinity derived from them;
 * - Following timelines and follower counts, built from the posts and follows.
 * Re-running adds nothing twice for the same sizes (ids are deterministic; conflicts skipped).
 */
export interface SeedSize {
  users: number;
  posts: number;
  follows: number;
  likes: number;
}

export const DEFAULT_SEED: SeedSize = { users: 10_000, posts: 1_000_000, follows: 5_000_000, likes: 10_000_000 };

const userId = (expr: string) => `md5('u' || (${expr}))::uuid`;
const postId = (expr: string) => `md5('p' || (${expr}))::uuid`;
/** A user number 1..U, skewed towards low numbers (the popular ones). */
const popularUser = (users: number) => `(1 + floor(${users} * random() ^ 2))::int`;

/** Seeds `size` into the database; `log` gets a line per step with its duration. */
export async function seed(databaseUrl: string, size: SeedSize, log: (line: string) => void = () => {}): Promise<void> {
  await migrateAll(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const step = stepper(client, log);
  try {
    await step(
      'users',
      `INSERT INTO users."user" (id, handle, display_name, password_hash, updated_at)
       SELECT ${userId('g')}, 'seed' || g, 'Seed user ' || g, 'seeded-no-login', now() FROM generate_series(1, ${size.users}) g
       ON CONFLICT DO NOTHING`,
    );
    await step(
      'posts',
      `INSERT INTO feed.post (id, creator_id, caption, prompt, remix_of_id, cameo_ids, cameo_owner_ids, published_at, likes, hot)
       SELECT id, creator, caption, prompt, remix, cameos, owners, published, 0, extract(epoch from published) / 45000
       FROM (
         SELECT ${postId('g')} AS id, ${userId(popularUser(size.users))} AS creator,
           'seed post ' || g AS caption,
           (ARRAY['cats', 'skateboarding', 'street food', 'politics', 'music', 'travel', 'horror', 'dance'])[1 + g % 8] || ' video ' || g AS prompt,
           CASE WHEN g % 20 = 0 AND g > 1 THEN ${postId('1 + floor(random() * (g - 1))::int')} END AS remix,
           CASE WHEN g % 10 = 0 THEN ARRAY[md5('c' || g)::uuid] ELSE '{}'::uuid[] END AS cameos,
           CASE WHEN g % 10 = 0 THEN ARRAY[${userId(popularUser(size.users))}] ELSE '{}'::uuid[] END AS owners,
           now() - interval '30 days' * (random() ^ 2) AS published
         FROM generate_series(1, ${size.posts}) g
       ) p
       ON CONFLICT DO NOTHING`,
    );
    await step(
      'cast',
      `INSERT INTO feed.post_cast (owner_id, post_id, published_at)
       SELECT unnest(cameo_owner_ids), id, published_at FROM feed.post WHERE cardinality(cameo_owner_ids) > 0
       ON CONFLICT DO NOTHING`,
    );
    await step(
      'follows',
      `INSERT INTO feed.follow_edge (follower_id, followee_id)
       SELECT ${userId(`1 + g % ${size.users}`)}, ${userId(popularUser(size.users))} FROM generate_series(1, ${size.follows}) g
       ON CONFLICT DO NOTHING`,
    );
    await step(
      'likes',
      `INSERT INTO feed.engaged (user_id, post_id, at)
       SELECT ${userId(`1 + floor(random() * ${size.users})::int`)}, ${postId(`1 + floor(${size.posts} * random() ^ 1.5)::int`)}, now() - interval '30 days' * random()
       FROM generate_series(1, ${size.likes}) g
       ON CONFLICT DO NOTHING`,
    );
    await step(
      'like counts',
      `UPDATE feed.post p SET likes = c.n, hot = log(greatest(c.n, 1)) + extract(epoch from p.published_at) / 45000
       FROM (SELECT post_id, count(*) AS n FROM feed.engaged GROUP BY post_id) c WHERE c.post_id = p.id`,
    );
    await step(
      'affinity',
      `INSERT INTO feed.affinity (user_id, creator_id, score)
       SELECT e.user_id, p.creator_id, count(*) FROM feed.engaged e JOIN feed.post p ON p.id = e.post_id
       WHERE e.user_id <> p.creator_id GROUP BY e.user_id, p.creator_id
       ON CONFLICT (user_id, creator_id) DO UPDATE SET score = EXCLUDED.score`,
    );
    await seedVideoRows(step);
    for (const { what, sql } of buildTimelineSteps()) await step(what, sql);
    // VACUUM too: it marks pages all-visible, which index-only scans need.
    for (const table of [
      'feed.post',
      'feed.post_cast',
      'feed.follow_edge',
      'feed.engaged',
      'feed.affinity',
      'users."user"',
      ...VIDEO_TABLES,
      ...TIMELINE_TABLES,
    ])
      await step(`vacuum ${table}`, `VACUUM ANALYZE ${table}`);
  } finally {
    await client.end();
  }
}

type Step = (what: string, sql: string) => Promise<void>;

/** Runs one statement of the seed and logs its row count and duration. */
const stepper =
  (client: pg.Client, log: (line: string) => void): Step =>
  async (what, sql) => {
    const started = Date.now();
    const result = await client.query(sql);
    log(`${what}: ${result.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };

const VIDEO_TABLES = ['users.cameo', 'generations.generation', 'generations.generation_cameo'];

/**
 * What the other subgraphs hold for each feed post, so a feed page resolves across the whole
 * supergraph: a published, rendered generation (same id) and, for cast posts, the cameo (an
 * object cameo of its owner, open to everyone) with the consent the generation recorded.
 */
async function seedVideoRows(step: Step): Promise<void> {
  await step(
    'cameos',
    `INSERT INTO users.cameo (id, owner_id, kind, name, status, verification_phrase, upload_key, policy, updated_at)
     SELECT DISTINCT ON (c.id) c.id, c.owner, 'OBJECT', 'Seed cameo', 'VERIFIED', 'seeded', 'seed-' || c.id, 'EVERYONE', now()
     FROM feed.post p CROSS JOIN LATERAL unnest(p.cameo_ids, p.cameo_owner_ids) AS c(id, owner)
     ON CONFLICT DO NOTHING`,
  );
  await step(
    'generations',
    `INSERT INTO generations.generation (id, creator_id, prompt, seconds, aspect, remix_of_id, idempotency_key, status, progress, stage,
       model, asset_key, watermark, caption, published_at, created_at, updated_at, finished_at)
     SELECT id, creator_id, prompt, 4, 'PORTRAIT', remix_of_id, 'seed-' || id, 'COMPLETED', 100, 'done',
       'seed', 'seed/' || id || '.gif', 'seeded', caption, published_at, published_at, published_at, published_at
     FROM feed.post
     ON CONFLICT DO NOTHING`,
  );
  await step(
    'generation cameos',
    `INSERT INTO generations.generation_cameo (generation_id, cameo_id, owner_id, policy_version, restrictions)
     SELECT p.id, c.id, c.owner, 1, '{}'::jsonb
     FROM feed.post p CROSS JOIN LATERAL unnest(p.cameo_ids, p.cameo_owner_ids) AS c(id, owner)
     ON CONFLICT DO NOTHING`,
  );
}

/** Adds the other subgraphs' rows to a data set seeded before seed() wrote them. */
export async function seedMissingVideoRows(databaseUrl: string, log: (line: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT EXISTS (SELECT 1 FROM generations.generation) AS seeded');
    if (rows[0].seeded) return;
    log('adding generations and cameos for the seeded posts');
    const step = stepper(client, log);
    await seedVideoRows(step);
    for (const table of VIDEO_TABLES) await step(`vacuum ${table}`, `VACUUM ANALYZE ${table}`);
  } finally {
    await client.end();
  }
}

/** Builds Following timelines for a data set seeded before seed() built them (a few minutes at full size). */
export async function seedMissingTimelines(databaseUrl: string, log: (line: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(TIMELINES_MISSING_SQL);
    if (!rows[0].missing) return;
    log('building Following timelines for the seeded follows');
    const step = stepper(client, log);
    for (const { what, sql } of buildTimelineSteps()) await step(what, sql);
    for (const table of TIMELINE_TABLES) await step(`vacuum ${table}`, `VACUUM ANALYZE ${table}`);
  } finally {
    await client.end();
  }
}

/** The ids seed() gives user n (1-based), for benchmarks that act as seeded users. */
export const seededUserIdSql = (n: number) => `SELECT md5('u' || ${n})::uuid AS id`;

if (require.main === module) {
  const { values } = parseArgs({
    options: { users: { type: 'string' }, posts: { type: 'string' }, follows: { type: 'string' }, likes: { type: 'string' } },
  });
  const size: SeedSize = {
    users: Number(values.users ?? DEFAULT_SEED.users),
    posts: Number(values.posts ?? DEFAULT_SEED.posts),
    follows: Number(values.follows ?? DEFAULT_SEED.follows),
    likes: Number(values.likes ?? DEFAULT_SEED.likes),
  };
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('seed: set DATABASE_URL to the database to fill');
    process.exit(1);
  }
  console.log(`seeding ${JSON.stringify(size)}`);
  seed(databaseUrl, size, (line) => console.log(`  ${line}`)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
