import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';

export type { ResultOf } from '@graphql-typed-document-node/core';

export interface GraphQLResponse<Data = Record<string, any>> {
  status: number;
  data?: Data | null;
  errors?: GraphQLFormattedError[];
}

/**
 * An operation to send: a typed document from `graphql()` in `@cameo/test-helpers/generated`
 * (codegen checks it against schema/api.graphql and types its result and variables), or raw
 * text, for tests that send what no client would (malformed, too deep, too costly) or talk to
 * a subgraph's own schema.
 */
export type Operation<Data, Variables> = TypedDocumentNode<Data, Variables> | string;

/** The text of an operation, as sent. */
export const operationText = (operation: Operation<unknown, never>) => (typeof operation === 'string' ? operation : print(operation));

/** Posts one GraphQL operation over HTTP the way any client would. */
export async function request<Data = Record<string, any>, Variables = Record<string, unknown>>(
  url: string,
  operation: Operation<Data, Variables>,
  /** `headers` may be computed from the exact body sent (gateway proofs bind it). */
  options: {
    variables?: Variables;
    token?: string;
    headers?: Record<string, string> | ((body: string) => Record<string, string>);
  } = {},
): Promise<GraphQLResponse<Data>> {
  const sent = JSON.stringify({ query: operationText(operation), variables: options.variables });
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

/** `request`'s former name: test files import `graphql()` (the typed-document tag) from the generated folder. */
export const graphql = request;

/**
 * `request` bound to a gateway and taking the viewer first: `gql(user, Document, variables)`.
 * The URL is read at each call, so a file can bind it before its stack starts.
 */
export const requestAs =
  (gatewayUrl: () => string) =>
  <Data = Record<string, any>, Variables = Record<string, unknown>>(
    user: { token: string } | null,
    query: Operation<Data, Variables>,
    variables?: Variables,
  ) =>
    request(gatewayUrl(), query, { token: user?.token, variables });

/** The `extensions.code` of each error, for exact assertions. */
export const codes = (response: GraphQLResponse<unknown>) => (response.errors ?? []).map((error) => error.extensions?.code);

/** The data of a response that must succeed; its errors otherwise, as the failure. */
export async function ok<Data = Record<string, any>>(response: Promise<GraphQLResponse<Data>>): Promise<Data> {
  const result = await response;
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

/**
 * Polls until `probe` returns something truthy (events crossing services, a server's counters),
 * up to `timeoutMs`: how tests wait, instead of sleeping a guessed time.
 */
export async function until<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Lets `ms` pass. Only for a test whose claim is that something does NOT happen within that
 * time (there is no event to wait for); anything else waits with `until`.
 */
export const quietFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
