import type http from 'node:http';
import { createServer, type AddressInfo } from 'node:net';

/** Listens and resolves with the /graphql URL; port 0 picks a free port (tests). */
export async function listen(
  httpServer: http.Server,
  port: number,
  /** Default: 127.0.0.1 — loopback only; containers pass HOST=0.0.0.0 (env.ts readHost). */
  host = '127.0.0.1',
): Promise<{ url: string; port: number }> {
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const actual = (httpServer.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${actual}/graphql`, port: actual };
}

/** A loopback port nothing listens on: for a process to be started on it, or a connection to be refused. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
