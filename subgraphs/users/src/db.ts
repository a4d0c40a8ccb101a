import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';

export type UsersDb = PrismaClient;

/** Pool size per process. Default: 10; the embedded database caps the sum of pools. */
export const DEFAULT_POOL_SIZE = 10;

/** One client per process (or per test database); the adapter owns the connection pool. */
export function createDb(databaseUrl: string, poolSize = DEFAULT_POOL_SIZE): UsersDb {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }) });
}
