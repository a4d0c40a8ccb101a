import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { operationText, type Operation } from './graphql';

/** The gateway's graphql-ws endpoint for its HTTP /graphql URL. */
export const wsUrl = (gatewayUrl: string) => gatewayUrl.replace(/^http/, 'ws');

/** A graphql-ws client as third-party apps configure one: the session token in connection_init. */
export function wsClient(gatewayUrl: string, token?: string, options: { retryAttempts?: number } = {}): Client {
  return createClient({
    url: wsUrl(gatewayUrl),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: options.retryAttempts ?? 0,
  });
}

export interface Collected<Data> {
  results: FormattedExecutionResult<Data, unknown>[];
  /** Resolves when the server completes or refuses the subscription; rejects when the connection fails. */
  done: Promise<void>;
  /** Resolves once `count` results (or the end) have arrived. */
  waitFor(count: number): Promise<void>;
  unsubscribe(): void;
}

/** Subscribes and keeps every result, in order. */
export function collect<Data = Record<string, any>, Variables = Record<string, unknown>>(
  client: Client,
  query: Operation<Data, Variables>,
  variables?: Variables,
): Collected<Data> {
  const results: FormattedExecutionResult<Data, unknown>[] = [];
  const waiters: { count: number; resolve(): void }[] = [];
  let finished = false;
  const wake = () => {
    for (const waiter of [...waiters]) {
      if (finished || results.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  let unsubscribe = () => {};
  const done = new Promise<void>((resolve, reject) => {
    unsubscribe = client.subscribe<Data>(
      { query: operationText(query), variables: variables as Record<string, unknown> | undefined },
      {
        next: (result) => {
          results.push(result);
          wake();
        },
        error: (error) => {
          finished = true;
          // An `error` message (the operation was refused before it ran) is kept as a result;
          // anything else (a closed socket) fails `done`.
          if (Array.isArray(error)) results.push({ errors: error });
          wake();
          if (Array.isArray(error)) resolve();
          else
            reject(error instanceof Error ? error : new Error(`connection closed: ${(error as { code?: number }).code ?? String(error)}`));
        },
        complete: () => {
          finished = true;
          wake();
          resolve();
        },
      },
    );
  });
  done.catch(() => {});
  return {
    results,
    done,
    waitFor: (count) =>
      new Promise<void>((resolve) => {
        waiters.push({ count, resolve });
        wake();
      }),
    unsubscribe: () => unsubscribe(),
  };
}
