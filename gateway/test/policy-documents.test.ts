import { buildSchema, type GraphQLSchema } from 'graphql';
import { createLogger } from '@cameo/kernel/logger';
import { createSessionTokenVerifier } from '@cameo/kernel/session-token';
import { DEFAULT_LIMITS } from '../src/limits';
import { createPolicy } from '../src/policy';

/**
 * policy.prepare (graphql-ws, multipart and SSE subscriptions) parses and validates a text once:
 * every subscription sent with it shares that document, and what fails is never kept.
 */
const SDL = 'type Query { a: Int } type Subscription { ticks(n: Int): Int }';

function policyOn(schema: () => GraphQLSchema) {
  return createPolicy({
    schema,
    costSchema: schema,
    limits: DEFAULT_LIMITS,
    sessionTokens: createSessionTokenVerifier('test-secret'),
    logger: createLogger('gateway'),
  });
}

const documentOf = (prepared: ReturnType<ReturnType<typeof policyOn>['prepare']>) => {
  if ('errors' in prepared) throw new Error(prepared.errors.map((error) => error.message).join('; '));
  return prepared.document;
};

describe('policy.prepare', () => {
  const schema = buildSchema(SDL);
  const A = 'subscription A($n: Int) { ticks(n: $n) }';

  it('hands every request of one text the same validated document, with its own variables checked', () => {
    const policy = policyOn(() => schema);
    const first = documentOf(policy.prepare(A, 'A', { n: 1 }));
    expect(documentOf(policy.prepare(A, 'A', { n: 2 }))).toBe(first);
    expect(documentOf(policy.prepare('subscription B { ticks }', null, {}))).not.toBe(first);
  });

  it('refuses an invalid text every time it comes, and keeps nothing of it', () => {
    const policy = policyOn(() => schema);
    const invalid = 'subscription { nope }';
    for (let i = 0; i < 2; i++) {
      const prepared = policy.prepare(invalid, null, {});
      expect('errors' in prepared && prepared.errors.map((error) => error.extensions.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    }
    const broken = policy.prepare('subscription {', null, {});
    expect('errors' in broken && broken.errors.map((error) => error.extensions.code)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('validates again against a new schema: a text valid before may not be now', () => {
    let current = schema;
    const policy = policyOn(() => current);
    documentOf(policy.prepare(A, 'A', {}));
    current = buildSchema('type Query { a: Int } type Subscription { other: Int }');
    const prepared = policy.prepare(A, 'A', {});
    expect('errors' in prepared && prepared.errors.map((error) => error.extensions.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});
