import { createHash } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { createLogger, type Logger } from './logger';

/** Pool size per process and subgraph. Default: 10; the embedded database caps the sum of pools. */
export const DEFAULT_POOL_SIZE = 10;

export interface DbOptions {
  /** Default: DEFAULT_POOL_SIZE. */
  poolSize?: number;
  /** Called with every SQL statement (and its parameters as JSON); tests count them to guard against N+1 queries. */
  onQuery?: (sql: string, params: string) => void;
}

interface QueryLogging {
  $on(event: 'query', listener: (event: { query: string; params: string }) => void): void;
}

/**
 * Builds a subgraph's own generated PrismaClient on the pg driver adapter (Prisma 7 has no
 * native query engine). Each subgraph passes its class: no subgraph imports another's client.
 */
export function createPrismaClient<Client>(
  PrismaClient: new (options: {
    adapter: PrismaPg;
    transactionOptions?: { maxWait: number; timeout: number };
    log?: { level: 'query'; emit: 'event' }[];
  }) => Client,
  databaseUrl: string,
  options: DbOptions | number = {},
): Client {
  const { poolSize = DEFAULT_POOL_SIZE, onQuery } = typeof options === 'number' ? { poolSize: options } : options;
  // The pool is ours, so hot reads can use it without Prisma (plainQuery); the adapter ends it.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // An idle connection the server ends (a restart, a failover, an administrator's terminate, a
  // database dropped under it) errors on the pool, which drops it and opens another on the next
  // query; with no listener that error would end the process.
  pool.on('error', (error) => poolLogger().warn(`an idle database connection ended: ${error.message}`));
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // A burst (200 likes at once on a pool of 10) queues transactions for a connection: Prisma's
  // 2 s default wait turned that queue into errors on a busy machine; 10 s lets it drain.
  const transactionOptions = { maxWait: 10_000, timeout: 10_000 };
  let client: Client;
  if (!onQuery) client = new PrismaClient({ adapter, transactionOptions });
  else {
    client = new PrismaClient({ adapter, transactionOptions, log: [{ level: 'query', emit: 'event' }] });
    (client as unknown as QueryLogging).$on('query', (event) => onQuery(event.query, event.params));
  }
  plainPools.set(client as object, { pool, onQuery });
  return client;
}

let logger: Logger | undefined;
const poolLogger = () => (logger ??= createLogger('db'));

const plainPools = new WeakMap<object, { pool: pg.Pool; onQuery?: DbOptions['onQuery'] }>();

/**
 * Runs one statement on a Prisma client's own pool with pg's row parsing, not Prisma's: for the
 * few hot reads of hundreds of rows (For You's candidate pool) where Prisma's raw-query layer —
 * tagging every value with its type and normalising every timestamp — cost more CPU than
 * PostgreSQL did (`npm run bench -- --profile`). pg's defaults give numbers for int4 and float8,
 * Dates for timestamptz, arrays and parsed json; bigint and numeric come back as strings, so
 * cast those in the SQL. Outside any transaction: a statement that must join one goes through
 * Prisma. Counted by `onQuery` like Prisma's statements, so statement-count tests still hold.
 *
 * Each text is a named prepared statement (named by its hash): pg parses it once per connection
 * and PostgreSQL may keep its plan, where an unnamed statement is parsed and planned on every
 * call — a For You first page's reuse check and scoring read cost 0.15-0.17 ms less server CPU
 * each (docs/bench.md). So a text must be a constant (values go in parameters), and it lists
 * its columns: a prepared `SELECT *` fails ("cached plan must not change result type") once a
 * migration adds a column under a running process. Behind a pooler in transaction mode
 * (PgBouncer before 1.21) named statements need its prepared-statement support.
 */
export async function plainQuery<Row>(client: object, text: string, values: unknown[]): Promise<Row[]> {
  const entry = plainPools.get(client);
  if (!entry) throw new Error('plainQuery needs a client made by createPrismaClient');
  entry.onQuery?.(text, JSON.stringify(values));
  return (await entry.pool.query({ name: statementName(text), text, values })).rows as Row[];
}

const statementNames = new Map<string, string>();
/** A statement's name: the same text always has the same one (texts are constants, so the map stays small). */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `cameo_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}
