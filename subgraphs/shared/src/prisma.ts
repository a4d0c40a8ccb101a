import { PrismaPg } from '@prisma/adapter-pg';

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
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize });
  // A burst (200 likes at once on a pool of 10) queues transactions for a connection: Prisma's
  // 2 s default wait turned that queue into errors on a busy machine; 10 s lets it drain.
  const transactionOptions = { maxWait: 10_000, timeout: 10_000 };
  if (!onQuery) return new PrismaClient({ adapter, transactionOptions });
  const client = new PrismaClient({ adapter, transactionOptions, log: [{ level: 'query', emit: 'event' }] });
  (client as unknown as QueryLogging).$on('query', (event) => onQuery(event.query, event.params));
  return client;
}
