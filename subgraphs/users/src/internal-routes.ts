import express from 'express';
import { INTERNAL_TOKEN_HEADER, verifyInternalToken } from '../../shared/src/internal-call';
import { checkConsent, type ConsentCheck } from './consent-service';
import type { UsersDb } from './db';

/** Most checks one internal call may ask for. Default: 500. */
export const MAX_CONSENT_CHECKS = 500;

/** Path of the consent decision for other services; its body is `{ checks: [{ cameoId, userId }] }`. */
export const CONSENT_CHECKS_PATH = '/internal/consent-checks';

const refuse = (res: express.Response, status: number, code: string, message: string) => {
  res.status(status).json({ error: { code, message } });
};

/**
 * The consent decision for other services (generations before queueing, the worker before
 * rendering). Every decision it returns is recorded for audit.
 */
export function mountInternalRoutes(app: express.Express, db: UsersDb, platformSecret: string) {
  app.post(CONSENT_CHECKS_PATH, express.json({ limit: '256kb' }), async (req, res) => {
    const caller = verifyInternalToken(platformSecret, 'users', req.header(INTERNAL_TOKEN_HEADER));
    if (!caller) return refuse(res, 401, 'INTERNAL_TOKEN_REQUIRED', 'Internal routes need a service token.');
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
