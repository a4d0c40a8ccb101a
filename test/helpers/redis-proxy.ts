import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export interface RedisProxy {
  /** redis:// URL of the proxy: a client connects here instead of to Redis. */
  url: string;
  /** Drops every open connection and refuses new ones (Redis "away"). */
  cut(): void;
  /** Accepts connections again. */
  restore(): void;
  close(): Promise<void>;
}

/**
 * A TCP pass-through to Redis that a test can cut: what a client sees when its Redis connection
 * drops (ioredis reconnects and resubscribes on its own, and pub/sub messages sent meanwhile are
 * lost to it).
 */
export async function startRedisProxy(redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'): Promise<RedisProxy> {
  const target = new URL(redisUrl);
  let refusing = false;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    if (refusing) return void client.destroy();
    const upstream = connect(Number(target.port || 6379), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const destroyAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    url: `redis://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cut: () => {
      refusing = true;
      destroyAll();
    },
    restore: () => {
      refusing = false;
    },
    close: async () => {
      destroyAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
