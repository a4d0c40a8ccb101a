// The house rules in eslint.config.mjs bite: each deliberate violation, linted as if it were a
// file at that path in the repo, gets the rule's error (and the allowed form gets none).
import { resolve } from 'node:path';
import { ESLint } from 'eslint';

const ROOT = resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

/** The rule ids ESLint reports for `code` as the file at `path` (repo-relative; it must exist, for the type-aware rules). */
async function rulesFor(path: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return result!.messages.map((message) => message.ruleId);
}

// The first lint loads the config and builds the type-aware program: 14 s alone on a 2-core
// machine, over the default 60 s once during a full CI run (the rest of the suite beside it).
// Done here, with room for it, so each test's limit is for its own rules.
beforeAll(() => rulesFor('subgraphs/feed/src/ranking.ts', ''), 240_000);

it('forbids a relative import that crosses a workspace package', async () => {
  expect(await rulesFor('subgraphs/feed/src/ranking.ts', "export { loadEnv } from '../../shared/src/env.js';\n")).toEqual([
    'import-x/no-relative-packages',
  ]);
  expect(await rulesFor('test/e2e/feed.e2e.ts', "export { until } from '../helpers/graphql.js';\n")).toEqual([
    'import-x/no-relative-packages',
  ]);
  // Inside one package, and across packages by name, imports are fine.
  expect(
    await rulesFor('subgraphs/feed/src/ranking.ts', "export { loadEnv } from '@cameo/kernel/env';\nexport * from './feed.js';\n"),
  ).toEqual([]);
});

it("forbids a subgraph's src to import another subgraph's package", async () => {
  expect(await rulesFor('subgraphs/feed/src/ranking.ts', "export { createDb } from '@cameo/users/db';\n")).toEqual([
    'no-restricted-imports',
  ]);
  expect(await rulesFor('subgraphs/social/src/server.ts', "import '@cameo/generations';\n")).toEqual(['no-restricted-imports']);
});

it('forbids console.log in package src, not in scripts', async () => {
  expect(await rulesFor('gateway/src/gateway.ts', "console.log('hello');\n")).toEqual(['no-console']);
  expect(await rulesFor('scripts/seed.ts', "console.log('hello');\n")).toEqual([]);
});

it('catches a floating promise (the type-aware rules are on)', async () => {
  expect(await rulesFor('scripts/seed.ts', 'Promise.resolve(1);\n')).toEqual(['@typescript-eslint/no-floating-promises']);
});
