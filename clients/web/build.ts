import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Builds the web app into `outDir` (index.html, app.js, app.css) with esbuild: one bundle of
 * the app and the SDK, in well under a second, so the gateway builds it as it starts.
 */
export async function buildWebApp(outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [path.join(__dirname, 'src', 'app.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    outfile: path.join(outDir, 'app.js'),
    logLevel: 'silent',
  });
  copyFileSync(path.join(__dirname, 'index.html'), path.join(outDir, 'index.html'));
  copyFileSync(path.join(__dirname, 'src', 'app.css'), path.join(outDir, 'app.css'));
  return outDir;
}
