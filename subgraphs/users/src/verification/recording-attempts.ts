import { DomainError, ErrorCode } from '@cameo/kernel/errors';
import type { UsersDb } from '../db';

/**
 * At most `perDay` recordings per account (RECORDINGS_PER_DAY unless the users subgraph is
 * started with another `recordingsPerDay`) go to verification in any 24 hours.
 *
 * Why: the offline speech check hears a recording of something else as the phrase about 1 time
 * in 100 (`npm run bench:speech`), and liveness is not checked. Without a limit, someone holding
 * another person's speech could submit it again and again (a REJECTED cameo takes a new
 * recording; a deleted one is started afresh with a new phrase) until one passes. Five a day
 * leaves an honest owner room for a bad take or two and makes that search take weeks.
 *
 * Counted in PostgreSQL, in the transaction that hands the recording to the verifier (the
 * account's row locked, so two uploads finishing at once cannot both take the last place), so
 * the count survives restarts, holds across replicas and on the embedded database alike, and is
 * never taken for a recording that was then refused. Not rate-limiter-flexible (the sign-in
 * throttle's library): its stores cannot take part in that transaction. The rows are kept when
 * a cameo is deleted (deleting does not reset the count) and go with the account.
 */
export const RECORDINGS_PER_DAY = 5;
const WINDOW_MS = 24 * 60 * 60 * 1000;

export interface RecordingAllowance {
  left: number;
  /** When the oldest counted recording leaves the window (only when none is left). */
  retryAfterSeconds: number;
}

type Db = Pick<UsersDb, 'cameoRecordingAttempt'>;

/** What the owner may still submit now. */
export async function recordingAllowance(db: Db, ownerId: string, perDay: number, now = new Date()): Promise<RecordingAllowance> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const recent = await db.cameoRecordingAttempt.findMany({
    where: { ownerId, at: { gt: since } },
    select: { at: true },
    orderBy: { at: 'asc' },
    take: perDay,
  });
  const left = perDay - recent.length;
  if (left > 0) return { left, retryAfterSeconds: 0 };
  const frees = recent[0]!.at.getTime() + WINDOW_MS;
  return { left: 0, retryAfterSeconds: Math.max(1, Math.ceil((frees - now.getTime()) / 1000)) };
}

export const recordingLimitReached = (perDay: number, retryAfterSeconds: number) =>
  new DomainError(
    ErrorCode.RATE_LIMITED,
    `You have sent ${perDay} recordings for verification in the last 24 hours; try again in ${describeWait(retryAfterSeconds)}.`,
    { retryAfterSeconds },
  );

/** The refusal's text for the upload route (plain text, as tus answers). */
export const recordingLimitText = (perDay: number, retryAfterSeconds: number) =>
  `${perDay} recordings a day at most: try again in ${describeWait(retryAfterSeconds)}`;

/**
 * Inside the transaction that hands a recording to the verifier: locks the owner's row and
 * counts the recording if a place is left; else counts nothing and says when one frees.
 */
export async function takeRecordingPlace(
  tx: Pick<UsersDb, 'cameoRecordingAttempt' | '$queryRaw'>,
  ownerId: string,
  perDay: number,
  now = new Date(),
): Promise<{ taken: true } | { taken: false; retryAfterSeconds: number }> {
  await tx.$queryRaw`SELECT 1 FROM users."user" WHERE id = ${ownerId}::uuid FOR UPDATE`;
  const allowance = await recordingAllowance(tx, ownerId, perDay, now);
  if (allowance.left === 0) return { taken: false, retryAfterSeconds: allowance.retryAfterSeconds };
  await tx.cameoRecordingAttempt.create({ data: { ownerId, at: now } });
  // Older rows no longer count: each account keeps at most a day's.
  await tx.cameoRecordingAttempt.deleteMany({ where: { ownerId, at: { lte: new Date(now.getTime() - WINDOW_MS) } } });
  return { taken: true };
}

function describeWait(seconds: number): string {
  if (seconds < 120) return `${seconds} seconds`;
  if (seconds < 2 * 3600) return `${Math.ceil(seconds / 60)} minutes`;
  return `${Math.ceil(seconds / 3600)} hours`;
}
