import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm run prisma:generate` (and npm's postinstall): builds each subgraph's typed Prisma client
 * and Pothos types from its schema.prisma. Prisma's CLI would try to download a native schema
 * engine it does not need for this; pointing it at a script that refuses keeps it offline, and
 * makes any command that really needs the engine fail loudly instead of doing nothing.
 */
const ROOT = path.join(__dirname, '..');
const subgraphsDir = path.join(ROOT, 'subgraphs');
const schemas = readdirSync(subgraphsDir)
  .map((name) => path.join(subgraphsDir, name, 'prisma', 'schema.prisma'))
  .filter((file) => existsSync(file));

for (const schema of schemas) {
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'prisma'), ['generate', '--schema', schema], {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: path.join(ROOT, 'scripts', 'no-schema-engine.sh'),
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    },
  });
}
