import DataLoader from 'dataloader';
import { plainQuery } from '@cameo/kernel/prisma';
import type { GenerationsDb } from './db';
import type { Generation } from './generated/prisma/client.js';

/** A generation with the owners of the cameos cast in it: what visibility needs. */
export type GenerationWithCast = Generation & { cameos: { ownerId: string }[] };

/**
 * Generations by id for `_entities`, one statement per request's batch with pg's row parsing
 * (see plainQuery): every feed page resolves ten videos here, and Prisma's batching of their
 * findUnique calls cost more CPU than the query. The columns are the model's, named as Prisma
 * names them; test/generation-loader.test.ts holds the answer equal to Prisma's, so a column
 * added to the model and not here fails there.
 */
export type GenerationLoader = DataLoader<string, GenerationWithCast | null>;

export function createGenerationLoader(db: GenerationsDb): GenerationLoader {
  return new DataLoader(async (ids) => {
    const rows = await plainQuery<Generation & { castOwnerIds: string[] }>(
      db,
      `SELECT g.id, g.creator_id AS "creatorId", g.prompt, g.seconds, g.aspect::text AS aspect, g.remix_of_id AS "remixOfId",
        g.idempotency_key AS "idempotencyKey", g.status::text AS status, g.progress, g.stage, g.error_reason AS "errorReason",
        g.model, g.asset_key AS "assetKey", g.manifest_key AS "manifestKey", g.provenance, g.watermark, g.attempts,
        g.caption, g.published_at AS "publishedAt", g.hidden_reason AS "hiddenReason", g.created_at AS "createdAt",
        g.updated_at AS "updatedAt", g.started_at AS "startedAt", g.finished_at AS "finishedAt",
        ARRAY(SELECT c.owner_id::text FROM "generations"."generation_cameo" c WHERE c.generation_id = g.id) AS "castOwnerIds"
      FROM "generations"."generation" g WHERE g.id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(
      rows.map(({ castOwnerIds, ...generation }) => [
        generation.id,
        { ...generation, cameos: castOwnerIds.map((ownerId) => ({ ownerId })) },
      ]),
    );
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  });
}
