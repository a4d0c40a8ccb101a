import type express from 'express';
import { Gauge, Registry } from 'prom-client';
import type { GenerationJobs } from './queue';

/** Prometheus /metrics of the generations subgraph: the render queue's depth by state. */
export function mountQueueMetrics(app: express.Express, jobs: GenerationJobs) {
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
