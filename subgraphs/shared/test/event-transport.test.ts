import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { quietFor, until } from '@cameo/test-helpers/graphql';
import { rawDb } from '../src/raw-db';
import { eventMetrics, listDeadLetters, requestReplay } from '../src/event-delivery';
import { createEventTransport, type EventTransport, type EventTransportKind } from '../src/event-transport';
import { eventStream, toStreamFields, type DomainEvent } from '../src/events';
import { heldBackSeconds } from '../src/held-back';

// The two event transports behind one interface: the same behaviour is asserted on both, with
// users as the producer (its outbox) and feed as the consumer (its position and dead letters).
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let database: TestDatabase;
let db: ReturnType<typeof rawDb>;
const redis = new Redis(REDIS_URL);
const namespaces: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase('event_transport');
  db = rawDb(database.url);
});
afterAll(async () => {
  await db.end();
  await database.drop();
  for (const namespace of namespaces) {
    const keys = await redis.keys(`${namespace}:*`);
    if (keys.length) await redis.del(...keys);
  }
  redis.disconnect();
});

const emit = (n: number, topic = 'thing.made') =>
  db.$executeRawUnsafe(`INSERT INTO "users"."outbox" (topic, payload) VALUES ($1, $2::jsonb)`, topic, JSON.stringify({ n }));

/** A transport for a fresh producer/consumer pair: the outbox and the consumer's state are emptied first. */
async function transportFor(kind: EventTransportKind, consumer = 'feed'): Promise<EventTransport> {
  await db.$executeRawUnsafe('TRUNCATE "users"."outbox"');
  await db.$executeRawUnsafe(`TRUNCATE "${consumer}"."event_position", "${consumer}"."dead_letter_event"`);
  const namespace = `cameo-test-${randomBytes(4).toString('hex')}`;
  namespaces.push(namespace);
  return open(kind, namespace, consumer);
}

const open = (kind: EventTransportKind, namespace: string, consumer = 'feed') =>
  createEventTransport({ kind, subgraph: consumer, db, redisUrl: REDIS_URL, namespace, onError: () => {}, pollMs: 50 });

/** The producer's side: on Redis its relay copies the outbox to the stream. */
function producer(kind: EventTransportKind, namespace: string) {
  return createEventTransport({ kind, subgraph: 'users', db, redisUrl: REDIS_URL, namespace, onError: () => {} });
}

const payloads = (events: DomainEvent[]) => events.map((event) => (event.payload as { n: number }).n);

describe.each(['postgres', 'redis'] as const)('the %s transport', (kind) => {
  it('delivers every event once, in order, and after a restart goes on where it stopped', async () => {
    const consumerSide = await transportFor(kind);
    const namespace = namespaces.at(-1)!;
    const relay = producer(kind, namespace);
    relay.startRelay(db);
    const seen: DomainEvent[] = [];
    consumerSide.consume({ source: 'users', handle: async (event) => void seen.push(event) });
    for (const n of [1, 2, 3]) await emit(n);
    await until('three events', async () => seen.length >= 3);
    await consumerSide.close();

    await emit(4);
    const again = open(kind, namespace);
    again.consume({ source: 'users', handle: async (event) => void seen.push(event) });
    await until('the fourth event', async () => seen.length >= 4);
    await emit(5);
    await until('the fifth event', async () => seen.length >= 5);
    await again.close();
    await relay.close();
    expect(payloads(seen)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(seen.map((event) => event.id)).size).toBe(5);
    expect(seen[0]!.id).toMatch(/^users:\d+$/);
  });

  it('lets every replica follow a source: each hears every event published after it started, and none before', async () => {
    const replicaA = await transportFor(kind);
    const namespace = namespaces.at(-1)!;
    const replicaB = open(kind, namespace);
    const relay = producer(kind, namespace);
    relay.startRelay(db);
    await emit(1);
    // On Redis the follower starts at the stream's end: the old event must be there first.
    if (kind === 'redis') await until('the old event relayed', async () => (await redis.xlen(eventStream('users', namespace))) >= 1);
    const heard: Record<'a' | 'b', DomainEvent[]> = { a: [], b: [] };
    const gaps: string[] = [];
    const followers = (['a', 'b'] as const).map((replica) =>
      (replica === 'a' ? replicaA : replicaB).follow({
        source: 'users',
        handle: (event) => void heard[replica].push(event),
        onGap: () => void gaps.push(replica),
      }),
    );
    await until('both followers placed at the end of the log', async () => followers.every((follower) => follower.isLive()));
    for (const n of [2, 3, 4]) await emit(n);
    await until('three events at both replicas', async () => heard.a.length >= 3 && heard.b.length >= 3);
    await Promise.all([replicaA.close(), replicaB.close(), relay.close()]);
    expect({ a: payloads(heard.a), b: payloads(heard.b), gaps }).toEqual({ a: [2, 3, 4], b: [2, 3, 4], gaps: [] });
    expect(followers.some((follower) => follower.isLive())).toBe(false);
  });

  it('retries a failing event with backoff, dead-letters it without wedging the stream, and replays it on request', async () => {
    const consumerSide = await transportFor(kind);
    const relay = producer(kind, namespaces.at(-1)!);
    relay.startRelay(db);
    const attempts = new Map<number, number>();
    let healed = false;
    const applied: number[] = [];
    consumerSide.consume({
      source: 'users',
      retry: { attempts: 3, firstDelayMs: 10 },
      handle: async (event) => {
        const n = (event.payload as { n: number }).n;
        attempts.set(n, (attempts.get(n) ?? 0) + 1);
        if (n === 1 && !healed) throw new Error('the users subgraph is away');
        applied.push(n);
      },
    });
    const before =
      (await eventMetrics.getSingleMetric('cameo_events_dead_lettered_total')!.get()).values.find((v) => v.labels.consumer === 'feed')
        ?.value ?? 0;
    await emit(1);
    await emit(2);
    await until('the event after the failing one', async () => applied.includes(2));
    expect(attempts.get(1)).toBe(3);
    const letters = await listDeadLetters(db, 'feed');
    expect(letters).toEqual([
      expect.objectContaining({
        source: 'users',
        topic: 'thing.made',
        attempts: 3,
        error: 'the users subgraph is away',
        replayRequested: false,
      }),
    ]);
    const after =
      (await eventMetrics.getSingleMetric('cameo_events_dead_lettered_total')!.get()).values.find((v) => v.labels.consumer === 'feed')
        ?.value ?? 0;
    expect(after - before).toBe(1);

    healed = true;
    expect(await requestReplay(db, 'feed')).toBe(1);
    await until('the replayed event', async () => applied.includes(1), 15_000);
    await until('the dead letter to go', async () => (await listDeadLetters(db, 'feed')).length === 0);
    await consumerSide.close();
    await relay.close();
    expect(applied).toEqual([2, 1]);
  });
});

describe('the postgres transport', () => {
  it('never passes over an event whose transaction commits after a later one (the bigserial trap)', async () => {
    const transport = await transportFor('postgres');
    const seen: DomainEvent[] = [];
    transport.consume({ source: 'users', handle: async (event) => void seen.push(event) });
    const slow = new pg.Client({ connectionString: database.url });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      // The slow transaction takes the lower id first ...
      await slow.query(`INSERT INTO "users"."outbox" (topic, payload) VALUES ('thing.made', '{"n": 1}')`);
      // ... a later one commits at once ...
      await emit(2);
      // ... and is delivered only once the older transaction has ended, so nothing is skipped:
      // the claim is that nothing arrives meanwhile (several polls of the outbox), so this waits
      // out a window rather than an event.
      await quietFor(300);
      expect(seen).toEqual([]);
      await slow.query('COMMIT');
      await until('both events', async () => seen.length >= 2);
    } finally {
      await slow.end();
    }
    await transport.close();
    expect(payloads(seen).sort()).toEqual([1, 2]);
    const ids = seen.map((event) => Number(event.id.split(':')[1]));
    expect(ids[0]).toBeLessThan(ids[1]!);
  });

  it('reports the transaction holding events back, names it, and shows the wait on /metrics until it ends', async () => {
    await transportFor('postgres');
    const reports: string[] = [];
    const transport = createEventTransport({
      kind: 'postgres',
      subgraph: 'feed',
      db,
      redisUrl: REDIS_URL,
      onError: (error) => reports.push(String(error)),
      pollMs: 50,
      heldBackWarnMs: 300,
    });
    const seen: DomainEvent[] = [];
    transport.consume({ source: 'users', handle: async (event) => void seen.push(event) });
    // Any transaction with an id holds the server's oldest-running horizon, whatever it writes.
    const slow = new pg.Client({ connectionString: database.url });
    await slow.connect();
    const heldSeconds = async () =>
      (await heldBackSeconds.get()).values.find((value) => value.labels.consumer === 'feed' && value.labels.source === 'users')?.value ?? 0;
    try {
      await slow.query('BEGIN');
      await slow.query('SELECT pg_current_xact_id()');
      await emit(1);
      const report = await until('a report of the hold', async () => reports.find((line) => line.includes('held back')), 15_000);
      // Ours, unless a test file running beside this one holds an older transaction right now.
      expect(report).toMatch(/users's events held back \d+ s by an older transaction of pid \d+ in database \w+, running \d+ s: /);
      expect(seen).toEqual([]);
      expect(await heldSeconds()).toBeGreaterThan(0);
      await slow.query('COMMIT');
      await until('the event, once the transaction ended', async () => seen.length >= 1);
      await until('the wait back to 0', async () => (await heldSeconds()) === 0);
    } finally {
      await slow.end();
    }
    await transport.close();
    expect(reports.filter((line) => line.includes('held back'))).toHaveLength(1);
  });

  it('has a follower hear an event whose transaction was running when it started, once it commits', async () => {
    const transport = await transportFor('postgres');
    const slow = new pg.Client({ connectionString: database.url });
    await slow.connect();
    const heard: DomainEvent[] = [];
    try {
      await slow.query('BEGIN');
      await slow.query(`INSERT INTO "users"."outbox" (topic, payload) VALUES ('thing.made', '{"n": 1}')`);
      const follower = transport.follow({ source: 'users', handle: (event) => void heard.push(event), onGap: () => {} });
      await until('the follower placed', async () => follower.isLive());
      await emit(2);
      await slow.query('COMMIT');
      await until('both events', async () => heard.length >= 2);
    } finally {
      await slow.end();
    }
    await transport.close();
    expect(payloads(heard).sort()).toEqual([1, 2]);
  });

  it('lets one replica read a source at a time: every event is handled exactly once between two', async () => {
    const first = await transportFor('postgres');
    const second = open('postgres', namespaces.at(-1)!);
    const seen: string[] = [];
    const handle = async (event: DomainEvent) => void seen.push(event.id);
    first.consume({ source: 'users', handle });
    second.consume({ source: 'users', handle });
    for (let n = 1; n <= 40; n++) await emit(n);
    await until('forty events', async () => seen.length >= 40);
    // Exactly once: a second delivery by the other replica would arrive within a few polls.
    await quietFor(200);
    expect(seen.length).toBe(40);
    await first.close();
    // The replica left: the other takes over at once (the lease was handed back).
    await emit(41);
    await until('the event after the hand-over', async () => seen.length >= 41);
    await second.close();
    expect(seen.length).toBe(41);
    expect(new Set(seen).size).toBe(41);
  });

  it('replays a whole outbox in commit order for a rebuild', async () => {
    const transport = await transportFor('postgres');
    for (const n of [1, 2, 3]) await emit(n);
    const replayed: DomainEvent[] = [];
    for await (const event of transport.replay('users')) replayed.push(event);
    await transport.close();
    expect(payloads(replayed)).toEqual([1, 2, 3]);
  });
});

describe('the redis transport', () => {
  it('claims the entries a dead replica left pending', async () => {
    const namespace = `cameo-test-${randomBytes(4).toString('hex')}`;
    namespaces.push(namespace);
    await db.$executeRawUnsafe('TRUNCATE "feed"."event_position", "feed"."dead_letter_event"');
    const stream = eventStream('users', namespace);
    await redis.xgroup('CREATE', stream, 'feed', '0', 'MKSTREAM');
    await redis.xadd(stream, '*', ...toStreamFields({ id: 'users:1', topic: 'thing.made', payload: { n: 1 }, at: '' }));
    // A replica reads the entry and dies before acknowledging it.
    await redis.xreadgroup('GROUP', 'feed', 'dead-replica', 'COUNT', 10, 'STREAMS', stream, '>');
    const transport = createEventTransport({
      kind: 'redis',
      subgraph: 'feed',
      db,
      redisUrl: REDIS_URL,
      namespace,
      onError: () => {},
      claimIdleMs: 100,
    });
    const seen: DomainEvent[] = [];
    transport.consume({ source: 'users', handle: async (event) => void seen.push(event) });
    await until('the claimed entry', async () => seen.length >= 1, 15_000);
    await transport.close();
    expect(seen.map((event) => event.id)).toEqual(['users:1']);
    expect((await redis.xpending(stream, 'feed'))[0]).toBe(0);
  });
});
