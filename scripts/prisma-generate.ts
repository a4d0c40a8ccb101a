import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm run prisma:generate` (and npm's postinstall): builds each subgraph's typed Prisma client
 * and Pothos types from its schema.prisma. Prisma's CLI would try to download a native schema
 * engine that `generate` does not need; pointing it at a script that refuses keeps it offline,
 * and makes any command that really needs the engine fail loudly instead of doing nothing.
 */
const ROOT = path.join(__dirname, '..');

/** `subgraphs/<name>/prisma/schema.prisma` for every subgraph that has one, in name order. */
export function prismaSchemas(subgraphsDir = path.join(ROOT, 'subgraphs')): string[] {
  return readdirSync(subgraphsDir)
    .sort()
    .map((name) => path.join(subgraphsDir, name, 'prisma', 'schema.prisma'))
    .filter((file) => existsSync(file));
}

export function generateAll(): void {
  const schemas = prismaSchemas();
  // No schema means a broken checkout or image; the app cannot run without its clients.
  if (schemas.length === 0) throw new Error('no subgraphs/*/prisma/schema.prisma found');
  for (const schema of schemas) {
    try {
      execFileSync(path.join(ROOT, 'node_modules', '.bin', 'prisma'), ['generate', '--schema', schema], {
        cwd: ROOT,
        stdio: 'inherit',
        env: {
          ...process.env,
          PRISMA_SCHEMA_ENGINE_BINARY: path.join(ROOT, 'scripts', 'no-schema-engine.sh'),
          PRISMA_HIDE_UPDATE_MESSAGE: '1',
        },
      });
    } catch (error) {
      // Prisma's own output is already on stderr (stdio inherit); name the schema that failed.
      throw new Error(
        `prisma generate failed for ${path.relative(ROOT, schema)}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }
}

if (require.main === module) {
  try {
    generateAll();
  } catch (error) {
    console.error(`prisma:generate failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
