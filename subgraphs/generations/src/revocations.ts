import { Prisma } from './generated/prisma/client.js';
import type { DomainEvent } from '../../shared/src/events';
import type { EventTransport } from '../../shared/src/event-transport';
import type { Stoppable } from '../../shared/src/pg-events';
import type { PubSub } from '../../shared/src/pubsub';
import type { GenerationsDb } from './db';
import { publishProgress } from './events';
import { hideGeneration, quarantineAssets } from './hide';
import type { UsersClient } from './users-client';
import type { AssetStorage } from './worker/storage';

/**
 * Applies `cameo.consent_revoked` from the users subgraph: every generation casting the cameo
 * whose creator may no longer use it (asked again, since narrowing a policy does not stop
 * everyone) is stopped if queued or rendering (BLOCKED) and hidden if finished. Applied once
 * per event id.
 */
export async function applyConsentRevoked(
  deps: { db: GenerationsDb; users: UsersClient; pubsub: PubSub; storage: AssetStorage },
  event: DomainEvent,
): Promise<void> {
  const payload = event.payload as { cameoId?: unknown; ownerId?: unknown; userId?: unknown };
  if (event.topic !== 'cameo.consent_revoked' || typeof payload.cameoId !== 'string') return;
  const cameoId = payload.cameoId;
  const { db } = deps;
  try {
    await db.processedEvent.create({ data: { eventId: event.id } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return;
    throw error;
  }
  const affected = await db.generation.findMany({
    where: {
      cameos: { some: { cameoId } },
      creatorId: typeof payload.userId === 'string' ? payload.userId : { not: String(payload.ownerId) },
      OR: [{ status: { in: ['QUEUED', 'IN_PROGRESS'] } }, { status: 'COMPLETED', hiddenReason: null }],
    },
    select: { id: true, creatorId: true, status: true, progress: true, assetKey: true, manifestKey: true },
  });
  const creators = [...new Set(affected.map((generation) => generation.creatorId))];
  const stillAllowed = new Set<string>();
  for (const creatorId of creators) {
    const [answer] = await deps.users.checkConsent(creatorId, [cameoId]);
    if (answer?.allowed) stillAllowed.add(creatorId);
  }
  for (const generation of affected) {
    if (stillAllowed.has(generation.creatorId)) continue;
    if (generation.status === 'COMPLETED') {
      await db.$transaction((tx) => hideGeneration(tx, generation.id, generation.creatorId, 'CAMEO_CONSENT_REVOKED'));
      await quarantineAssets(deps.storage, generation);
      continue;
    }
    const reason = 'Consent to use a cameo was withdrawn.';
    const { count } = await db.generation.updateMany({
      where: { id: generation.id, status: { in: ['QUEUED', 'IN_PROGRESS'] } },
      data: { status: 'BLOCKED', stage: 'blocked', errorReason: reason, finishedAt: new Date() },
    });
    if (count) {
      await publishProgress(deps.pubsub, { generationId: generation.id, creatorId: generation.creatorId, status: 'BLOCKED', progress: generation.progress, stage: 'blocked', errorReason: reason });
    }
  }
}

/** Applies the users subgraph's consent revocations as they arrive. */
export function startRevocationConsumer(deps: { db: GenerationsDb; users: UsersClient; pubsub: PubSub; storage: AssetStorage }, transport: EventTransport): Stoppable {
  return transport.consume({ source: 'users', handle: (event) => applyConsentRevoked(deps, event) });
}
