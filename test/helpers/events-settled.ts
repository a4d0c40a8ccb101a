import pg from 'pg';
import { Redis } from 'ioredis';
import { SUBGRAPH_NAMES } from '@cameo/kernel/env';
import { eventStream } from '@cameo/kernel/events';

/**
 * Whether every domain event a Redis stack has written so far has been applied: each
 * subgraph's outbox holds no unpublished row, and every consumer group of the stack's streams
 * has been handed the last entry and acknowledged everything (none pending). A test that
 * counts the statements of one request waits for this first, so a consumer applying a late
 * event (a like reaching the feed's projection) is not counted as the request's.
 */
export async function eventsSettled(databaseUrl: string, redisUrl: string, namespace: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  const redis = new Redis(redisUrl);
  try {
    await client.connect();
    const { rows: outboxes } = await client.query<{ schema: string }>(
      `SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'outbox'`,
    );
    for (const { schema } of outboxes) {
      const { rowCount } = await client.query(`SELECT 1 FROM "${schema}"."outbox" WHERE published_at IS NULL LIMIT 1`);
      if (rowCount) return false;
    }
    for (const stream of SUBGRAPH_NAMES.map((subgraph) => eventStream(subgraph, namespace))) {
      // A subgraph that has written no event yet has no stream.
      if (!(await redis.exists(stream))) continue;
      const last = fields((await redis.xinfo('STREAM', stream)) as unknown[])['last-generated-id'];
      for (const group of (await redis.xinfo('GROUPS', stream)) as unknown[][]) {
        const { pending, 'last-delivered-id': delivered } = fields(group);
        if (pending !== 0 || delivered !== last) return false;
      }
    }
    return true;
  } finally {
    await client.end();
    redis.disconnect();
  }
}

/** An XINFO reply's flat [name, value, …] list as an object. */
function fields(reply: unknown[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (let i = 0; i + 1 < reply.length; i += 2) object[String(reply[i])] = reply[i + 1];
  return object;
}
