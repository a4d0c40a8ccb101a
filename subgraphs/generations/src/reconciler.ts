import type { Logger } from '@cameo/kernel/logger';
import { enforceConsent, LIVE_GENERATION, type LiveCast, type RevocationDeps } from './revocations';
import { CONSENT_CHECKS_PER_CALL } from './users-client';

/**
 * The backstop for `cameo.consent_revoked`: every pass asks users which cameos lost consent
 * since the last pass (with an overlap), finds the live generations casting them whose cast was
 * last checked under an older policy version, checks those again and withdraws the refused ones
 * with the event handler's own code. Comparing versions makes repeats harmless. When events
 * work, the handler has already withdrawn or re-checked everything, so repairs stay at 0.
 */
export interface ConsentReconcilerOptions {
  /** Time between passes. Default: 15 000 ms (a lost event is repaired well within 60 s). */
  intervalMs?: number;
  /**
   * How far before the previous pass's users clock a pass looks again. A change is stamped with
   * its transaction's start, so this must exceed the longest users transaction (Prisma's
   * interactive transactions time out after 5 s). Default: 60 000 ms.
   */
  overlapMs?: number;
  /** How far back the first pass after start looks. Default: 600 000 ms (10 minutes). */
  initialLookbackMs?: number;
  /** Casts re-checked per batch (one users call). Default: 500, the consent-checks limit. */
  batchSize?: number;
}

export interface ConsentReconcilerDeps extends RevocationDeps {
  logger: Logger;
  /** Counts repairs (cameo_consent_reconciler_repairs_total). */
  repairs?: { inc(value?: number): void };
  onError?: (error: unknown) => void;
}

export interface ConsentReconciler {
  /** One pass; returns the generations it withdrew (repairs). Throws when users cannot answer. */
  pass(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createConsentReconciler(deps: ConsentReconcilerDeps, options: ConsentReconcilerOptions = {}): ConsentReconciler {
  const intervalMs = options.intervalMs ?? 15_000;
  const overlapMs = options.overlapMs ?? 60_000;
  const batchSize = Math.min(options.batchSize ?? CONSENT_CHECKS_PER_CALL, CONSENT_CHECKS_PER_CALL);
  let since: Date | null = null;

  /** Re-checks live casts of these cameos last checked under an older version; returns repairs. */
  const reconcile = async (versions: Map<string, number>): Promise<number> => {
    if (versions.size === 0) return 0;
    const stale = [...versions].map(([cameoId, version]) => ({ cameoId, checkedPolicyVersion: { lt: version } }));
    let repaired = 0;
    let cursor: { generationId: string; cameoId: string } | undefined;
    for (;;) {
      const rows = await deps.db.generationCameo.findMany({
        where: { OR: stale, generation: LIVE_GENERATION },
        orderBy: [{ generationId: 'asc' }, { cameoId: 'asc' }],
        take: batchSize,
        ...(cursor ? { cursor: { generationId_cameoId: cursor }, skip: 1 } : {}),
        select: { generationId: true, cameoId: true, generation: { select: { creatorId: true } } },
      });
      if (rows.length === 0) break;
      const casts: LiveCast[] = rows.map((row) => ({
        generationId: row.generationId,
        cameoId: row.cameoId,
        creatorId: row.generation.creatorId,
      }));
      const withdrawn = await enforceConsent(deps, casts);
      for (const cast of withdrawn) {
        deps.logger.info('consent reconciler: withdrew a generation whose cast no longer consents (its event was missed)', { ...cast });
      }
      deps.repairs?.inc(withdrawn.length);
      repaired += withdrawn.length;
      if (rows.length < batchSize) break;
      const last = rows[rows.length - 1]!;
      cursor = { generationId: last.generationId, cameoId: last.cameoId };
    }
    return repaired;
  };

  const pass = async (): Promise<number> => {
    let at = since ?? new Date(Date.now() - (options.initialLookbackMs ?? 600_000));
    let afterId: string | undefined;
    let clock: string | undefined;
    let repaired = 0;
    for (;;) {
      const page = await deps.users.consentChanges(at, afterId);
      clock ??= page.now;
      const versions = new Map<string, number>();
      for (const change of page.changes) versions.set(change.cameoId, Math.max(change.policyVersion, versions.get(change.cameoId) ?? 0));
      repaired += await reconcile(versions);
      const last = page.changes[page.changes.length - 1];
      if (!page.hasMore || !last) break;
      at = new Date(last.changedAt);
      afterId = last.id;
    }
    // Only a finished pass moves the window; a failed one is tried again from the same point.
    since = new Date(Date.parse(clock) - overlapMs);
    return repaired;
  };

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;
  const schedule = () => {
    timer = setTimeout(() => {
      running = pass()
        .catch((error) => deps.onError?.(error))
        .finally(() => {
          running = undefined;
          if (!stopped) schedule();
        });
    }, intervalMs);
  };
  return {
    pass,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
