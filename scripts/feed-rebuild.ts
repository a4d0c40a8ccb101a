import { createDb } from '@cameo/feed/db';
import { rebuildFeed } from '@cameo/feed/rebuild';
import { chooseTransport, createEventTransport } from '@cameo/kernel/event-transport';
import { readCommonEnv, requireDatabaseUrl } from '@cameo/kernel/env';

/**
 * `npm run feed:rebuild`: rebuilds the feed's read model from scratch by replaying the
 * generations and social events through the event transport (DATABASE_URL, and REDIS_URL /
 * EVENT_TRANSPORT as the platform runs). Stop the feed's consumers first, or run it against a
 * fresh database.
 */
async function main() {
  const env = readCommonEnv();
  const databaseUrl = requireDatabaseUrl(env);
  const db = createDb(databaseUrl);
  const kind = chooseTransport(env.eventTransport, env.redisUrl);
  const transport = createEventTransport({ kind, subgraph: 'feed', db, redisUrl: env.redisUrl, onError: (error) => console.error(error) });
  try {
    console.log(`replaying the events on ${kind}`);
    const applied = await rebuildFeed(db, transport, { onProgress: (line) => process.stdout.write(`\r${line}   `) });
    console.log(`\nrebuilt the feed from ${applied} events`);
  } finally {
    await transport.close();
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`feed:rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
