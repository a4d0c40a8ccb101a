import { cpSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { buildWebApp } from '../clients/web/build';
import { subgraphsWithMigrations } from '../subgraphs/shared/src/migrations';

/**
 * `npm run build`: the deployable platform in dist/, laid out like the source tree so every
 * `__dirname`-relative path still resolves — `node dist/gateway/src/index.js`,
 * `node dist/subgraphs/<name>/src/index.js`, `node dist/scripts/migrate.js`. Besides the
 * JavaScript (tsc, tsconfig.build.json, Prisma clients included) it copies the files read at
 * run time (the supergraph, the persisted-operation manifest, the migrations) and the prebuilt
 * web app the gateway serves.
 */
const ROOT = path.join(__dirname, '..');
export const DIST = path.join(ROOT, 'dist');

/**
 * Replaces `outDir` with a fresh build. The gateway serves `<outDir>/web` (`../../web` from
 * `<outDir>/gateway/src`). `outDir` must sit inside the repo so node_modules resolves. Default: dist/.
 */
export async function build(outDir = DIST): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', outDir], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  // Files read at run time, beside the code that reads them: the supergraph and the persisted-operation manifest.
  for (const file of [path.join('schema', 'supergraph.graphql'), path.join('clients', 'operations', 'persisted-query-manifest.json')]) {
    cpSync(path.join(ROOT, file), path.join(outDir, file));
  }
  for (const { migrationsDir } of subgraphsWithMigrations()) {
    cpSync(migrationsDir, path.join(outDir, path.relative(ROOT, migrationsDir)), { recursive: true });
  }
  await buildWebApp(path.join(outDir, 'web'));
}

if (require.main === module) {
  build().catch((error: unknown) => {
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
