import { Redis } from 'ioredis';
import type { RawDb, RetryPolicy } from './event-delivery';
import { eventStream, followStream, readStream, startStreamConsumer, type DomainEvent } from './events';
import { startOutboxRelay, type OutboxDb } from './outbox';
import { followOutbox, replayOutbox, startPgConsumer, type OutboxFollower, type Stoppable } from './pg-events';

/**
 * How domain events travel between subgraphs. The producer always writes them to its outbox in
 * the transaction of the change; the transport carries them to consumers:
 * - `redis`: a relay copies outbox rows to the Redis stream `<namespace>:events:<subgraph>`,
 *   consumers read it through a consumer group (pending entries of a dead replica are claimed).
 * - `postgres`: the outbox table itself is the log (see pg-events.ts); nothing is copied.
 * Both deliver at least once, in order per source, through the same handlers, with the same
 * retries and dead letters (event-delivery.ts). Handlers dedupe on the event id.
 */
export type EventTransportKind = 'redis' | 'postgres';

export interface ConsumerSpec {
  /** The producing subgraph whose events are read. */
  source: string;
  handle: (event: DomainEvent) => Promise<void>;
  retry?: RetryPolicy;
}

export interface FollowSpec {
  /** The producing subgraph whose events are read. */
  source: string;
  /** One event published after the follower started; this process's own state only (no retries, no dead letters). */
  handle: (event: DomainEvent) => void;
  /** Events may have been missed (Redis lost the connection): drop whatever was derived from them. */
  onGap: () => void;
}

/** A follower of one source: `isLive()` while every event since it started has reached it or is on its way. */
export type Follower = OutboxFollower;

export interface EventTransport {
  readonly kind: EventTransportKind;
  /** Starts carrying this subgraph's outbox to consumers (a no-op on PostgreSQL). */
  startRelay(db: OutboxDb): Stoppable;
  /** Starts a consumer of `spec.source` for this subgraph. */
  consume(spec: ConsumerSpec): Stoppable;
  /**
   * Starts reading `spec.source`'s new events in this process: unlike `consume`, every replica
   * hears every event (a per-process cache's invalidations), and nothing is recorded.
   */
  follow(spec: FollowSpec): Follower;
  /** Every event `source` has published, oldest first (a read model's rebuild). */
  replay(source: string): AsyncIterable<DomainEvent>;
  close(): Promise<void>;
}

export interface EventTransportOptions {
  kind: EventTransportKind;
  /** The subgraph this process runs: its schema keeps positions and dead letters; its group name. */
  subgraph: string;
  /** The subgraph's own Prisma client. */
  db: RawDb;
  /** For `redis`. */
  redisUrl?: string;
  /** Stream namespace (tests isolate stacks with it). Default: "cameo". */
  namespace?: string;
  onError: (error: unknown) => void;
  /** Poll interval of PostgreSQL readers while events flow. Default: 100 ms (400 ms after two quiet seconds). */
  pollMs?: number;
  /** Redis: entries a dead replica left pending this long are claimed by a live one. Default: 30 s. */
  claimIdleMs?: number;
  /** PostgreSQL: how long events may wait behind an older running transaction before it is reported. Default: 10 s. */
  heldBackWarnMs?: number;
}

/** EVENT_TRANSPORT wins; otherwise Redis when there is one, PostgreSQL when there is not. */
export function chooseTransport(configured: EventTransportKind | undefined, redisUrl: string | undefined): EventTransportKind {
  return configured ?? (redisUrl ? 'redis' : 'postgres');
}

/** The transport a subgraph's start options ask for (see chooseTransport). */
export function transportForSubgraph(
  subgraph: string,
  db: RawDb,
  options: { eventTransport?: EventTransportKind; redisUrl?: string; eventNamespace?: string },
  onError: (error: unknown) => void,
): EventTransport {
  const kind = chooseTransport(options.eventTransport, options.redisUrl);
  return createEventTransport({ kind, subgraph, db, redisUrl: options.redisUrl, namespace: options.eventNamespace, onError });
}

export function createEventTransport(options: EventTransportOptions): EventTransport {
  return options.kind === 'redis' ? redisTransport(options) : postgresTransport(options);
}

function redisTransport(options: EventTransportOptions): EventTransport {
  const redisUrl = options.redisUrl;
  if (!redisUrl) throw new Error('the redis event transport needs REDIS_URL');
  const stoppables: Stoppable[] = [];
  let relayRedis: Redis | undefined;
  return {
    kind: 'redis',
    startRelay(db) {
      relayRedis ??= new Redis(redisUrl, { maxRetriesPerRequest: 1 });
      const relay = startOutboxRelay(db, relayRedis, {
        subgraph: options.subgraph,
        stream: eventStream(options.subgraph, options.namespace),
        onError: options.onError,
      });
      stoppables.push(relay);
      return relay;
    },
    consume(spec) {
      const consumer = startStreamConsumer({
        redisUrl,
        stream: eventStream(spec.source, options.namespace),
        group: options.subgraph,
        source: spec.source,
        db: options.db,
        handle: spec.handle,
        retry: spec.retry,
        onError: options.onError,
        claimIdleMs: options.claimIdleMs,
      });
      stoppables.push(consumer);
      return consumer;
    },
    follow(spec) {
      const follower = followStream({
        redisUrl,
        stream: eventStream(spec.source, options.namespace),
        handle: spec.handle,
        onGap: spec.onGap,
        onError: options.onError,
      });
      stoppables.push(follower);
      return follower;
    },
    replay: (source) => readStream(redisUrl, eventStream(source, options.namespace)),
    async close() {
      for (const stoppable of stoppables.splice(0)) await stoppable.stop();
      relayRedis?.disconnect();
    },
  };
}

function postgresTransport(options: EventTransportOptions): EventTransport {
  const stoppables: Stoppable[] = [];
  return {
    kind: 'postgres',
    startRelay: () => ({ stop: async () => {} }),
    consume(spec) {
      const consumer = startPgConsumer({
        db: options.db,
        consumer: options.subgraph,
        source: spec.source,
        handle: spec.handle,
        retry: spec.retry,
        onError: options.onError,
        pollMs: options.pollMs,
        heldBackWarnMs: options.heldBackWarnMs,
      });
      stoppables.push(consumer);
      return consumer;
    },
    follow(spec) {
      // Nothing is lost on PostgreSQL: a failed read is tried again from the same place, so no gap.
      const follower = followOutbox({
        db: options.db,
        source: spec.source,
        handle: spec.handle,
        onError: options.onError,
        pollMs: options.pollMs,
      });
      stoppables.push(follower);
      return follower;
    },
    replay: (source) => replayOutbox(options.db, source),
    async close() {
      for (const stoppable of stoppables.splice(0)) await stoppable.stop();
    },
  };
}
