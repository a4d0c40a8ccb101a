import { Registry, collectDefaultMetrics } from 'prom-client';

let registry: Registry | undefined;

/**
 * Node's default metrics under their standard names (process_cpu_seconds_total,
 * nodejs_heap_size_used_bytes, ...), collected once per process: every /metrics endpoint of the
 * process merges this registry with its own cameo_* series (`npm start` serves the same process
 * figures on each of its ports, as they are one process).
 */
export function processMetrics(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}

/** Serves a registry: Prometheus text, or 503 when a metric cannot be read now. */
export async function renderMetrics(metrics: Registry): Promise<{ status: number; contentType: string; body: string }> {
  try {
    return { status: 200, contentType: metrics.contentType, body: await metrics.metrics() };
  } catch {
    // A store a metric reads (the render queue) is down: say so rather than report stale numbers.
    return { status: 503, contentType: 'text/plain', body: '# a metric could not be read\n' };
  }
}
