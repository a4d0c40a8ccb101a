import { createServer } from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';
import { listen } from '../src/listen';
import { closeWithin } from '../src/serve-ws';

describe('closeWithin', () => {
  it('cuts a client that never answers the close frame, instead of waiting for ws to give up on it', async () => {
    // Attached to an HTTP server, as ours are: close() then waits for every client to be gone.
    const httpServer = createServer();
    const wss = new WebSocketServer({ server: httpServer, path: '/graphql' });
    const { url } = await listen(httpServer, 0, '127.0.0.1');
    const client = new WebSocket(url.replace(/^http/, 'ws'));
    try {
      await new Promise((resolve) => client.once('open', resolve));
      // A peer that has gone quiet (a phone in a tunnel): it reads nothing, so it never answers.
      (client as unknown as { _socket: { pause(): void } })._socket.pause();
      const [serverSide] = wss.clients;
      const serverSideClosed = new Promise((resolve) => serverSide!.once('close', resolve));
      serverSide!.close(1001, 'shutting down');

      await closeWithin(wss, 100);
      expect(wss.clients.size).toBe(0);
      await serverSideClosed;
    } finally {
      client.terminate();
      await new Promise((resolve) => httpServer.close(resolve));
    }
  }, 10_000);
});
