import type express from 'express';
import { Counter, Gauge, Registry } from 'prom-client';
import type { GenerationJobs } from './queue';

export interface GenerationsMetrics {
  registry: Registry;
  /** Generations the consent reconciler withdrew because their revocation event was missed. */
  consentRepairs: Counter;
}

/** The generations subgraph's Prometheus metrics; a registry per call (tests and replicas stay apart). */
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

/** Prometheus /metrics of the generations subgraph: the render queue's depth by state, consent repairs. */
export function mountMetrics(app: express.Express, { registry }: GenerationsMetrics) {
  app.get('/metrics', async (_req, res) => {
    try {
      res.setHeader('content-type', registry.contentType);
      res.send(await registry.metrics());
    } catch {
      // The queue's store is down: say so rather than report stale numbers.
      res.status(503).send('# the queue is unavailable\n');
    }
  });
}
