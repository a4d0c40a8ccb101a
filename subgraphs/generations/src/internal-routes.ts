import express from 'express';
import { internalCallers } from '@cameo/kernel/internal-call';
import type { GenerationsDb } from './db';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Most ids one call may ask about. */
export const MAX_FACTS = 500;

/** Path of video facts for other services; body `{ generationIds }`. */
export const GENERATION_FACTS_PATH = '/internal/generation-facts';

const refuse = (res: express.Response, status: number, code: string, message: string) => {
  res.status(status).json({ error: { code, message } });
};

/**
 * What other services need to know about videos (social, before a like or a comment): who
 * made each and whether it is visible (published and not hidden). Unknown ids are left out.
 */
export function mountInternalRoutes(app: express.Express, db: GenerationsDb, internalCallSecret: string) {
  app.use(
    '/internal',
    express.json({ limit: '64kb' }),
    internalCallers(internalCallSecret, 'generations', { [GENERATION_FACTS_PATH]: ['social'] }),
  );

  app.post(GENERATION_FACTS_PATH, async (req, res) => {
    const ids: unknown = req.body?.generationIds;
    if (!Array.isArray(ids) || ids.length > MAX_FACTS || !ids.every((id) => typeof id === 'string' && UUID.test(id))) {
      return refuse(res, 400, 'BAD_REQUEST', `Send { generationIds: [uuid] } with at most ${MAX_FACTS} ids.`);
    }
    try {
      const rows = await db.generation.findMany({
        where: { id: { in: ids as string[] } },
        select: { id: true, creatorId: true, publishedAt: true, hiddenReason: true, remixOfId: true },
      });
      res.json({
        generations: rows.map((row) => ({
          id: row.id,
          creatorId: row.creatorId,
          visible: row.publishedAt !== null && row.hiddenReason === null,
          remixOfId: row.remixOfId,
        })),
      });
    } catch {
      refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'The facts could not be read.');
    }
  });
}
