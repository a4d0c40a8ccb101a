// Tests run against the machine's real Postgres and Redis; each file makes its own database,
// so files run in parallel. `*.test.ts` run in-process, `*.e2e.ts` through a started stack.
// scrypt at its production cost (N=2^17) takes ~0.8 s a hash here and tests sign up hundreds of
// users: tests hash at N=2^15 (honoured only when NODE_ENV=test, see subgraphs/users/src/passwords.ts).
process.env.PASSWORD_HASH_COST ??= '15';
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testMatch: ['**/*.test.ts', '**/*.e2e.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/generated/', '/.cameo/'],
  // Compiled copies of the workspace packages (npm run build) would collide with the sources.
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/test/artifacts/'],
  // Sources import with .js extensions (Node's ESM-compatible resolution); jest wants the .ts file.
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // music-metadata's exports offer only `import` and `module-sync` (Node's require(esm)), which jest's CommonJS resolver does not read.
    '^music-metadata$': '<rootDir>/node_modules/music-metadata/lib/index.js',
    '^file-type$': '<rootDir>/node_modules/file-type/index.js',
  },
  transform: {
    // ESM-only dependencies keep Node's import semantics: a default import of a CommonJS module
    // is its module.exports even when it sets __esModule (music-metadata imports content-type so).
    '/node_modules/.+\\.m?js$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' },
        module: { type: 'commonjs', importInterop: 'node' },
      },
    ],
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  // ESM-only dependencies are compiled to CommonJS for jest's module loader.
  transformIgnorePatterns: [
    '/node_modules/(?!(graphql-ws|music-metadata|strtok3|token-types|file-type|uint8array-extras|@borewit/text-codec|win-guid|@tokenizer/inflate|media-typer|@tus/[a-z0-9-]+|srvx)/)',
  ],
  testTimeout: 60_000,
};
