import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { eventStream, toStreamFields } from '@cameo/kernel/events';
import { createEventTransport } from '@cameo/kernel/event-transport';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { until } from '@cameo/test-helpers/graphql';
import { createDb, type UsersDb } from '../src/db';
import { applySocialEvent, startSocialProjection } from '../src/social-projection';

let database: TestDatabase;
let db: UsersDb;
const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

beforeAll(async () => {
  database = await createTestDatabase('users_social_projection');
  db = createDb(database.url, 2);
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const edges = async () => ({
  follows: (await db.followEdge.findMany())
    .map((edge) => `${edge.followerId === A ? 'A' : 'B'}->${edge.followeeId === A ? 'A' : 'B'}`)
    .sort(),
  blocks: (await db.blockEdge.findMany()).map((edge) => `${edge.blockerId === A ? 'A' : 'B'}x${edge.blockedId === A ? 'A' : 'B'}`),
});

describe('the social projection', () => {
  it('applies follows once, even when an event is replayed', async () => {
    expect(await applySocialEvent(db, { id: 's-1', topic: 'social.followed', payload: { followerId: A, followeeId: B } })).toBe(true);
    expect(await applySocialEvent(db, { id: 's-1', topic: 'social.followed', payload: { followerId: A, followeeId: B } })).toBe(false);
    await applySocialEvent(db, { id: 's-2', topic: 'social.followed', payload: { followerId: B, followeeId: A } });
    expect(await edges()).toEqual({ follows: ['A->B', 'B->A'], blocks: [] });
  });

  it('a block removes follows both ways; an unblock does not restore them', async () => {
    await applySocialEvent(db, { id: 's-3', topic: 'social.blocked', payload: { blockerId: B, blockedId: A } });
    expect(await edges()).toEqual({ follows: [], blocks: ['BxA'] });
    await applySocialEvent(db, { id: 's-4', topic: 'social.unblocked', payload: { blockerId: B, blockedId: A } });
    expect(await edges()).toEqual({ follows: [], blocks: [] });
  });

  it('an unfollow replayed after a new follow does not undo it', async () => {
    await applySocialEvent(db, { id: 's-5', topic: 'social.followed', payload: { followerId: A, followeeId: B } });
    await applySocialEvent(db, { id: 's-6', topic: 'social.unfollowed', payload: { followerId: A, followeeId: B } });
    await applySocialEvent(db, { id: 's-7', topic: 'social.followed', payload: { followerId: A, followeeId: B } });
    expect(await applySocialEvent(db, { id: 's-6', topic: 'social.unfollowed', payload: { followerId: A, followeeId: B } })).toBe(false);
    expect(await edges()).toEqual({ follows: ['A->B'], blocks: [] });
  });
});

describe('the projection fed from the social event stream', () => {
  it('applies each event once, skips malformed ones, and picks up events written before it started', async () => {
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const namespace = `cameo-test-${randomBytes(4).toString('hex')}`;
    const stream = eventStream('social', namespace);
    const redis = new Redis(redisUrl);
    const C = '33333333-3333-4333-8333-333333333333';
    const publish = (id: string, topic: string, payload: unknown) =>
      redis.xadd(stream, '*', ...toStreamFields({ id, topic, payload, at: new Date().toISOString() }));
    const errors: unknown[] = [];
    await publish('social:1', 'social.followed', { followerId: C, followeeId: A });
    const transport = createEventTransport({
      kind: 'redis',
      subgraph: 'users',
      db,
      redisUrl,
      namespace,
      onError: (error) => errors.push(error),
    });
    startSocialProjection(db, transport);
    try {
      await publish('social:1', 'social.followed', { followerId: C, followeeId: A }); // redelivered duplicate
      await publish('social:2', 'social.followed', { followerId: 'not-a-uuid', followeeId: A });
      await publish('social:3', 'social.liked', { postId: 'x' });
      await publish('social:4', 'social.followed', { followerId: A, followeeId: C });
      // Wait until the consumer group has acknowledged all five entries.
      await until('five entries acknowledged', async () => {
        const groups = (await redis.xinfo('GROUPS', stream)) as unknown[][];
        const info = Object.fromEntries(
          (groups[0] ?? []).reduce<unknown[][]>((pairs, value, i, all) => (i % 2 ? pairs : [...pairs, [value, all[i + 1]]]), []),
        );
        return info['entries-read'] === 5 && info.pending === 0;
      });
      const follows = await db.followEdge.findMany({ where: { OR: [{ followerId: C }, { followeeId: C }] } });
      expect(follows.map((edge) => `${edge.followerId === C ? 'C' : 'A'}->${edge.followeeId === C ? 'C' : 'A'}`).sort()).toEqual([
        'A->C',
        'C->A',
      ]);
      expect(await db.processedEvent.count({ where: { eventId: { startsWith: 'social:' } } })).toBe(2);
      expect(errors).toEqual([]);
    } finally {
      await transport.close();
      await redis.del(stream);
      redis.disconnect();
    }
  });
});

describe('losses of consent from the social graph', () => {
  let seq = 0;
  const person = async (label: string) => {
    const user = await db.user.create({
      data: { handle: `${label}_${randomBytes(3).toString('hex')}`, displayName: label, passwordHash: 'x' },
      select: { id: true },
    });
    return user.id;
  };
  const cameo = (ownerId: string, policy: 'ONLY_ME' | 'APPROVED' | 'MUTUALS' | 'EVERYONE', kind: 'PERSON' | 'PET' = 'PET') =>
    db.cameo
      .create({
        data: {
          ownerId,
          kind,
          personOwnerId: kind === 'PERSON' ? ownerId : null,
          name: 'c',
          status: 'VERIFIED',
          policy,
          verificationPhrase: 'p',
          uploadKey: randomBytes(8).toString('hex'),
        },
        select: { id: true },
      })
      .then((row) => row.id);
  const eventId = () => `social:loss-${++seq}`;
  /** consent_revoked rows for the given cameos, as "cameo>user cause vN", and the xid that wrote them. */
  const losses = async (cameoIds: string[]) => {
    const rows = await db.$queryRaw<{ payload: { cameoId: string; userId: string; cause: string; policyVersion: number }; xid: string }[]>`
      SELECT payload, xmin::text AS xid FROM users.outbox
      WHERE topic = 'cameo.consent_revoked' AND payload->>'cameoId' = ANY(${cameoIds}::text[]) ORDER BY id`;
    return rows;
  };
  const processedXid = async (id: string) =>
    (await db.$queryRaw<{ xid: string }[]>`SELECT xmin::text AS xid FROM users.processed_event WHERE event_id = ${id}`)[0]?.xid;

  it.each([
    ['p blocks q', true],
    ['q blocks p', false],
  ])(
    'a block (%s) emits consent_revoked for every cameo of both people, in the transaction of the projection change',
    async (_label, blockerFirst) => {
      const [p, q] = [await person('p'), await person('q')];
      const pCameos = [await cameo(p, 'EVERYONE', 'PERSON'), await cameo(p, 'ONLY_ME')];
      const qCameos = [await cameo(q, 'APPROVED', 'PERSON')];
      const [blockerId, blockedId] = blockerFirst ? [p, q] : [q, p];
      const id = eventId();
      expect(await applySocialEvent(db, { id, topic: 'social.blocked', payload: { blockerId, blockedId } })).toBe(true);

      const rows = await losses([...pCameos, ...qCameos]);
      const described = rows.map(({ payload }) => `${payload.cameoId}>${payload.userId} ${payload.cause} v${payload.policyVersion}`).sort();
      expect(described).toEqual([...pCameos.map((c) => `${c}>${q} BLOCKED v2`), ...qCameos.map((c) => `${c}>${p} BLOCKED v2`)].sort());
      // One transaction wrote the processed id, the events and the version bumps.
      const xid = await processedXid(id);
      expect(xid).toBeDefined();
      expect(new Set(rows.map((row) => row.xid))).toEqual(new Set([xid]));
      expect((await db.cameo.findMany({ where: { ownerId: { in: [p, q] } } })).map((c) => c.policyVersion)).toEqual([2, 2, 2]);
      expect(await db.consentChange.count({ where: { cameoId: { in: [...pCameos, ...qCameos] }, cause: 'BLOCKED' } })).toBe(3);

      // A replay writes nothing twice; a block the other way adds no loss either.
      expect(await applySocialEvent(db, { id, topic: 'social.blocked', payload: { blockerId, blockedId } })).toBe(false);
      await applySocialEvent(db, { id: eventId(), topic: 'social.blocked', payload: { blockerId: blockedId, blockedId: blockerId } });
      expect(await losses([...pCameos, ...qCameos])).toHaveLength(3);
      expect(await db.consentChange.count({ where: { cameoId: { in: [...pCameos, ...qCameos] } } })).toBe(3);
    },
  );

  it('an unfollow that ends a mutual follow emits for MUTUALS cameos only; one that ends no mutual emits nothing', async () => {
    const [p, q] = [await person('p'), await person('q')];
    const pMutuals = await cameo(p, 'MUTUALS', 'PERSON');
    const pOthers = [await cameo(p, 'EVERYONE'), await cameo(p, 'APPROVED')];
    const qMutuals = await cameo(q, 'MUTUALS');
    const qOthers = [await cameo(q, 'ONLY_ME', 'PERSON')];
    const all = [pMutuals, qMutuals, ...pOthers, ...qOthers];
    await applySocialEvent(db, { id: eventId(), topic: 'social.followed', payload: { followerId: p, followeeId: q } });
    await applySocialEvent(db, { id: eventId(), topic: 'social.followed', payload: { followerId: q, followeeId: p } });
    expect(await losses(all)).toEqual([]);

    const id = eventId();
    await applySocialEvent(db, { id, topic: 'social.unfollowed', payload: { followerId: q, followeeId: p } });
    const rows = await losses(all);
    expect(rows.map(({ payload }) => `${payload.cameoId}>${payload.userId} ${payload.cause} v${payload.policyVersion}`).sort()).toEqual(
      [`${pMutuals}>${q} MUTUAL_ENDED v2`, `${qMutuals}>${p} MUTUAL_ENDED v2`].sort(),
    );
    expect(new Set(rows.map((row) => row.xid))).toEqual(new Set([await processedXid(id)]));
    const versions = Object.fromEntries((await db.cameo.findMany({ where: { id: { in: all } } })).map((c) => [c.id, c.policyVersion]));
    expect(pOthers.concat(qOthers).map((c) => versions[c])).toEqual([1, 1, 1]);

    // The remaining one-way follow ends no mutual: nothing more.
    await applySocialEvent(db, { id: eventId(), topic: 'social.unfollowed', payload: { followerId: p, followeeId: q } });
    expect(await losses(all)).toHaveLength(2);
  });
});
