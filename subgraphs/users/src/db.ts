import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';

export type UsersDb = PrismaClient;

/** Pool size per process. Default: 10; the embedded database caps the sum of pools. */
export const DEFAULT_POOL_SIZE = 10;

export interface DbOptions {
  /** Default: DEFAULT_POOL_SIZE. */
  poolSize?: number;
  /** Called with every SQL statement; tests count them to guard against N+1 queries. */
  onQuery?: (sql: string) => void;
}

/** One client per process (or per test database); the adapter owns the connection pool. */
export function createDb(databaseUrl: string, options: DbOptions | number = {}): UsersDb {
  const { poolSize = DEFAULT_POOL_SIZE, onQuery } = typeof options === 'number' ? { poolSize: options } : options;
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize });
  if (!onQuery) return new PrismaClient({ adapter });
  const db = new PrismaClient({ adapter, log: [{ level: 'query', emit: 'event' }] });
  db.$on('query', (event) => onQuery(event.query));
  return db;
}
