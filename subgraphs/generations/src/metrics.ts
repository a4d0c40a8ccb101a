import { Counter, Gauge, Registry } from 'prom-client';
import type { GenerationJobs } from './queue';

export interface GenerationsMetrics {
  registry: Registry;
  /** Generations the consent reconciler withdrew because their revocation event was missed. */
  consentRepairs: Counter;
}

/** The generations subgraph's Prometheus metrics (served at /metrics by serve.ts); a registry per call (tests and replicas stay apart). */
export function createGenerationsMetrics(jobs: GenerationJobs): GenerationsMetrics {
  const registry = new Registry();
  new Gauge({
    name: 'cameo_generations_queue_jobs',
    help: 'Render jobs in the queue, by state.',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      for (const [state, count] of Object.entries(await jobs.counts())) this.set({ state }, count);
    },
  });
  const consentRepairs = new Counter({
    name: 'cameo_consent_reconciler_repairs_total',
    help: 'Generations stopped or hidden by the consent reconciler, not by a cameo.consent_revoked event (0 while events work).',
    registers: [registry],
  });
  return { registry, consentRepairs };
}
