import { createPrismaClient, type DbOptions } from '@cameo/kernel/prisma';
import { PrismaClient } from './generated/prisma/client.js';

export type SocialDb = PrismaClient;

/** One client per process (or per test database); the adapter owns the connection pool. */
export const createDb = (databaseUrl: string, options?: DbOptions | number): SocialDb =>
  createPrismaClient(PrismaClient, databaseUrl, options);
