import express from 'express';
import { internalCallers } from '@cameo/kernel/internal-call';
import { checkConsent, type ConsentCheck } from './consent-service';
import type { UsersDb } from './db';
import { sessionVersions } from './sessions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Most checks one internal call may ask for. Default: 500. */
export const MAX_CONSENT_CHECKS = 500;

/** Path of the consent decision for other services; its body is `{ checks: [{ cameoId, userId }] }`. */
export const CONSENT_CHECKS_PATH = '/internal/consent-checks';

const refuse = (res: express.Response, status: number, code: string, message: string) => {
  res.status(status).json({ error: { code, message } });
};

/** Path of the account facts other services need (plan for quotas, age band); body `{ userIds }`. */
export const USER_FACTS_PATH = '/internal/user-facts';

/** Path of the consent-change feed for reconcilers; body `{ since, afterId? }`. */
export const CONSENT_CHANGES_PATH = '/internal/consent-changes';

/** Most changes one page of the consent-change feed returns. Default: 1000. */
export const CONSENT_CHANGES_PAGE = 1000;

/**
 * Path of the accounts' current session versions, for the gateway's session guard; body
 * `{ userIds }`, answer `{ sessions: [{ userId, sessionVersion }] }` without unknown or deleted ids.
 */
export const SESSION_VERSIONS_PATH = '/internal/session-versions';

/** Who may call each route; anyone else gets 403. */
export const USERS_INTERNAL_CALLERS: Record<string, readonly string[]> = {
  [CONSENT_CHECKS_PATH]: ['generations', 'worker'],
  [USER_FACTS_PATH]: ['generations', 'social', 'feed'],
  [SESSION_VERSIONS_PATH]: ['gateway'],
  [CONSENT_CHANGES_PATH]: ['generations'],
};

const validUserIds = (userIds: unknown): userIds is string[] =>
  Array.isArray(userIds) && userIds.length <= MAX_CONSENT_CHECKS && userIds.every((id) => typeof id === 'string' && UUID.test(id));

/**
 * The consent decision for other services (generations before queueing, the worker before
 * rendering). Every decision it returns is recorded for audit.
 */
export function mountInternalRoutes(app: express.Express, db: UsersDb, internalCallSecret: string) {
  app.use('/internal', express.json({ limit: '256kb' }), internalCallers(internalCallSecret, 'users', USERS_INTERNAL_CALLERS));

  app.post(USER_FACTS_PATH, async (req, res) => {
    const userIds: unknown = req.body?.userIds;
    if (!validUserIds(userIds)) {
      return refuse(res, 400, 'BAD_REQUEST', `Send { userIds: [uuid] } with at most ${MAX_CONSENT_CHECKS} ids.`);
    }
    const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, plan: true, ageBand: true } });
    res.json({ users });
  });

  app.post(SESSION_VERSIONS_PATH, async (req, res) => {
    const userIds: unknown = req.body?.userIds;
    if (!validUserIds(userIds)) {
      return refuse(res, 400, 'BAD_REQUEST', `Send { userIds: [uuid] } with at most ${MAX_CONSENT_CHECKS} ids.`);
    }
    try {
      res.json({ sessions: await sessionVersions(db, userIds) });
    } catch {
      refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Session versions could not be read.');
    }
  });

  // Losses of consent recorded at or after `since` (ordered by time then id; `afterId` pages
  // within that order). `now` is the database's clock, for the caller's next `since`: a change
  // is stamped with its transaction's start, so callers look back by more than the longest
  // transaction (see generations' reconciler).
  app.post(CONSENT_CHANGES_PATH, async (req, res) => {
    const since = typeof req.body?.since === 'string' ? new Date(req.body.since) : null;
    const afterId: unknown = req.body?.afterId ?? '0';
    if (!since || Number.isNaN(since.getTime()) || typeof afterId !== 'string' || !/^\d{1,19}$/.test(afterId)) {
      return refuse(res, 400, 'BAD_REQUEST', 'Send { since: ISO date-time, afterId?: string }.');
    }
    const [rows, clock] = await Promise.all([
      db.consentChange.findMany({
        where: { OR: [{ changedAt: { gt: since } }, { changedAt: since, id: { gt: BigInt(afterId) } }] },
        orderBy: [{ changedAt: 'asc' }, { id: 'asc' }],
        take: CONSENT_CHANGES_PAGE,
        select: { id: true, cameoId: true, policyVersion: true, changedAt: true },
      }),
      db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`,
    ]);
    res.json({
      changes: rows.map((row) => ({
        id: row.id.toString(),
        cameoId: row.cameoId,
        policyVersion: row.policyVersion,
        changedAt: row.changedAt.toISOString(),
      })),
      hasMore: rows.length === CONSENT_CHANGES_PAGE,
      now: clock[0]!.now.toISOString(),
    });
  });

  app.post(CONSENT_CHECKS_PATH, async (req, res) => {
    const checks: unknown = req.body?.checks;
    const valid =
      Array.isArray(checks) &&
      checks.length <= MAX_CONSENT_CHECKS &&
      checks.every((check) => typeof check?.cameoId === 'string' && typeof check?.userId === 'string');
    if (!valid) {
      return refuse(res, 400, 'BAD_REQUEST', `Send { checks: [{ cameoId, userId }] } with at most ${MAX_CONSENT_CHECKS} checks.`);
    }
    try {
      const decisions = await checkConsent(
        db,
        (checks as ConsentCheck[]).map(({ cameoId, userId }) => ({ cameoId, userId })),
        { record: true },
      );
      res.json({ decisions });
    } catch {
      refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'The consent check failed; treat every cameo as not usable.');
    }
  });
}
