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
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  // ESM-only dependencies are compiled to CommonJS for jest's module loader.
  transformIgnorePatterns: ['/node_modules/(?!(graphql-ws)/)'],
  testTimeout: 60_000,
};
