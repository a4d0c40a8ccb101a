import { GraphQLError } from 'graphql';
import { Redis } from 'ioredis';
import { ErrorCode } from './errors';
import { closeRedis } from './redis';

/**
 * Live events (generation progress, notifications) between processes. Redis pub/sub when
 * REDIS_URL is set, so any number of gateway and subgraph replicas see the same events; an
 * in-process bus otherwise (`npm start` runs everything in one process). Delivery is
 * at-most-once by design: durable domain events go through the outbox, not here.
 */
export interface PubSub {
  publish(topic: string, payload: unknown): Promise<void>;
  /** Events published on `topic` after this call. `return()` unsubscribes. */
  subscribe(topic: string): EventStream;
  close(): Promise<void>;
  /**
   * Calls `listener` whenever messages may have been lost without the streams ending: the Redis
   * connection closed (ioredis reconnects and subscribes again by itself, and what was published
   * meanwhile never arrives). Returns the unsubscribe function. Absent on the in-process bus,
   * which loses nothing.
   */
  onInterrupted?(listener: () => void): () => void;
}

/** How long a new subscriber waits for Redis to confirm before its stream fails. */
export const SUBSCRIBE_TIMEOUT_MS = 2_000;

/** Live events cannot be delivered (Redis is unreachable): subscribers are told so at once. */
export class LiveEventsUnavailableError extends GraphQLError {
  constructor() {
    super('Live updates are unavailable right now; try again shortly.', { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } });
  }
}

/** Default number of events a subscriber may fall behind before its stream ends. */
export const DEFAULT_BUFFER_SIZE = 1000;

export class SubscriberOverflowError extends Error {
  readonly code = 'SUBSCRIBER_OVERFLOW';
  constructor(topic: string, size: number) {
    super(`subscriber fell more than ${size} events behind on ${topic}`);
  }
}

/**
 * An explicit async iterator, not an `async function*`: a generator parked on a quiet topic
 * cannot be returned until its next event, so its listener would leak. This one ends at once.
 * A slow reader gets a bounded buffer; overflowing it ends the stream with an error.
 */
export class EventStream implements AsyncIterableIterator<unknown> {
  private readonly buffer: unknown[] = [];
  private readonly pulls: { resolve(result: IteratorResult<unknown>): void; reject(error: Error): void }[] = [];
  private done = false;
  private failure: Error | undefined;
  /** Resolves once events published from now on will arrive (Redis confirms the SUBSCRIBE). */
  ready: Promise<void> = Promise.resolve();

  /** True once the stream failed or was returned: nothing more will arrive. */
  get ended(): boolean {
    return this.done;
  }

  constructor(
    private readonly topic: string,
    private readonly bufferSize: number,
    private readonly onClose: () => void,
  ) {}

  push(value: unknown): void {
    if (this.done) return;
    const pull = this.pulls.shift();
    if (pull) return pull.resolve({ value, done: false });
    if (this.buffer.length >= this.bufferSize) return this.fail(new SubscriberOverflowError(this.topic, this.bufferSize));
    this.buffer.push(value);
  }

  fail(error: Error): void {
    if (this.done) return;
    this.failure = error;
    this.finish();
    for (const pull of this.pulls.splice(0)) pull.reject(error);
  }

  next(): Promise<IteratorResult<unknown>> {
    if (this.buffer.length > 0) return Promise.resolve({ value: this.buffer.shift(), done: false });
    if (this.failure) return Promise.reject(this.failure);
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => this.pulls.push({ resolve, reject }));
  }

  return(): Promise<IteratorResult<unknown>> {
    this.finish();
    this.buffer.length = 0;
    for (const pull of this.pulls.splice(0)) pull.resolve({ value: undefined, done: true });
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  private finish() {
    if (this.done) return;
    this.done = true;
    this.onClose();
  }
}

/** Subscribers by topic, shared by both implementations. */
class Topics {
  private readonly streams = new Map<string, Set<EventStream>>();

  constructor(private readonly bufferSize: number) {}

  add(topic: string, onEmpty: () => void): EventStream {
    const set = this.streams.get(topic) ?? new Set();
    this.streams.set(topic, set);
    const stream: EventStream = new EventStream(topic, this.bufferSize, () => {
      set.delete(stream);
      if (set.size === 0 && this.streams.get(topic) === set) {
        this.streams.delete(topic);
        onEmpty();
      }
    });
    set.add(stream);
    return stream;
  }

  has(topic: string): boolean {
    return this.streams.has(topic);
  }

  deliver(topic: string, payload: unknown): void {
    for (const stream of [...(this.streams.get(topic) ?? [])]) stream.push(payload);
  }

  endAll(): void {
    for (const set of [...this.streams.values()]) for (const stream of [...set]) void stream.return();
  }
}

export interface PubSubOptions {
  /** Events a subscriber may fall behind. Default: DEFAULT_BUFFER_SIZE (1000). */
  bufferSize?: number;
}

export function createMemoryPubSub(options: PubSubOptions = {}): PubSub {
  const topics = new Topics(options.bufferSize ?? DEFAULT_BUFFER_SIZE);
  return {
    publish: async (topic, payload) => topics.deliver(topic, structuredClone(payload)),
    subscribe: (topic) => topics.add(topic, () => {}),
    close: async () => topics.endAll(),
  };
}

export interface RedisPubSubOptions extends PubSubOptions {
  /** Prepended to every channel name, so deployments (and test runs) sharing a Redis stay apart. Default: "cameo:". */
  prefix?: string;
}

export function createRedisPubSub(redisUrl: string, options: RedisPubSubOptions = {}): PubSub {
  const prefix = options.prefix ?? 'cameo:';
  const publisher = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
  // A connection in subscriber mode can do nothing else, hence a second one.
  const subscriber = new Redis(redisUrl, { lazyConnect: false });
  const topics = new Topics(options.bufferSize ?? DEFAULT_BUFFER_SIZE);
  const confirmed = new Map<string, Promise<void>>();
  const interruptions = new Set<() => void>();
  subscriber.on('close', () => {
    for (const listener of [...interruptions]) listener();
  });
  subscriber.on('message', (channel: string, message: string) => {
    if (!channel.startsWith(prefix)) return;
    topics.deliver(channel.slice(prefix.length), JSON.parse(message));
  });
  return {
    publish: async (topic, payload) => {
      await publisher.publish(prefix + topic, JSON.stringify(payload));
    },
    subscribe: (topic) => {
      const first = !topics.has(topic);
      const stream = topics.add(topic, () => {
        confirmed.delete(topic);
        subscriber.unsubscribe(prefix + topic).catch(() => {});
      });
      if (first) {
        confirmed.set(
          topic,
          subscriber.subscribe(prefix + topic).then(
            () => {},
            (error: Error) => stream.fail(error),
          ),
        );
      }
      // While Redis is away the SUBSCRIBE waits in ioredis' queue: the subscriber is not kept waiting.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          stream.fail(new LiveEventsUnavailableError());
          resolve();
        }, SUBSCRIBE_TIMEOUT_MS);
      });
      stream.ready = Promise.race([confirmed.get(topic) ?? Promise.resolve(), late]).finally(() => clearTimeout(timer));
      return stream;
    },
    close: async () => {
      interruptions.clear();
      topics.endAll();
      await Promise.all([closeRedis(publisher), closeRedis(subscriber)]);
    },
    onInterrupted: (listener) => {
      interruptions.add(listener);
      return () => interruptions.delete(listener);
    },
  };
}

/** Redis when a URL is given, else the in-process bus. */
export function createPubSub(redisUrl: string | undefined, options: RedisPubSubOptions = {}): PubSub {
  return redisUrl ? createRedisPubSub(redisUrl, options) : createMemoryPubSub(options);
}
