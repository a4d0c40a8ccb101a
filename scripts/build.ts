import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { buildWebApp } from '@cameo/web/build';
import { subgraphsWithMigrations } from '@cameo/kernel/migrations';

/**
 * `npm run build`: the deployable platform in dist/, laid out like the source tree so every
 * `__dirname`-relative path still resolves — `node dist/gateway/src/index.js`,
 * `node dist/subgraphs/<name>/src/index.js`, `node dist/scripts/migrate.js`. Besides the
 * JavaScript (tsc, tsconfig.build.json, Prisma clients included) it copies the files read at
 * run time (the supergraph, the persisted-operation manifest, the migrations) and the prebuilt
 * web app the gateway serves.
 *
 * The workspace packages import each other by name (`@cameo/kernel/env`), and their package.json
 * `exports` point at TypeScript for tsx and jest. Each compiled package gets a package.json whose
 * `exports` point at its JavaScript, and `<outDir>/node_modules/@cameo/<name>` links to it, so
 * Node resolves the compiled packages before the source ones in the repo's node_modules.
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
  linkCompiledPackages(outDir);
  await buildWebApp(path.join(outDir, 'web'));
}

interface PackageJson {
  name: string;
  exports?: Record<string, string>;
  dependencies?: Record<string, string>;
  workspaces?: string[];
}

const readPackageJson = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;

/** The workspace packages: their folder under the repo and their package.json. */
export function workspacePackages(): { dir: string; manifest: PackageJson }[] {
  return (readPackageJson(ROOT).workspaces ?? []).map((dir) => ({ dir, manifest: readPackageJson(path.join(ROOT, dir)) }));
}

function linkCompiledPackages(outDir: string): void {
  for (const { dir, manifest } of workspacePackages()) {
    const compiledDir = path.join(outDir, dir);
    mkdirSync(compiledDir, { recursive: true });
    const exports = Object.fromEntries(
      Object.entries(manifest.exports ?? {}).map(([key, target]) => [key, target.replace(/\.ts$/, '.js')]),
    );
    writeFileSync(path.join(compiledDir, 'package.json'), JSON.stringify({ ...manifest, exports }, null, 2) + '\n');
    const link = path.join(outDir, 'node_modules', manifest.name);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.relative(path.dirname(link), compiledDir), link, 'dir');
  }
}

if (require.main === module) {
  build().catch((error: unknown) => {
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
