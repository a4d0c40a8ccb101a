/** Raw multipart HTTP and SSE subscription requests, for tests that read the wire itself. */
export const MULTIPART_ACCEPT = 'multipart/mixed;subscriptionSpec="1.0", application/json';
export const SSE_ACCEPT = 'text/event-stream';

export interface OpenStream {
  response: Promise<Response>;
  /** The whole body once the server ends the response (what arrived, if the client aborted). */
  ended: Promise<string>;
  /** The body so far. */
  text(): string;
  abort(): void;
  /** Resolves once the body so far satisfies `probe`. */
  until(probe: (text: string) => boolean): Promise<void>;
}

/** POSTs one operation asking for a stream (`accept`) and keeps the text as it arrives. */
export function openStream(url: string, accept: string, body: Record<string, unknown>, token?: string): OpenStream {
  const controller = new AbortController();
  let text = '';
  const waiters = new Set<() => void>();
  const response = fetch(url, {
    method: 'POST',
    headers: { accept, 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
    signal: controller.signal,
  });
  const ended = (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of (await response).body as unknown as AsyncIterable<Uint8Array>) {
        text += decoder.decode(chunk, { stream: true });
        for (const wake of [...waiters]) wake();
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    }
    return text;
  })();
  ended.catch(() => {});
  return {
    response,
    ended,
    text: () => text,
    abort: () => controller.abort(),
    until: (probe) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (!probe(text)) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      }),
  };
}

/** The parts of a multipart/mixed body with boundary "graphql": each part's headers and JSON body. */
export function multipartParts(text: string): { headers: string; body: Record<string, unknown> }[] {
  return text
    .split('\r\n--graphql')
    .slice(1)
    .filter((part) => part.startsWith('\r\n'))
    .map((part) => {
      const [headers = '', body = ''] = part.slice(2).split('\r\n\r\n');
      return { headers, body: JSON.parse(body) as Record<string, unknown> };
    });
}

type Coded = { extensions?: { code?: string } };

/** The codes of the errors in a multipart body's result payloads (not its transport errors). */
export const payloadErrorCodes = (text: string) =>
  multipartParts(text).flatMap(({ body }) =>
    ((body.payload as { errors?: Coded[] } | null)?.errors ?? []).map((error) => error.extensions?.code),
  );

/** The data of each `next` event of an SSE body. */
export const sseNextEvents = (text: string) =>
  text
    .split('\n\n')
    .filter((event) => event.startsWith('event: next\ndata: '))
    .map((event) => JSON.parse(event.slice('event: next\ndata: '.length)) as { data?: Record<string, any>; errors?: Coded[] });
