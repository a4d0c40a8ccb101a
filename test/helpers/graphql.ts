import type { GraphQLFormattedError } from 'graphql';

export interface GraphQLResponse<Data = Record<string, any>> {
  status: number;
  data?: Data | null;
  errors?: GraphQLFormattedError[];
}

/** Posts one GraphQL operation over HTTP the way any client would. */
export async function graphql<Data = Record<string, any>>(
  url: string,
  query: string,
  options: { variables?: Record<string, unknown>; token?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<Data>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<Data>, 'status'>;
  return { status: response.status, ...body };
}

/** The `extensions.code` of each error, for exact assertions. */
export const codes = (response: GraphQLResponse) => (response.errors ?? []).map((error) => error.extensions?.code);
