import { Redis } from 'ioredis';
import { deliver, eventsApplied, replayRequested, type RawDb, type RetryPolicy } from './event-delivery';

/**
 * Domain events, and their Redis transport: one stream per producing subgraph
 * (`cameo:events:<subgraph>`), entries with the fields id, topic, payload (JSON) and at.
 * Delivery is at-least-once: consumers dedupe on `id`. The PostgreSQL transport is in
 * pg-events.ts; event-transport.ts chooses between them.
 */
export interface DomainEvent<Payload = unknown> {
  /** Unique and stable across redeliveries, e.g. "users:42". */
  id: string;
  topic: string;
  payload: Payload;
  at: string;
}

/** Default namespace of the domain-event streams. */
export const DEFAULT_EVENT_NAMESPACE = 'cameo';

/**
 * A subgraph's domain-event stream, `<namespace>:events:<subgraph>`. Deployments sharing a
 * Redis (and test stacks running side by side) keep their events apart with the namespace.
 */
export const eventStream = (subgraph: string, namespace = DEFAULT_EVENT_NAMESPACE) => `${namespace}:events:${subgraph}`;

export function toStreamFields(event: DomainEvent): string[] {
  return ['id', event.id, 'topic', event.topic, 'payload', JSON.stringify(event.payload), 'at', event.at];
}

export function fromStreamFields(fields: string[]): DomainEvent | null {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i]!, fields[i + 1]!);
  const id = map.get('id');
  const topic = map.get('topic');
  const payload = map.get('payload');
  if (!id || !topic || payload === undefined) return null;
  try {
    return { id, topic, payload: JSON.parse(payload) as unknown, at: map.get('at') ?? '' };
  } catch {
    return null;
  }
}

export interface StreamConsumerOptions {
  redisUrl: string;
  stream: string;
  /** The consuming subgraph: each group gets every event once between its replicas; its schema keeps dead letters. */
  group: string;
  /** The producing subgraph. */
  source: string;
  /** The consumer's own database (dead letters). */
  db: RawDb;
  /** Applies one event; must be idempotent. A throw is retried, then dead-lettered (event-delivery.ts). */
  handle: (event: DomainEvent) => Promise<void>;
  retry?: RetryPolicy;
  onError: (error: unknown) => void;
  /** Entries read per call. Default: 100. */
  batchSize?: number;
  /** How long one read waits for new entries. Default: 1000 ms. */
  blockMs?: number;
  /** Entries another consumer of the group has held unacknowledged this long are claimed (a dead replica's). Default: 30 s. */
  claimIdleMs?: number;
}

const STOPPED = Symbol('stopped');

/**
 * disconnect() never settles a command queued while the connection is down (ioredis drops the
 * pending reconnect without failing its offline queue), so a reader races each wait on Redis
 * with its stop: no wait outlives stop().
 */
function stopSignal() {
  let signalStop = () => {};
  const stopping = new Promise<typeof STOPPED>((resolve) => (signalStop = () => resolve(STOPPED)));
  return { signalStop, untilStopped: <T>(command: Promise<T>) => Promise.race([command, stopping]) };
}

/**
 * Reports a lost connection once, not once per reconnect attempt (ioredis would print every
 * attempt's error with its stack as an "Unhandled error event"). Commands wait for the return.
 */
function reportConnectionErrors(redis: Redis, onError: (error: unknown) => void) {
  let reported = false;
  redis.on('error', (error) => {
    if (reported) return;
    reported = true;
    onError(error);
  });
  redis.on('ready', () => (reported = false));
}

export interface StreamConsumer {
  stop(): Promise<void>;
}

/**
 * Reads a stream through a consumer group and acknowledges each entry once it is applied or
 * dead-lettered. On start it first re-reads its own unacknowledged entries (a crash mid-batch
 * loses nothing), and every `claimIdleMs` it claims entries that another consumer of the group
 * left pending that long (XAUTOCLAIM: a replica that died). Malformed entries are acknowledged
 * and reported, so one bad entry cannot wedge the stream.
 */
export function startStreamConsumer(options: StreamConsumerOptions): StreamConsumer {
  // XREADGROUP ... BLOCK holds its connection, so the consumer has one of its own.
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  reportConnectionErrors(redis, options.onError);
  const consumer = `${options.group}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  let stopped = false;
  const abort = new AbortController();
  const { untilStopped, signalStop } = stopSignal();
  const target = {
    consumer: options.group,
    source: options.source,
    db: options.db,
    handle: options.handle,
    onError: options.onError,
    retry: options.retry,
    signal: abort.signal,
  };
  const claimIdleMs = options.claimIdleMs ?? 30_000;
  let nextClaimAt = Date.now() + Math.min(claimIdleMs, 5_000);
  let nextReplayAt = 0;

  const ensureGroup = async () => {
    try {
      await untilStopped(redis.xgroup('CREATE', options.stream, options.group, '0', 'MKSTREAM'));
    } catch (error) {
      if (!String(error).includes('BUSYGROUP')) throw error;
    }
  };

  const apply = async (entries: [string, string[]][]) => {
    for (const [entryId, fields] of entries) {
      if (stopped) return;
      const event = fromStreamFields(fields);
      if (!event) options.onError(new Error(`${options.stream} ${entryId}: malformed event skipped`));
      else {
        const outcome = await deliver(target, event);
        if (outcome === 'stopped') return;
        if (outcome === 'applied') eventsApplied.inc({ consumer: options.group, source: options.source, transport: 'redis' });
      }
      await untilStopped(redis.xack(options.stream, options.group, entryId));
    }
  };

  const readBatch = async (from: '0' | '>') => {
    const reply = await untilStopped(
      redis.xreadgroup(
        'GROUP',
        options.group,
        consumer,
        'COUNT',
        options.batchSize ?? 100,
        'BLOCK',
        from === '>' ? (options.blockMs ?? 1000) : 1,
        'STREAMS',
        options.stream,
        from,
      ),
    );
    if (reply === STOPPED) return 0;
    const entries = (reply as [string, [string, string[]][]][] | null)?.[0]?.[1] ?? [];
    await apply(entries);
    return entries.length;
  };

  /** Takes over what a dead replica left pending, and replays dead letters a person asked for. */
  const housekeeping = async () => {
    const now = Date.now();
    if (now >= nextClaimAt) {
      nextClaimAt = now + Math.min(claimIdleMs, 5_000);
      let cursor = '0-0';
      do {
        const reply = await untilStopped(redis.xautoclaim(options.stream, options.group, consumer, claimIdleMs, cursor, 'COUNT', 100));
        if (reply === STOPPED) return;
        const [next, claimed] = reply as [string, [string, string[] | null][]];
        // Entries deleted from the stream come back with null fields: acknowledge them away.
        await apply(claimed.map(([id, fields]) => [id, fields ?? []] as [string, string[]]));
        cursor = next;
      } while (cursor !== '0-0' && !stopped);
    }
    if (now >= nextReplayAt) {
      nextReplayAt = now + 2_000;
      await replayRequested(target);
    }
  };

  const loop = async () => {
    while (!stopped) {
      try {
        await ensureGroup();
        // Own pending entries first (left by a crash or a stop mid-retry), then new ones.
        while (!stopped && (await readBatch('0')) > 0);
        while (!stopped) {
          await readBatch('>');
          await housekeeping();
        }
      } catch (error) {
        if (stopped) return;
        options.onError(error);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  };
  const running = loop();

  return {
    stop: async () => {
      stopped = true;
      abort.abort();
      signalStop();
      redis.disconnect();
      // Waits for an event being handled (its database work), never for Redis.
      await running;
    },
  };
}

/** Every entry of a stream, oldest first (a read model's rebuild). */
export async function* readStream(redisUrl: string, stream: string, batchSize = 500): AsyncGenerator<DomainEvent> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  try {
    let start = '-';
    for (;;) {
      const entries = (await redis.xrange(stream, start, '+', 'COUNT', batchSize)) as [string, string[]][];
      for (const [, fields] of start === '-' ? entries : entries.slice(1)) {
        const event = fromStreamFields(fields);
        if (event) yield event;
      }
      if (entries.length < batchSize) return;
      start = entries.at(-1)![0];
    }
  } finally {
    redis.disconnect();
  }
}

export interface StreamFollowerOptions {
  redisUrl: string;
  stream: string;
  /** Applies one event added after the follower started. */
  handle: (event: DomainEvent) => void;
  /**
   * The follower lost Redis and may not have heard every event since: anything derived from
   * the stream (a cache it invalidates) must be dropped. It is live again once a read succeeds.
   */
  onGap: () => void;
  onError: (error: unknown) => void;
  /** How long one read waits for new entries. Default: 1000 ms. */
  blockMs?: number;
}

export interface StreamFollower {
  /** Every event since the follower started has been handled, or is on its way over a healthy connection. */
  isLive(): boolean;
  stop(): Promise<void>;
}

/**
 * Reads every new entry of a stream, without a consumer group: for state each process keeps for
 * itself (each gateway replica's cache hears every invalidation), where a group would hand each
 * event to one replica only and leave a group behind in Redis for every process that ever ran.
 */
export function followStream(options: StreamFollowerOptions): StreamFollower {
  // Named after its stream, so CLIENT LIST shows who reads what.
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null, connectionName: `cameo-stream-follower:${options.stream}` });
  reportConnectionErrors(redis, options.onError);
  let stopped = false;
  let live = false;
  const { untilStopped, signalStop } = stopSignal();
  const lose = () => {
    if (!live) return;
    live = false;
    options.onGap();
  };
  redis.on('close', lose);

  const loop = async () => {
    // Entries after this id are still to be read; undefined until the stream's end is known.
    let lastId: string | undefined;
    while (!stopped) {
      try {
        if (lastId === undefined) {
          const last = await untilStopped(redis.xrevrange(options.stream, '+', '-', 'COUNT', 1));
          if (last === STOPPED) return;
          lastId = last[0]?.[0] ?? '0-0';
          live = true;
        }
        const reply = await untilStopped(redis.xread('COUNT', 100, 'BLOCK', options.blockMs ?? 1000, 'STREAMS', options.stream, lastId));
        if (reply === STOPPED) return;
        for (const [entryId, fields] of reply?.[0]?.[1] ?? []) {
          lastId = entryId;
          const event = fromStreamFields(fields);
          if (event) options.handle(event);
          else options.onError(new Error(`${options.stream} ${entryId}: malformed event skipped`));
        }
        // A read that began before a lost connection was sent again from lastId: nothing missed.
        if (redis.status === 'ready') live = true;
      } catch (error) {
        if (stopped) return;
        lose();
        options.onError(error);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  };
  const running = loop();

  return {
    isLive: () => live && !stopped,
    stop: async () => {
      stopped = true;
      live = false;
      signalStop();
      redis.disconnect();
      await running;
    },
  };
}

export interface StreamHubOptions {
  redisUrl: string;
  /** Namespace of the domain-event streams. Default: "cameo". */
  eventNamespace?: string;
  onError: (source: string, error: unknown) => void;
}

/** What one part of a process does with a source's events (see `StreamFollowerOptions`). */
export type StreamListener = Pick<StreamFollowerOptions, 'handle' | 'onGap'>;

/**
 * Several parts of one process that follow the same source (the gateway's entity cache and its
 * session guard both follow users') share one follower: one Redis connection and one read per
 * entry instead of one each. A source's follower starts with its first listener and stops with
 * its last; every listener hears every event and every gap.
 */
export interface StreamHub {
  follow(source: string, listener: StreamListener): StreamFollower;
  stop(): Promise<void>;
}

export function createStreamHub(options: StreamHubOptions): StreamHub {
  const shared = new Map<string, { follower: StreamFollower; listeners: Set<StreamListener> }>();
  const sharedFollower = (source: string) => {
    let entry = shared.get(source);
    if (entry) return entry;
    const listeners = new Set<StreamListener>();
    const follower = followStream({
      redisUrl: options.redisUrl,
      stream: eventStream(source, options.eventNamespace),
      handle: (event) => {
        for (const listener of listeners) {
          // One part's failure is its own gap, not the others'.
          try {
            listener.handle(event);
          } catch (error) {
            options.onError(source, error);
            listener.onGap();
          }
        }
      },
      onGap: () => {
        for (const listener of listeners) listener.onGap();
      },
      onError: (error) => options.onError(source, error),
    });
    shared.set(source, (entry = { follower, listeners }));
    return entry;
  };
  return {
    follow: (source, listener) => {
      const entry = sharedFollower(source);
      // A copy per call: one part following twice stops each on its own.
      const own: StreamListener = { handle: listener.handle, onGap: listener.onGap };
      entry.listeners.add(own);
      let stopped = false;
      return {
        isLive: () => !stopped && entry.follower.isLive(),
        stop: async () => {
          if (stopped) return;
          stopped = true;
          entry.listeners.delete(own);
          if (entry.listeners.size > 0 || shared.get(source) !== entry) return;
          shared.delete(source);
          await entry.follower.stop();
        },
      };
    },
    stop: async () => {
      const entries = [...shared.values()];
      shared.clear();
      await Promise.all(entries.map((entry) => entry.follower.stop()));
    },
  };
}
