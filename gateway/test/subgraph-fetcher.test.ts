import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSubgraphFetcher, FetchError } from '../src/subgraph-fetcher';

/**
 * A stand-in subgraph that counts connections and can drop a reused connection without an
 * answer, as a server does when it closes an idle keep-alive socket while a request is on its way.
 */
async function startServer(options: { dropSecondRequestOnAConnection?: boolean } = {}) {
  let connections = 0;
  const requestsOnSocket = new WeakMap<object, number>();
  const server = http.createServer((req, res) => {
    const count = (requestsOnSocket.get(req.socket) ?? 0) + 1;
    requestsOnSocket.set(req.socket, count);
    if (options.dropSecondRequestOnAConnection && count === 2) {
      req.socket.destroy();
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { echo: JSON.parse(body || '{}'), connection: connections } }));
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return { url, connections: () => connections, close: () => new Promise((resolve) => server.close(resolve)) };
}

const post = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the gateway’s HTTP client to subgraphs', () => {
  it('keeps connections alive: 50 requests in a row use one connection', async () => {
    const server = await startServer();
    const { fetcher, close } = createSubgraphFetcher();
    try {
      for (let i = 0; i < 50; i++) {
        const response = await fetcher(server.url, post({ i }));
        expect(response.ok).toBe(true);
        expect(response.headers.get('content-type')).toBe('application/json');
        expect(await response.json()).toEqual({ data: { echo: { i }, connection: 1 } });
      }
      expect(server.connections()).toBe(1);
    } finally {
      close();
      await server.close();
    }
  });

  it('sends a request again on a fresh connection when a reused one is reset unanswered', async () => {
    const server = await startServer({ dropSecondRequestOnAConnection: true });
    const { fetcher, close } = createSubgraphFetcher();
    try {
      expect((await fetcher(server.url, post({ n: 1 }))).status).toBe(200);
      const second = await fetcher(server.url, post({ n: 2 }));
      expect(await second.json()).toEqual({ data: { echo: { n: 2 }, connection: 2 } });
      expect(server.connections()).toBe(2);
    } finally {
      close();
      await server.close();
    }
  });

  it('fails with a FetchError (reported as SERVICE_UNAVAILABLE) when nothing listens', async () => {
    const server = await startServer();
    await server.close();
    const { fetcher, close } = createSubgraphFetcher();
    try {
      await expect(fetcher(server.url, post({}))).rejects.toThrow(FetchError);
      await expect(fetcher(server.url, post({}))).rejects.toMatchObject({
        name: 'FetchError',
        message: expect.stringContaining('ECONNREFUSED'),
      });
    } finally {
      close();
    }
  });

  it('gives headers as the Fetch API would: any case, repeated values joined', async () => {
    const server = http.createServer((_req, res) => {
      res.setHeader('Cache-Control', 'private, max-age=5');
      res.setHeader('x-repeated', ['a', 'b']);
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { fetcher, close } = createSubgraphFetcher();
    try {
      const response = await fetcher(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, post({}));
      expect(response.headers.get('cache-control')).toBe('private, max-age=5');
      expect(response.headers.get('CACHE-CONTROL')).toBe('private, max-age=5');
      expect(response.headers.get('x-repeated')).toBe('a, b');
      expect(response.headers.has('x-absent')).toBe(false);
      expect(response.headers.get('x-absent')).toBeNull();
      expect(new Map(response.headers).get('x-repeated')).toBe('a, b');
    } finally {
      close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
