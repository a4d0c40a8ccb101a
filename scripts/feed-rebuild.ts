import { createDb } from '../subgraphs/feed/src/db';
import { rebuildFeed } from '../subgraphs/feed/src/rebuild';
import { readCommonEnv, requireDatabaseUrl } from '../subgraphs/shared/src/env';

/**
 * `npm run feed:rebuild`: rebuilds the feed's read model from scratch by replaying the
 * generations and social event streams (DATABASE_URL, REDIS_URL). Stop the feed's consumers
 * first, or run it against a fresh database.
 */
async function main() {
  const env = readCommonEnv();
  if (!env.redisUrl) throw new Error('REDIS_URL is required: the events to replay live in its streams');
  const db = createDb(requireDatabaseUrl(env));
  try {
    const applied = await rebuildFeed(db, env.redisUrl, { onProgress: (line) => process.stdout.write(`\r${line}   `) });
    console.log(`\nrebuilt the feed from ${applied} events`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`feed:rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
