import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';

/**
 * The two HTTP streaming encodings of a subscription's results. Both are a few lines of text
 * framing, so they are written here rather than through a library: the bytes, the back-pressure
 * and the rules (policy.ts) stay the gateway's own, identical for both.
 *
 * - Multipart, as Apollo Router serves it and Apollo Client's HttpLink (and urql, Apollo Kotlin,
 *   Apollo iOS) read it: `multipart/mixed;boundary="graphql";subscriptionSpec="1.0"`, one
 *   `application/json` part per message — `{"payload":{data,errors}}` for a result, `{}` for a
 *   heartbeat, `{"payload":null,"errors":[…]}` for a transport error (the stream then closes) —
 *   and the closing delimiter `--graphql--`. Every part is followed at once by the delimiter that
 *   ends it (`\r\n--graphql`), so a client's parser hands the part over without waiting for the
 *   next one; what follows the delimiter (`\r\n` + the next part's headers, or `--` at the end)
 *   is written when it is known.
 * - Server-sent events in graphql-sse's "distinct connections mode" (GraphQL Yoga and Hive
 *   Gateway serve the same): `event: next` with the execution result, `event: complete` at the
 *   end, comments (`:`) as heartbeats. graphql-sse has no error event: a transport error is a
 *   `next` result with errors, then `complete`.
 */
export interface StreamEncoding {
  readonly contentType: string;
  /** Written when the response starts (it also flushes the headers). */
  start(): string;
  result(result: FormattedExecutionResult): string;
  transportError(errors: readonly GraphQLFormattedError[]): string;
  heartbeat(): string;
  end(): string;
}

const BOUNDARY = 'graphql';
const multipartPart = (body: unknown) => `\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(body)}\r\n--${BOUNDARY}`;

export const multipart: StreamEncoding = {
  contentType: `multipart/mixed;boundary="${BOUNDARY}";subscriptionSpec="1.0"`,
  start: () => `\r\n--${BOUNDARY}`,
  result: (result) => multipartPart({ payload: result }),
  transportError: (errors) => multipartPart({ payload: null, errors }),
  heartbeat: () => multipartPart({}),
  end: () => '--\r\n',
};

const event = (name: 'next' | 'complete', data?: unknown) =>
  `event: ${name}\ndata:${data === undefined ? '' : ` ${JSON.stringify(data)}`}\n\n`;

export const serverSentEvents: StreamEncoding = {
  contentType: 'text/event-stream; charset=utf-8',
  start: () => ':\n\n',
  result: (result) => event('next', result),
  transportError: (errors) => event('next', { errors }),
  heartbeat: () => ':\n\n',
  end: () => event('complete'),
};

export type StreamKind = 'multipart' | 'sse';
export const encodings: Record<StreamKind, StreamEncoding> = { multipart, sse: serverSentEvents };

/**
 * What the client's Accept header asks for, most preferred first (q values, then order):
 * `multipart` for `multipart/mixed`, `sse` for `text/event-stream`, `json` for JSON and wildcards.
 */
export function acceptedKinds(accept: string | undefined): (StreamKind | 'json')[] {
  if (!accept) return [];
  const ranges = accept.split(',').map((range, index) => {
    const [type = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const q = Number(params.find((param) => param.startsWith('q='))?.slice(2) ?? 1);
    return { type, q: Number.isFinite(q) ? q : 0, index };
  });
  const kindOf = (type: string): StreamKind | 'json' | null => {
    if (type === 'multipart/mixed') return 'multipart';
    if (type === 'text/event-stream') return 'sse';
    if (type === 'application/json' || type === 'application/graphql-response+json' || type === '*/*' || type === 'application/*')
      return 'json';
    return null;
  };
  return ranges
    .filter((range) => range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((range) => kindOf(range.type))
    .filter((kind): kind is StreamKind | 'json' => kind !== null);
}
