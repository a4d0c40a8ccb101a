import { GraphQLError, Kind, type ValueNode } from 'graphql';

/** The DateTime scalar every subgraph shares (composition requires one definition). */
export const dateTimeScalar = {
  description: 'An instant, as an ISO-8601 string in UTC, e.g. 2026-11-25T02:00:00.000Z.',
  serialize: (value: Date) => value.toISOString(),
  parseValue: (value: unknown) => parseDate(value),
  parseLiteral: (ast: ValueNode) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
};

function parseDate(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError('DateTime must be an ISO-8601 string.', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return date;
}
