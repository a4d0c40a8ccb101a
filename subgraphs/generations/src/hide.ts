import type { Prisma } from './generated/prisma/client.js';
import { emit } from './events';
import type { AssetStorage } from './rendering/storage';

/** Why a finished video was taken down (Generation.hiddenReason). */
export type HideReason = 'CAMEO_CONSENT_REVOKED' | 'REMOVED_BY_CAMEO_OWNER';

/**
 * Hides a generation inside the caller's transaction: sets hiddenReason if it is not hidden
 * yet and writes `generation.hidden` (every feed drops it) with it. True when this call hid it.
 * Afterwards, once the transaction has committed, call quarantineAssets.
 */
export async function hideGeneration(
  tx: Prisma.TransactionClient,
  generationId: string,
  creatorId: string,
  reason: HideReason,
): Promise<boolean> {
  const { count } = await tx.generation.updateMany({ where: { id: generationId, hiddenReason: null }, data: { hiddenReason: reason } });
  if (count) await emit(tx, 'generation.hidden', { generationId, creatorId, reason });
  return count > 0;
}

/**
 * Moves a hidden generation's files (video and manifest) to quarantine, where the public path
 * never reads; only its creator's signed URL still does. Idempotent, so it can be repeated for a
 * generation hidden earlier whose move was lost. The /assets route checks the rule itself
 * whether or not the move has happened.
 */
export async function quarantineAssets(
  storage: AssetStorage,
  generation: { assetKey: string | null; manifestKey: string | null },
): Promise<void> {
  for (const key of [generation.assetKey, generation.manifestKey]) {
    if (key) await storage.quarantine(key);
  }
}
