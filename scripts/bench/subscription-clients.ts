import { fork, type ChildProcess } from 'node:child_process';
import WebSocket from 'ws';

/**
 * The client side of `npm run bench:subscriptions`, spread over child processes so that 5,000
 * sockets and 50,000 messages a second are not held up by one event loop: a load generator
 * that falls behind shows up as gateway latency. Each child speaks graphql-transport-ws
 * directly on `ws` (connection_init, subscribe, pong; every frame parsed and checked), which
 * costs a fraction of a full graphql-ws client per message; the tests use the full client.
 */
export interface ClientConnection {
  token: string;
  generationId: string;
  subscriptions: number;
}

/** Connections one client process has subscribing at a time (see runChild). */
const CONNECTING_AT_ONCE = 20;
/** The gateway's "try again later" close code, and how much later. */
const TRY_AGAIN_LATER = 1013;
const RETRY_MS = 1_000;

type ToChild = { type: 'open'; url: string; query: string; connections: ClientConnection[]; expected: number };
type FromChild = { type: 'ready'; retried: number } | { type: 'latencies'; latencies: number[] } | { type: 'failed'; message: string };

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes. */
export const now = () => performance.timeOrigin + performance.now();

export interface ClientProcesses {
  /** Resolves once every subscription has had its first event (the current state), with how many connections and subscriptions had to try again. */
  ready: Promise<number>;
  /** Resolves with every latency once each child has had all the events it expects. */
  latencies: Promise<number[]>;
  stop(): void;
}

/** Forks `processes` children and gives each a share of the connections. */
export function startClientProcesses(
  url: string,
  query: string,
  connections: ClientConnection[],
  processes: number,
  rounds: number,
): ClientProcesses {
  const children: ChildProcess[] = [];
  const ready: Promise<number>[] = [];
  const latencies: Promise<number[]>[] = [];
  for (let p = 0; p < processes; p++) {
    const share = connections.filter((_, c) => c % processes === p);
    const child = fork(__filename, ['--child'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.push(child);
    const failed = new Promise<never>((_, reject) => {
      child.on('message', (message: FromChild) => {
        if (message.type === 'failed') reject(new Error(message.message));
      });
      child.once('exit', (code) => reject(new Error(`client process exited with ${code}`)));
    });
    failed.catch(() => {});
    const when = <T>(type: FromChild['type'], value: (message: FromChild) => T) =>
      Promise.race([
        failed,
        new Promise<T>((resolve) => child.on('message', (message: FromChild) => message.type === type && resolve(value(message)))),
      ]);
    ready.push(when('ready', (message) => (message as { retried: number }).retried));
    latencies.push(when('latencies', (message) => (message as { latencies: number[] }).latencies));
    const expected = share.reduce((sum, connection) => sum + connection.subscriptions, 0) * rounds;
    child.send({ type: 'open', url, query, connections: share, expected } satisfies ToChild);
  }
  const all = {
    ready: Promise.all(ready).then((counts) => counts.reduce((sum, count) => sum + count, 0)),
    latencies: Promise.all(latencies).then((lists) => lists.flat()),
  };
  // Whichever is awaited at the time a child fails reports it; the other must not crash the run.
  all.latencies.catch(() => {});
  return {
    ...all,
    stop: () => {
      for (const child of children) {
        child.removeAllListeners('exit');
        child.kill();
      }
    },
  };
}

/** In a child: opens its connections, subscribes, and reports latencies (publish stamp in `stage`). */
function runChild(message: ToChild) {
  const send = (reply: FromChild) => process.send!(reply);
  const fail = (reason: string) => {
    send({ type: 'failed', message: reason });
    process.exit(1);
  };
  const latencies: number[] = [];
  let waitingFirst = message.connections.reduce((sum, connection) => sum + connection.subscriptions, 0);
  let retried = 0;
  // A few connections subscribing at a time, the next once one has all its first events: 5,000
  // at once keep the gateway's event loop from reading the users subgraph's session answers in
  // time, and it refuses them as a storm should be refused (1013, or SERVICE_UNAVAILABLE).
  const queue = [...message.connections];
  const openNext = () => {
    const connection = queue.shift();
    if (connection) open(connection);
  };
  for (let i = 0; i < CONNECTING_AT_ONCE; i++) openNext();
  function open(connection: ClientConnection) {
    const socket = new WebSocket(message.url, 'graphql-transport-ws');
    const seen = new Set<string>();
    const subscribe = (id: string) =>
      socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: message.query, variables: { id: connection.generationId } } }));
    // As a client told "try again later" does: shortly, and only while nothing was published yet.
    const retry = (again: () => void) => {
      if (latencies.length > 0) return false;
      retried++;
      setTimeout(again, RETRY_MS);
      return true;
    };
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${connection.token}` } })),
    );
    socket.on('close', (code, reason) => {
      if (latencies.length === message.expected) return;
      if (code === TRY_AGAIN_LATER && seen.size < connection.subscriptions && retry(() => open(connection))) {
        waitingFirst += seen.size;
        return;
      }
      fail(`socket closed ${code} ${String(reason)}`);
    });
    socket.on('error', (error) => fail(error.message));
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { id?: string; type: string; payload?: any };
      if (frame.type === 'ping') return socket.send('{"type":"pong"}');
      if (frame.type === 'connection_ack') {
        for (let s = 0; s < connection.subscriptions; s++) subscribe(String(s));
        return;
      }
      const unavailable = frame.type === 'error' && frame.payload?.[0]?.extensions?.code === 'SERVICE_UNAVAILABLE';
      if (unavailable && retry(() => subscribe(frame.id!))) return;
      const event = frame.payload?.data?.generationProgress;
      if (frame.type !== 'next' || !event || Number(frame.id) >= connection.subscriptions) return fail(`unexpected frame ${String(data)}`);
      if (!seen.has(frame.id!)) {
        // The first is the state at subscribe time, not a published event.
        seen.add(frame.id!);
        if (seen.size === connection.subscriptions) openNext();
        if (--waitingFirst === 0) send({ type: 'ready', retried });
        return;
      }
      latencies.push(now() - Number(event.stage));
      if (latencies.length === message.expected) send({ type: 'latencies', latencies });
    });
  }
}

if (process.argv.includes('--child')) process.once('message', (message: ToChild) => runChild(message));
