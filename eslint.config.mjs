// ESLint: the house rules that a reviewer should not have to repeat. Prettier owns formatting
// (eslint-config-prettier turns off every style rule that would fight it); `npm run lint` runs
// both. Type-aware rules are limited to promise misuse, the bugs type information catches that
// syntax cannot (a forgotten await, an async callback where a void one is expected).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SUBGRAPHS = ['users', 'generations', 'social', 'feed'];

/** STYLE.md habit 5: subgraphs meet through entities, events and declared internal calls only. */
const noOtherSubgraph = (name) => ({
  files: [`subgraphs/${name}/src/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: SUBGRAPHS.filter((other) => other !== name).map((other) => ({
          group: [`@cameo/${other}`, `@cameo/${other}/*`],
          message: `subgraphs meet only through entities, events and declared internal calls (STYLE.md habit 5): ${name} must not import ${other}'s code`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  {
    ignores: ['**/generated/**', '**/dist/**', '**/.cameo/**', 'test/artifacts/**', '**/node_modules/**', 'coverage/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    settings: {
      // Sources import `./x.js` for `./x.ts` (Node's ESM-style resolution under nodenext).
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
          extensionAlias: { '.js': ['.ts', '.js'] },
          conditionNames: ['import', 'require', 'node', 'default'],
        }),
      ],
    },
    rules: {
      // The repo is an npm workspaces monorepo: packages reach each other by name, never by a
      // relative path that crosses a package folder.
      'import-x/no-relative-packages': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // `const { secret: _secret, ...rest } = value` is how a field is dropped from a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['clients/web/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // Tests and scripts read GraphQL responses of whatever shape the query asked for.
  {
    files: ['test/**', '**/test/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Package code logs through the kernel's logger; the CLI, scripts and tests print.
  {
    files: ['gateway/src/**', 'worker/src/**', 'subgraphs/*/src/**', 'clients/sdk/src/**', 'clients/web/src/**'],
    rules: { 'no-console': ['error', { allow: ['warn', 'error'] }] },
  },
  ...SUBGRAPHS.map(noOtherSubgraph),
  prettier,
);
