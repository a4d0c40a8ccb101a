import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The embedded default database for `npm start` on a machine with no PostgreSQL: PGlite
 * (Postgres 17 compiled to WebAssembly) behind a Postgres wire-protocol socket, so the app uses
 * the same adapter-pg path as with a real server.
 *
 * What pglite-socket 0.1.6 does with several connections (read from its source): it accepts up
 * to `maxConnections` sockets and rejects more with "Too many connections"; all of them share
 * ONE PGlite session, and a single queue runs one protocol message at a time, keeping the
 * connection that holds an open transaction in front until it ends. So: no per-connection
 * `search_path` or session state (our SQL is schema-qualified), no NOTIFY between connections,
 * and throughput is that of one connection. Fine for a laptop; use a real server beyond that.
 */
export interface EmbeddedPostgresOptions {
  /** Folder for the data files; created if missing and reused between runs. */
  dataDir: string;
  /** TCP port on 127.0.0.1. Default: 0, a free port. */
  port?: number;
  /** Sockets accepted at once; must cover every pool plus tools. Default: 40. */
  maxConnections?: number;
  log?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** A postgresql:// URL for pg and @prisma/adapter-pg. */
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir);
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 40,
  });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  // PGlite ignores the user, password and database in the start-up message: one database.
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  options.log?.(`embedded PostgreSQL (PGlite) on 127.0.0.1:${port}, data in ${options.dataDir}`);
  return {
    url,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
