import { migrateAll } from '../subgraphs/shared/src/migrations';

/** `npm run migrate`: applies every subgraph's committed migrations to DATABASE_URL. */
async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is required, e.g. postgresql://postgres@127.0.0.1:5432/test');
  const result = await migrateAll(databaseUrl, (line) => console.log(line));
  console.log(`migrations: ${result.applied.length} applied, ${result.skipped.length} already applied`);
}

main().catch((error: unknown) => {
  console.error(`migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
