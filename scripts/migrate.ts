import { migrateAll } from '@cameo/kernel/migrations';

/**
 * `npm run migrate`: applies every subgraph's committed migrations to DATABASE_URL, one line per
 * migration. A thin wrapper: `npm start` and the test helpers call `migrateAll` themselves.
 */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error('DATABASE_URL is required, e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test npm run migrate');
  }
  const result = await migrateAll(databaseUrl, (line) => console.log(line));
  console.log(`migrations: ${result.applied.length} applied, ${result.skipped.length} already applied`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`migrate failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
