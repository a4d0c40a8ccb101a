import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { SUBGRAPH_NAMES } from '@cameo/kernel/env';
import { TEST_SERVER_URL } from '@cameo/test-helpers/database';

/**
 * Each subgraph's committed migrations build what its schema.prisma declares: `npm run
 * migration:create`'s diff (Prisma's WebAssembly schema engine, replaying the migrations into a
 * throwaway shadow database) finds nothing to write. It runs in one child process for all four:
 * the engine's glue is an ES module jest's loader does not run.
 */
const ROOT = path.join(__dirname, '..', '..');
let scratch: string;
/** What createMigration returned per subgraph: the folder it wrote, null when nothing was missing, or its error. */
let outcomes: Record<string, { dir?: string | null; error?: string }>;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'cameo-migrations-'));
  const jobs = SUBGRAPH_NAMES.map((subgraph) => {
    const prismaDir = path.join(ROOT, 'subgraphs', subgraph, 'prisma');
    // A copy: were anything missing, the migration would be written there, not into the tree.
    const migrationsDir = path.join(scratch, subgraph);
    cpSync(path.join(prismaDir, 'migrations'), migrationsDir, { recursive: true });
    return { subgraph, schemaPath: path.join(prismaDir, 'schema.prisma'), migrationsDir, name: 'drift', databaseUrl: TEST_SERVER_URL };
  });
  const script = `(async () => {
    const { createMigration } = require('./scripts/migration-create');
    const outcomes = {};
    for (const { subgraph, ...options } of ${JSON.stringify(jobs)}) {
      outcomes[subgraph] = await createMigration(options).then((dir) => ({ dir }), (error) => ({ error: String(error) }));
    }
    console.log(JSON.stringify(outcomes));
  })()`;
  const { stdout } = await promisify(execFile)(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['-e', script], { cwd: ROOT });
  outcomes = JSON.parse(stdout.trim().split('\n').pop()!);
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it.each(SUBGRAPH_NAMES)('%s: the migrations match schema.prisma', (subgraph) => {
  expect(outcomes[subgraph]).toEqual({ dir: null });
});
