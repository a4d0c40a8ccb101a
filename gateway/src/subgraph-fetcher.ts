import http from 'node:http';
import https from 'node:https';
import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';

/**
 * The gateway's HTTP client to subgraphs: plain node:http over a keep-alive pool per subgraph.
 *
 * It replaces RemoteGraphQLDataSource's default (make-fetch-happen), which costs more CPU per
 * request and kept idle sockets past the subgraph's keep-alive timeout, so a request could be
 * written to a socket the subgraph had just closed ("socket hang up" under bursty load). Here
 * an idle socket is dropped after IDLE_SOCKET_MS (Node also honours a shorter Keep-Alive hint
 * from the server), and a request that meets a reset on a reused socket — the server closed it
 * while idle and never read the request — is sent once more on a fresh one.
 */
export interface SubgraphFetcherOptions {
  /** Connections per subgraph at most; requests beyond wait for a free one. Default: 256. */
  maxSockets?: number;
  /** A subgraph request that takes longer fails (the gateway reports the subgraph unavailable). Default: 30 s. */
  timeoutMs?: number;
}

const IDLE_SOCKET_MS = 4_000;

/** A subgraph that could not be reached or did not answer: the gateway reports SERVICE_UNAVAILABLE (format-error.ts). */
export class FetchError extends Error {
  override name = 'FetchError';
}

export function createSubgraphFetcher(options: SubgraphFetcherOptions = {}): { fetcher: Fetcher; close(): void } {
  const pool = { keepAlive: true, maxSockets: options.maxSockets ?? 256, timeout: IDLE_SOCKET_MS, scheduling: 'lifo' as const };
  const agents = { 'http:': new http.Agent(pool), 'https:': new https.Agent(pool) };
  const timeoutMs = options.timeoutMs ?? 30_000;

  const send = (url: URL, init: FetcherRequestInit, retry: boolean): Promise<FetcherResponse> =>
    new Promise((resolve, reject) => {
      const client = url.protocol === 'https:' ? https : http;
      const request = client.request(
        url,
        { method: init.method ?? 'GET', headers: init.headers, agent: agents[url.protocol as 'http:' | 'https:'] },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve(bufferedResponse(url.toString(), response, Buffer.concat(chunks))));
          response.on('error', (error) =>
            reject(new FetchError(`response from ${url.toString()} failed: ${error.message}`, { cause: error })),
          );
        },
      );
      request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer from ${url.host} within ${timeoutMs} ms`)));
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (retry && request.reusedSocket && error.code === 'ECONNRESET') resolve(send(url, init, false));
        else reject(new FetchError(`request to ${url.toString()} failed: ${error.message}`, { cause: error }));
      });
      request.end(init.body);
    });

  return {
    fetcher: (url, init = {}) => send(new URL(url), init, true),
    close: () => {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

function bufferedResponse(url: string, response: http.IncomingMessage, body: Buffer): FetcherResponse {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const status = response.statusCode ?? 0;
  let bodyUsed = false;
  const text = async () => {
    bodyUsed = true;
    return body.toString('utf8');
  };
  const self: FetcherResponse = {
    get bodyUsed() {
      return bodyUsed;
    },
    url,
    redirected: false,
    status,
    ok: status >= 200 && status < 300,
    statusText: response.statusMessage ?? '',
    headers,
    text,
    json: async () => JSON.parse(await text()),
    arrayBuffer: async () => {
      bodyUsed = true;
      return body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
    },
    clone: () => bufferedResponse(url, response, body),
  };
  return self;
}
