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
  /** `headers` may be computed from the exact body sent (gateway proofs bind it). */
  options: {
    variables?: Record<string, unknown>;
    token?: string;
    headers?: Record<string, string> | ((body: string) => Record<string, string>);
  } = {},
): Promise<GraphQLResponse<Data>> {
  const sent = JSON.stringify({ query, variables: options.variables });
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(typeof options.headers === 'function' ? options.headers(sent) : options.headers),
    },
    body: sent,
  });
  const body = (await response.json()) as Omit<GraphQLResponse<Data>, 'status'>;
  return { status: response.status, ...body };
}

/** The `extensions.code` of each error, for exact assertions. */
export const codes = (response: GraphQLResponse) => (response.errors ?? []).map((error) => error.extensions?.code);

/** The data of a response that must succeed; its errors otherwise, as the failure. */
export async function ok<Data = Record<string, any>>(response: Promise<GraphQLResponse<Data>>): Promise<Data> {
  const result = await response;
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

/** Polls until `probe` returns something truthy (events crossing services), up to `timeoutMs`. */
export async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  for (let i = 0; i < timeoutMs / 25; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}
