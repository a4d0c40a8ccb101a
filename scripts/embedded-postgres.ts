import { mkdirSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * The embedded default database for `npm start` on a machine with no PostgreSQL: PGlite 0.4.6
 * (Postgres 17 compiled to WebAssembly) behind a Postgres wire-protocol TCP port on 127.0.0.1, so
 * the app uses the same pg / @prisma/adapter-pg path as with a real server.
 *
 * Why not @electric-sql/pglite-socket 0.1.6's PGLiteSocketServer (read from its source, and
 * reproduced here against pg 8):
 * - Its default `maxConnections` is 1; beyond the limit it writes "Too many connections\n" (not a
 *   protocol message) and closes, and an SSLRequest is forwarded to PGlite and never answered.
 * - All sockets share ONE PGlite session. It queues single protocol messages, not pipelines: once
 *   a client's Parse/Bind/Execute/Sync spans two TCP reads (large parameters), another
 *   connection's messages run in between and replace the unnamed statement or portal ("bind
 *   message supplies 2 parameters, but prepared statement "" requires 1"; with equal parameter
 *   counts, silently another query's rows). It keeps a connection first in line only while an
 *   explicit transaction (BEGIN) is open.
 * - PGlite answers an error inside the extended protocol with an extra ReadyForQuery before the
 *   one for Sync; pg then completes the NEXT query on that connection with no rows and hands each
 *   later query the previous one's rows.
 * So this file speaks the wire protocol itself: it reads each connection's messages up to a
 * synchronisation point (Sync, simple Query, Flush) and runs that whole unit at once; a connection
 * keeps the session from its first unit until the server reports it idle again (no open
 * transaction, no unsynced extended-protocol state), and other connections wait their turn (FIFO);
 * surplus ReadyForQuery messages are dropped; a client that disconnects mid-transaction is rolled
 * back. PGlite runs in a worker thread: its WebAssembly work does not block the app's event loop
 * (everything runs in one process under `npm start`), and it loads outside jest's module sandbox,
 * where PGlite's own `import()` calls fail without --experimental-vm-modules.
 *
 * Named prepared statements and portals of the extended protocol get a per-connection prefix
 * (Parse, Bind, Describe and Close name them), so two connections may each prepare "q1" as pg's
 * clients expect of separate sessions; a connection's statements are closed when it goes.
 *
 * What remains of sharing one session: no per-connection settings (`search_path`, `SET`, start-up
 * `options`; use schema-qualified tables), no LISTEN/NOTIFY between connections, no SQL-level
 * PREPARE shared safely between connections, no query cancellation, one query at a time, and
 * a connection idling inside a transaction blocks the others until it ends. Any user and database
 * name is accepted and ignored (the session is always user "postgres" in database "postgres");
 * a user name must be present.
 */
export interface EmbeddedPostgresOptions {
  /** Folder for the data files; created if missing and reused between runs. */
  dataDir: string;
  /** TCP port on 127.0.0.1. Default: 0, a free port. */
  port?: number;
  /** Open connections accepted at once; must cover the sum of all pools plus tools (+2). Default: 40. */
  maxConnections?: number;
  /** Receives one line per notable event (start, rejected connection, engine failure). Default: none. */
  log?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** A postgresql:// URL for pg and @prisma/adapter-pg. */
  url: string;
  /** Closes every connection, then PGlite (data flushed to dataDir). Safe to call twice. */
  stop(): Promise<void>;
}

const PROTOCOL_3 = 196608;
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const MAX_MESSAGE = 1 << 30;
const [SYNC, QUERY, FLUSH, TERMINATE, READY, PARSE, BIND, DESCRIBE, CLOSE] = ['S', 'Q', 'H', 'X', 'Z', 'P', 'B', 'D', 'C'].map((c) =>
  c.charCodeAt(0),
) as [number, number, number, number, number, number, number, number, number];
const STATEMENT = 'S'.charCodeAt(0);
const IDLE = 'I'.charCodeAt(0);

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const log = options.log ?? (() => {});
  const maxConnections = options.maxConnections ?? 40;
  const engine = await startEngine(dataDir, log);
  const lock = new SessionLock();
  const connections = new Set<Connection>();
  let connectionCount = 0;
  const server = createServer((socket) => {
    if (connections.size >= maxConnections) {
      log(`refused a connection: all ${maxConnections} are in use (raise maxConnections)`);
      socket.on('error', () => {});
      // Answer the start-up packet, as Postgres does, so the client reports the reason.
      socket.once('data', () => socket.end(errorResponse('53300', `sorry, too many clients already (maxConnections ${maxConnections})`)));
      socket.setTimeout(5000, () => socket.destroy());
      return;
    }
    const connection = new Connection(socket, engine, lock, log, `c${++connectionCount}_`);
    connections.add(connection);
    socket.on('close', () => connections.delete(connection));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', resolve);
    });
  } catch (error) {
    await engine.close();
    throw error;
  }
  const { port } = server.address() as { port: number };
  log(`embedded PostgreSQL (PGlite) on 127.0.0.1:${port}, data in ${dataDir}`);

  let stopping: Promise<void> | undefined;
  const stop = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const open = [...connections];
    for (const connection of open) connection.socket.destroy();
    // Each connection finishes its running unit and rolls back an open transaction first.
    await Promise.all(open.map((connection) => connection.settled()));
    await closed;
    await engine.close();
  };
  return {
    // sslmode=disable: no TLS here, and pg would otherwise treat prefer/require as verify-full.
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop: () => (stopping ??= stop()),
  };
}

/** Who holds the one PGlite session; the others wait in arrival order. */
class SessionLock {
  private held = false;
  private readonly waiting: (() => void)[] = [];

  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }
}

/** One client socket: frames its messages into units and runs them in order. */
class Connection {
  private input: Buffer[] = [];
  private inputBytes = 0;
  /** Bytes needed before parsing is worth trying again (avoids re-joining a large message per read). */
  private needed = 0;
  private unit: Buffer[] = [];
  private started = false;
  private holding = false;
  private closed = false;
  private work: Promise<void> = Promise.resolve();
  /** Named statements this connection prepared (by their name in the session), closed when it goes. */
  private readonly statements = new Set<string>();

  constructor(
    readonly socket: Socket,
    private readonly engine: Engine,
    private readonly lock: SessionLock,
    private readonly log: (line: string) => void,
    /** Put before every statement and portal name this connection gives. */
    private readonly prefix: string,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => {}); // a client going away resets the socket; 'close' follows
    socket.on('close', () => {
      this.closed = true;
      this.chain(() => this.cleanUp());
    });
  }

  /** Resolves once every unit of this connection has run and its session state is cleaned up. */
  settled(): Promise<void> {
    return this.work;
  }

  private receive(chunk: Buffer): void {
    this.input.push(chunk);
    this.inputBytes += chunk.length;
    if (this.inputBytes < this.needed) return;
    this.needed = 0;
    let buffer = this.input.length === 1 ? chunk : Buffer.concat(this.input);
    for (;;) {
      const headerSize = this.started ? 5 : 4;
      const length = buffer.length >= headerSize ? (this.started ? 1 : 0) + buffer.readInt32BE(this.started ? 1 : 0) : headerSize;
      if (length < headerSize || length > MAX_MESSAGE) return void this.socket.destroy();
      if (buffer.length < length) {
        this.needed = length;
        break;
      }
      // Copy: a subarray would keep the whole (possibly large) read buffer alive.
      this.accept(Buffer.from(buffer.subarray(0, length)));
      buffer = buffer.subarray(length);
      if (this.socket.destroyed) return;
    }
    this.input = buffer.length > 0 ? [buffer] : [];
    this.inputBytes = buffer.length;
  }

  private accept(message: Buffer): void {
    if (!this.started) {
      const code = message.length >= 8 ? message.readInt32BE(4) : 0;
      // No TLS or GSS encryption here: 'N' tells the client to go on in plain text.
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) return void this.socket.write('N');
      // A CancelRequest (or an unknown protocol): nothing can be cancelled in a single session.
      if (code !== PROTOCOL_3) return void this.socket.destroy();
      this.started = true;
      return this.submit([message], true);
    }
    const type = message[0];
    // PGlite ignores Terminate; closing the socket is what ends the connection.
    if (type === TERMINATE) return void this.socket.end();
    this.unit.push(this.ownNames(message));
    if (type === SYNC || type === QUERY || type === FLUSH) {
      this.submit(this.unit, type !== FLUSH);
      this.unit = [];
    }
  }

  /** `synced`: the unit ends at a point where the server reports ReadyForQuery. */
  private submit(messages: Buffer[], synced: boolean): void {
    const bytes = Buffer.concat(messages);
    this.chain(async () => {
      if (this.closed) return;
      if (!this.holding) {
        await this.lock.acquire();
        this.holding = true;
        if (this.closed) return; // cleanUp (queued behind us) releases the session
      }
      const { data, status } = tidyOutput(await this.engine.exec(bytes), synced);
      if (this.socket.writable) this.socket.write(data);
      if (status === IDLE) this.releaseSession();
    });
  }

  /**
   * The message with this connection's prefix on the statement and portal names it gives (the
   * unnamed ones, "", stay shared: each unit runs whole, so they never cross connections).
   */
  private ownNames(message: Buffer): Buffer {
    const type = message[0];
    if (type === PARSE) {
      const [name, end] = cString(message, 5);
      if (name) this.statements.add(this.prefix + name);
      return name ? withLength(message, 5, end, this.named(name)) : message;
    }
    if (type === BIND) {
      const [portal, portalEnd] = cString(message, 5);
      const [statement, statementEnd] = cString(message, portalEnd);
      if (!portal && !statement) return message;
      return withLength(message, 5, statementEnd, Buffer.concat([this.named(portal), this.named(statement)]));
    }
    if (type === DESCRIBE || type === CLOSE) {
      const [name, end] = cString(message, 6);
      if (!name) return message;
      if (type === CLOSE && message[5] === STATEMENT) this.statements.delete(this.prefix + name);
      return withLength(message, 6, end, this.named(name));
    }
    return message;
  }

  /** A name as a C string in the session: "" stays unnamed, others get the prefix. */
  private named(name: string): Buffer {
    return Buffer.from(`${name ? this.prefix + name : ''}\0`, 'utf8');
  }

  /** Leaves the shared session as a new connection expects it, then lets the next one in. */
  private async cleanUp(): Promise<void> {
    if (!this.holding && this.statements.size === 0) return;
    if (!this.holding) {
      await this.lock.acquire();
      this.holding = true;
    }
    try {
      // Sync ends an unfinished extended-protocol exchange; ROLLBACK an open transaction.
      let { status } = tidyOutput(await this.engine.exec(frontendMessage('S', '')), true);
      if (status !== IDLE) ({ status } = tidyOutput(await this.engine.exec(frontendMessage('Q', 'ROLLBACK\0')), true));
      if (status !== IDLE) this.log(`the session was left in state ${String.fromCharCode(status ?? 63)} by a closed connection`);
      // Its prepared statements go with it: another connection may prepare the same names.
      const closes = [...this.statements].map((name) => frontendMessage('C', `S${name}\0`));
      if (closes.length > 0) tidyOutput(await this.engine.exec(Buffer.concat([...closes, frontendMessage('S', '')])), true);
      this.statements.clear();
    } finally {
      this.releaseSession();
    }
  }

  private releaseSession(): void {
    if (!this.holding) return;
    this.holding = false;
    this.lock.release();
  }

  private chain(step: () => Promise<void>): void {
    this.work = this.work.then(step).catch((error: Error) => {
      this.log(`embedded PostgreSQL: closing a connection after an engine error: ${error.message}`);
      this.socket.destroy();
      if (this.closed) this.releaseSession(); // cleanUp already ran or failed; never strand the others
    });
  }
}

/**
 * Drops every ReadyForQuery except a final one after a synchronisation point (PGlite sends an
 * extra one after an error inside the extended protocol) and reports that final one's
 * transaction status: 'I' idle, 'T' in a transaction, 'E' in a failed transaction.
 */
function tidyOutput(output: Buffer, synced: boolean): { data: Buffer; status: number | undefined } {
  const ready: number[] = [];
  for (let offset = 0; offset + 5 <= output.length; offset += 1 + output.readInt32BE(offset + 1)) {
    if (output[offset] === READY) ready.push(offset);
  }
  const last = ready.at(-1);
  const final = synced && last !== undefined && last + 6 === output.length ? last : undefined;
  const status = final === undefined ? undefined : output[final + 5];
  const surplus = ready.filter((offset) => offset !== final);
  if (surplus.length === 0) return { data: output, status };
  const parts: Buffer[] = [];
  let from = 0;
  for (const offset of surplus) {
    parts.push(output.subarray(from, offset));
    from = offset + 6;
  }
  parts.push(output.subarray(from));
  return { data: Buffer.concat(parts), status };
}

/** The C string at `offset` and the offset just past its terminating zero. */
function cString(message: Buffer, offset: number): [string, number] {
  const end = message.indexOf(0, offset);
  return end < 0 ? ['', message.length] : [message.toString('utf8', offset, end), end + 1];
}

/** The message with bytes [from, to) replaced and its length field set again. */
function withLength(message: Buffer, from: number, to: number, replacement: Buffer): Buffer {
  const out = Buffer.concat([message.subarray(0, from), replacement, message.subarray(to)]);
  out.writeInt32BE(out.length - 1, 1);
  return out;
}

function frontendMessage(type: string, body: string): Buffer {
  const payload = Buffer.from(body, 'utf8');
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(payload.length + 4, 1);
  return Buffer.concat([header, payload]);
}

function errorResponse(code: string, message: string): Buffer {
  return frontendMessage('E', `SFATAL\0VFATAL\0C${code}\0M${message}\0\0`);
}

interface Engine {
  /** Runs protocol messages in the PGlite session; one call at a time (the SessionLock sees to it). */
  exec(bytes: Buffer): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * PGlite in a worker thread. Plain CommonJS source, so it runs the same under tsx and jest; the
 * package path is resolved here because the worker has no resolver of the caller's.
 */
const ENGINE_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.pglite);
let db = PGlite.create(workerData.dataDir);
db.then(() => parentPort.postMessage({ kind: 'ready' }), (error) => parentPort.postMessage({ kind: 'failed', message: String(error && error.stack || error) }));
parentPort.on('message', (request) => {
  db = db.then(async (pg) => {
    try {
      if (request.kind === 'close') {
        await pg.close();
        parentPort.postMessage({ kind: 'closed' });
      } else {
        const out = (await pg.execProtocolRaw(request.bytes)).slice();
        parentPort.postMessage({ kind: 'result', data: out }, [out.buffer]);
      }
    } catch (error) {
      parentPort.postMessage({ kind: 'failed', message: String(error && error.stack || error) });
    }
    return pg;
  });
});
`;

type EngineReply = { kind: 'ready' | 'closed' } | { kind: 'result'; data: Uint8Array } | { kind: 'failed'; message: string };

async function startEngine(dataDir: string, log: (line: string) => void): Promise<Engine> {
  const worker = new Worker(ENGINE_SOURCE, {
    eval: true,
    execArgv: [], // no tsx or jest flags: the worker runs plain JavaScript
    workerData: { dataDir, pglite: require.resolve('@electric-sql/pglite') },
  });
  // Replies come back in request order: the worker handles one request at a time.
  const pending: { resolve(reply: EngineReply): void; reject(error: Error): void }[] = [];
  let broken: Error | undefined;
  /** Sends `message` (none: waits for the start-up reply) and resolves with its reply. */
  const request = (message?: { kind: string; bytes?: Uint8Array }, transfer: ArrayBuffer[] = []) => {
    if (broken) return Promise.reject(broken);
    return new Promise<EngineReply>((resolve, reject) => {
      pending.push({ resolve, reject });
      if (message) worker.postMessage(message, transfer);
    });
  };
  const fail = (error: Error) => {
    broken ??= error;
    for (const waiter of pending.splice(0)) waiter.reject(broken);
  };
  worker.on('message', (reply: EngineReply) => pending.shift()?.resolve(reply));
  worker.on('error', (error) => {
    log(`embedded PostgreSQL engine failed: ${error.stack ?? error.message}`);
    fail(error);
  });
  worker.on('exit', (code) => fail(new Error(`the embedded PostgreSQL engine exited (code ${code})`)));

  const first = await request().catch((error: Error) => ({ kind: 'failed' as const, message: error.message }));
  if (first.kind !== 'ready') {
    await worker.terminate();
    throw new Error(`could not start PGlite in ${dataDir}: ${first.kind === 'failed' ? first.message : first.kind}`);
  }
  return {
    async exec(bytes) {
      // A fresh copy the worker can own: `bytes` may share Node's pooled buffer memory.
      const copy = new Uint8Array(bytes);
      const reply = await request({ kind: 'exec', bytes: copy }, [copy.buffer]);
      if (reply.kind !== 'result') throw new Error(reply.kind === 'failed' ? reply.message : `unexpected ${reply.kind}`);
      return Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength);
    },
    async close() {
      if (!broken) {
        const reply = await request({ kind: 'close' }).catch((error: Error) => ({ kind: 'failed' as const, message: error.message }));
        if (reply.kind === 'failed') log(`embedded PostgreSQL did not close cleanly: ${reply.message}`);
      }
      broken ??= new Error('the embedded PostgreSQL is stopped');
      await worker.terminate();
    },
  };
}
