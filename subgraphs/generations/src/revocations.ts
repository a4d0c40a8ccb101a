import { Prisma } from './generated/prisma/client.js';
import type { DomainEvent } from '@cameo/kernel/events';
import type { EventTransport } from '@cameo/kernel/event-transport';
import type { Stoppable } from '@cameo/kernel/pg-events';
import type { PubSub } from '@cameo/kernel/pubsub';
import type { GenerationsDb } from './db';
import { publishProgress, type ProgressEvent } from './events';
import { hideGeneration, quarantineAssets } from './hide';
import type { AssetStorage } from './rendering/storage';
import type { UsersClient } from './users-client';

type Tx = Prisma.TransactionClient;

export interface RevocationDeps {
  db: GenerationsDb;
  users: UsersClient;
  pubsub: PubSub;
  /** Where the files of a hidden video are quarantined. */
  storage: AssetStorage;
}

/** Generations someone can still watch or that may still render: what a loss of consent must reach. */
export const LIVE_GENERATION = {
  OR: [{ status: { in: ['QUEUED', 'IN_PROGRESS'] } }, { status: 'COMPLETED', hiddenReason: null }],
} satisfies Prisma.GenerationWhereInput;

/** A cameo cast in a live generation, with the generation's creator (the one who needs consent). */
export interface LiveCast {
  generationId: string;
  creatorId: string;
  cameoId: string;
}

const WITHDRAWN = 'Consent to use a cameo was withdrawn.';

/**
 * Takes a generation whose cast no longer consents out of reach, inside the caller's
 * transaction: stopped (BLOCKED) while queued or rendering, hidden once finished. Decided on
 * the row's state in this transaction, so a render finishing meanwhile is hidden, not missed.
 * Returns whether anything changed and the live progress to publish after the commit.
 */
export async function withdrawGeneration(tx: Tx, generationId: string): Promise<{ changed: boolean; progress: ProgressEvent | null }> {
  const [blocked] = await tx.generation.updateManyAndReturn({
    where: { id: generationId, status: { in: ['QUEUED', 'IN_PROGRESS'] } },
    data: { status: 'BLOCKED', stage: 'blocked', errorReason: WITHDRAWN, finishedAt: new Date() },
    select: { creatorId: true, progress: true },
  });
  if (blocked) {
    const progress = {
      generationId,
      creatorId: blocked.creatorId,
      status: 'BLOCKED',
      progress: blocked.progress,
      stage: 'blocked',
      errorReason: WITHDRAWN,
    };
    return { changed: true, progress };
  }
  const [finished] = await tx.generation.findMany({ where: { id: generationId, status: 'COMPLETED' }, select: { creatorId: true } });
  return {
    changed: finished ? await hideGeneration(tx, generationId, finished.creatorId, 'CAMEO_CONSENT_REVOKED') : false,
    progress: null,
  };
}

/**
 * Asks users about every cast (the call comes first: if it fails, this throws and nothing is
 * written), then in ONE transaction runs `record` (e.g. the processed event id), withdraws every
 * generation with a refused cast and notes, for allowed casts, the policy version now checked.
 * Live progress is published after the commit. Returns the generations withdrawn.
 */
export async function enforceConsent(
  deps: RevocationDeps,
  casts: LiveCast[],
  record: (tx: Tx) => Promise<unknown> = async () => undefined,
): Promise<LiveCast[]> {
  const pairs = new Map(casts.map((cast) => [`${cast.cameoId}:${cast.creatorId}`, { cameoId: cast.cameoId, userId: cast.creatorId }]));
  const answers = await deps.users.checkConsents([...pairs.values()]);
  const answerOf = new Map(answers.map((answer) => [`${answer.cameoId}:${answer.userId}`, answer]));
  const refused = new Map<string, LiveCast>();
  const allowed: { cast: LiveCast; policyVersion: number }[] = [];
  for (const cast of casts) {
    const answer = answerOf.get(`${cast.cameoId}:${cast.creatorId}`);
    if (!answer) throw new Error(`users did not answer the consent check of cameo ${cast.cameoId} for ${cast.creatorId}`);
    if (!answer.allowed) refused.set(cast.generationId, cast);
    else if (answer.policyVersion !== null) allowed.push({ cast, policyVersion: answer.policyVersion });
  }

  const { withdrawn, progress } = await deps.db.$transaction(async (tx) => {
    await record(tx);
    const withdrawn: LiveCast[] = [];
    const progress: ProgressEvent[] = [];
    for (const cast of refused.values()) {
      const outcome = await withdrawGeneration(tx, cast.generationId);
      if (outcome.changed) withdrawn.push(cast);
      if (outcome.progress) progress.push(outcome.progress);
    }
    for (const { cast, policyVersion } of allowed) {
      if (refused.has(cast.generationId)) continue;
      await tx.generationCameo.updateMany({
        where: { generationId: cast.generationId, cameoId: cast.cameoId, checkedPolicyVersion: { lt: policyVersion } },
        data: { checkedPolicyVersion: policyVersion },
      });
    }
    return { withdrawn, progress };
  });
  for (const event of progress) await publishProgress(deps.pubsub, event);
  // After the commit: the files of what was hidden leave the public path (the /assets route
  // refuses them anyway; the reconciler or a redelivery never needs this to have happened).
  if (withdrawn.length) {
    const hidden = await deps.db.generation.findMany({
      where: { id: { in: withdrawn.map((cast) => cast.generationId) }, hiddenReason: { not: null } },
      select: { assetKey: true, manifestKey: true },
    });
    for (const generation of hidden) await quarantineAssets(deps.storage, generation);
  }
  return withdrawn;
}

/**
 * Applies `cameo.consent_revoked` from the users subgraph: every live generation casting the
 * cameo whose creator may no longer use it (asked again, since narrowing a policy does not stop
 * everyone) is stopped if queued or rendering (BLOCKED) and hidden if finished. The consent
 * check comes first; the processed id is recorded in the transaction of the effects, so an
 * event is either fully applied or not at all, and a failed users call throws for a retry.
 */
export async function applyConsentRevoked(deps: RevocationDeps, event: DomainEvent): Promise<void> {
  const payload = event.payload as { cameoId?: unknown; ownerId?: unknown; userId?: unknown };
  const revoked = event.topic === 'cameo.consent_revoked' && typeof payload.cameoId === 'string';
  // A deleted account may use no cameo (UNKNOWN_USER): its own videos of others lose consent too.
  const creatorDeleted = event.topic === 'user.deleted' && typeof payload.userId === 'string';
  if (!revoked && !creatorDeleted) return;
  if (await deps.db.processedEvent.findUnique({ where: { eventId: event.id }, select: { eventId: true } })) return;
  const casts = await deps.db.generationCameo.findMany({
    where: revoked
      ? {
          cameoId: String(payload.cameoId),
          generation: {
            ...LIVE_GENERATION,
            // One person lost access (a grant, a block, a mutual), or anyone but the owner may have.
            creatorId: typeof payload.userId === 'string' ? payload.userId : { not: String(payload.ownerId) },
          },
        }
      : { generation: { ...LIVE_GENERATION, creatorId: String(payload.userId) } },
    select: { generationId: true, cameoId: true, generation: { select: { creatorId: true } } },
  });
  try {
    await enforceConsent(
      deps,
      casts.map((cast) => ({ generationId: cast.generationId, cameoId: cast.cameoId, creatorId: cast.generation.creatorId })),
      (tx) => tx.processedEvent.create({ data: { eventId: event.id } }),
    );
  } catch (error) {
    // Applied meanwhile by another delivery: its transaction holds the effects.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return;
    throw error;
  }
}

/** Applies the users subgraph's consent revocations (and account deletions) as they arrive. */
export function startRevocationConsumer(deps: RevocationDeps, transport: EventTransport): Stoppable {
  return transport.consume({ source: 'users', handle: (event) => applyConsentRevoked(deps, event) });
}
