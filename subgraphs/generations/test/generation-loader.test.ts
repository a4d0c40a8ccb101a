import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { createDb, type GenerationsDb } from '../src/db';
import { createGenerationLoader } from '../src/generation-loader';

let database: TestDatabase;
let db: GenerationsDb;
beforeAll(async () => {
  database = await createTestDatabase('generation_loader');
  db = createDb(database.url, 2);
}, 60_000);
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const generation = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  creatorId: randomUUID(),
  prompt: 'a cat on a skateboard',
  seconds: 4,
  aspect: 'PORTRAIT' as const,
  idempotencyKey: randomUUID(),
  model: 'local',
  watermark: 'cameo',
  ...over,
});

it('answers every generation as Prisma does, with its cast’s owners, in the order asked, null for none', async () => {
  const owners = [randomUUID(), randomUUID()];
  const finished = generation({
    status: 'COMPLETED',
    progress: 100,
    assetKey: `asset-${randomUUID()}`,
    manifestKey: `manifest-${randomUUID()}`,
    provenance: { model: 'local', signedAt: '2026-11-27T00:00:00.000Z', nested: { list: [1, 'two'] } },
    caption: 'hello',
    publishedAt: new Date('2026-11-27T10:00:00.123Z'),
    hiddenReason: 'CONSENT_REVOKED',
    startedAt: new Date('2026-11-27T09:59:00Z'),
    finishedAt: new Date('2026-11-27T09:59:30Z'),
    remixOfId: randomUUID(),
    errorReason: null,
  });
  const queued = generation();
  await db.generation.create({ data: finished });
  await db.generation.create({ data: queued });
  await db.generationCameo.createMany({
    data: owners.map((ownerId) => ({ generationId: finished.id, cameoId: randomUUID(), ownerId, policyVersion: 1, restrictions: {} })),
  });

  const loaded = await createGenerationLoader(db).loadMany([queued.id, finished.id.toUpperCase(), randomUUID()]);
  const prisma = await Promise.all(
    [queued.id, finished.id].map((id) => db.generation.findUnique({ where: { id }, include: { cameos: { select: { ownerId: true } } } })),
  );
  const sorted = <T extends { cameos: { ownerId: string }[] } | null>(value: T) =>
    value && { ...value, cameos: [...value.cameos].sort((a, b) => a.ownerId.localeCompare(b.ownerId)) };
  expect(loaded.map((item) => sorted(item as never))).toEqual([...prisma.map(sorted), null]);
  // Same keys, same types: a Date is a Date, JSON is parsed, enums are their names.
  expect(Object.keys(loaded[1]!).sort()).toEqual(Object.keys(prisma[1]!).sort());
  expect((loaded[1] as { publishedAt: unknown }).publishedAt).toBeInstanceOf(Date);
});
