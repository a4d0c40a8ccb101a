import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { createSocketWriter } from '../src/subscriptions/socket-writer';

/** Frames built by the gateway's socket writer, read by a real ws client over a real socket. */
let server: WebSocketServer;
let url: string;
beforeAll(async () => {
  server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  await once(server, 'listening');
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const client of server.clients) client.terminate();
  await new Promise((resolve) => server.close(resolve));
});

/** Connects a client, hands the server side to `serve`, and collects what the client receives until it closes. */
async function exchange(serve: (socket: WebSocket) => void): Promise<{ messages: string[]; code: number }> {
  const served = once(server, 'connection');
  const client = new WebSocket(url);
  const messages: string[] = [];
  client.on('message', (data, isBinary) => messages.push(isBinary ? '<binary>' : String(data)));
  const closed = once(client, 'close');
  const [socket] = (await served) as [WebSocket];
  serve(socket);
  const [code] = (await closed) as [number];
  return { messages, code };
}

it('writes every message of one turn, in order, as text frames of every header size', async () => {
  const sent = ['a', 'ü✓ "quoted"', 'x'.repeat(125), 'y'.repeat(126), 'z'.repeat(65_535), '€'.repeat(30_000), 'w'.repeat(70_000)];
  const { messages, code } = await exchange((socket) => {
    const writer = createSocketWriter(socket);
    for (const message of sent) writer.write(Buffer.from(message));
    // In two parts, as `next` messages are: the id prefix, then the shared payload.
    writer.write(Buffer.from('{"id":"1",'), Buffer.from('"payload":"ü"}'));
    // A later turn: its own write, after the first.
    setImmediate(() => {
      writer.write(Buffer.from('later'));
      setImmediate(() => socket.close(1000));
    });
  });
  expect(messages).toEqual([...sent, '{"id":"1","payload":"ü"}', 'later']);
  expect(code).toBe(1000);
});

it('drops what is still waiting when the socket starts closing in the same turn: nothing follows a close frame', async () => {
  const { messages, code } = await exchange((socket) => {
    const writer = createSocketWriter(socket);
    writer.write(Buffer.from('never'), Buffer.from(' sent'));
    expect(writer.pendingBytes()).toBe('never sent'.length);
    socket.close(4008);
  });
  expect(messages).toEqual([]);
  expect(code).toBe(4008);
});
