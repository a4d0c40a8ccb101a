import { Prisma } from './generated/prisma/client.js';
import type { DomainEvent } from '@cameo/kernel/events';
import type { EventTransport } from '@cameo/kernel/event-transport';
import type { Stoppable } from '@cameo/kernel/pg-events';
import type { SocialServices } from './context';
import { deliver, notify, type NewNotification } from './notifications';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isId = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** The notifications a generations event means: CAST for the people cast, REMIX for the remixed. */
async function noticesFor(services: SocialServices, event: DomainEvent): Promise<NewNotification[]> {
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  if (!isId(payload.generationId) || !isId(payload.creatorId)) return [];
  const { generationId, creatorId } = payload;
  if (event.topic === 'generation.completed' && Array.isArray(payload.cameoOwnerIds)) {
    const owners = [...new Set(payload.cameoOwnerIds.filter(isId))];
    return owners.map((recipientId) => ({ recipientId, kind: 'CAST' as const, actorId: creatorId, generationId }));
  }
  if (event.topic === 'generation.published' && isId(payload.remixOfId)) {
    const source = (await services.generations.facts([payload.remixOfId])).get(payload.remixOfId);
    return source ? [{ recipientId: source.creatorId, kind: 'REMIX' as const, actorId: creatorId, generationId }] : [];
  }
  return [];
}

/** Applies one event once: its id is recorded with the notifications it creates. */
export async function applyGenerationEvent(services: SocialServices, event: DomainEvent): Promise<boolean> {
  const notices = await noticesFor(services, event);
  if (notices.length === 0) return false;
  // Nobody hears from someone they have a block with.
  const blocks = await services.db.block.findMany({
    where: {
      OR: notices.flatMap((notice) => [
        { blockerId: notice.recipientId, blockedId: notice.actorId! },
        { blockerId: notice.actorId!, blockedId: notice.recipientId },
      ]),
    },
  });
  const blockedPair = (a: string, b: string) =>
    blocks.some((row) => (row.blockerId === a && row.blockedId === b) || (row.blockerId === b && row.blockedId === a));
  try {
    const live = await services.db.$transaction(async (tx) => {
      await tx.processedEvent.create({ data: { eventId: event.id } });
      return notify(
        tx,
        notices.filter((notice) => !blockedPair(notice.recipientId, notice.actorId!)),
      );
    });
    await deliver(services.pubsub, live);
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false;
    throw error;
  }
}

/** Notifies people of what generations did with them (cast, remixed), from its events. */
export function startGenerationEvents(services: SocialServices, transport: EventTransport): Stoppable {
  return transport.consume({
    source: 'generations',
    handle: async (event) => {
      await applyGenerationEvent(services, event);
    },
  });
}
