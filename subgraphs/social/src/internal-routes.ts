import express from 'express';
import { internalCallers } from '@cameo/kernel/internal-call';
import type { SocialDb } from './db';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path of the block check for other services; body `{ userId }`, answer `{ blocked: [ids], muted: [ids] }`. */
export const BLOCKS_PATH = '/internal/blocks';

const refuse = (res: express.Response, status: number, code: string, message: string) => {
  res.status(status).json({ error: { code, message } });
};

/**
 * The people a user has a block with, either way, and the people they muted, for services that
 * hide content across blocks (generations, the feed). A synchronous answer: a block takes
 * effect at once.
 */
export function mountInternalRoutes(app: express.Express, db: SocialDb, internalCallSecret: string) {
  app.use(
    '/internal',
    express.json({ limit: '16kb' }),
    internalCallers(internalCallSecret, 'social', { [BLOCKS_PATH]: ['generations', 'feed'] }),
  );

  app.post(BLOCKS_PATH, async (req, res) => {
    const userId: unknown = req.body?.userId;
    if (typeof userId !== 'string' || !UUID.test(userId)) return refuse(res, 400, 'BAD_REQUEST', 'Send { userId: uuid }.');
    try {
      // One statement: every feed page and every page of videos asks this (two index probes and a scan of the user's mutes).
      const [row] = await db.$queryRaw<{ blocked: string[]; muted: string[] }[]>`
        SELECT
          ARRAY(SELECT blocked_id::text FROM "social"."block" WHERE blocker_id = ${userId}::uuid
                UNION SELECT blocker_id::text FROM "social"."block" WHERE blocked_id = ${userId}::uuid) AS blocked,
          ARRAY(SELECT muted_id::text FROM "social"."mute" WHERE muter_id = ${userId}::uuid) AS muted`;
      res.json({ blocked: row!.blocked, muted: row!.muted });
    } catch {
      refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'The block check failed; hide what depends on it.');
    }
  });
}
