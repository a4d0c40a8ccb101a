import http from 'node:http';
import express from 'express';
import { Registry } from 'prom-client';
import { listen } from './listen';
import type { Logger } from './logger';
import { processMetrics, renderMetrics } from './process-metrics';
import { mountReadiness, type ReadinessCheck } from './readiness';

export interface AdminServerOptions {
  /** Port to listen on; 0 picks a free one (tests). */
  port: number;
  /** Default: 127.0.0.1. */
  host?: string;
  /** The process's own series, served beside Node's default metrics. */
  metrics?: Registry;
  readiness: readonly ReadinessCheck[];
  logger: Logger;
}

/**
 * /metrics, /healthz and /readyz for a process that serves nothing else over HTTP (the worker),
 * so it is scraped and probed like every other process.
 */
export async function serveAdmin(options: AdminServerOptions): Promise<{ url: string; port: number; stop(): Promise<void> }> {
  const app = express();
  const server = http.createServer(app);
  const metrics = Registry.merge([processMetrics(), ...(options.metrics ? [options.metrics] : [])]);
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  mountReadiness(app, options.readiness);
  app.get('/metrics', async (_req, res) => {
    const { status, contentType, body } = await renderMetrics(metrics);
    res.status(status).setHeader('content-type', contentType).send(body);
  });
  const { url, port } = await listen(server, options.port, options.host);
  const origin = url.replace(/\/graphql$/, '');
  options.logger.info(`/metrics, /healthz and /readyz on ${origin}`);
  return {
    url: origin,
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
