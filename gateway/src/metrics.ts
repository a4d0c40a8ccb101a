import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { processMetrics } from '@cameo/kernel/process-metrics';

/** Distinct operation names measured separately; the rest share one label. */
const MAX_NAMED = 200;
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** The gateway's Prometheus metrics, served at /metrics beside Node's default ones (standard names). */
export function createGatewayMetrics(
  subscriptions: () => { connections: number; httpStreams: number; subscriptions: number; upstream: number },
) {
  const registry = new Registry();
  const operations = new Counter({
    name: 'cameo_gateway_operations_total',
    help: 'GraphQL operations by type, name and outcome.',
    labelNames: ['type', 'operation', 'outcome'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'cameo_gateway_errors_total',
    help: 'Errors returned to clients, by code.',
    labelNames: ['code'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'cameo_gateway_operation_seconds',
    help: 'Operation latency.',
    labelNames: ['type', 'operation'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const fetches = new Histogram({
    name: 'cameo_gateway_subgraph_fetch_seconds',
    help: 'Subgraph fetch latency.',
    labelNames: ['subgraph', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const entityCache = new Counter({
    name: 'cameo_gateway_entity_cache_lookups_total',
    help: 'Entity cache lookups (one per representation), by subgraph and result.',
    labelNames: ['subgraph', 'result'],
    registers: [registry],
  });
  const entityCacheBypass = new Counter({
    name: 'cameo_gateway_entity_cache_bypassed_total',
    help: 'Subgraph requests the entity cache sent on whole, by subgraph and reason.',
    labelNames: ['subgraph', 'reason'],
    registers: [registry],
  });
  new Gauge({
    name: 'cameo_gateway_subscriptions_open',
    help: 'Client subscriptions, upstream subscriptions, WebSocket connections and HTTP (multipart, SSE) subscription streams open.',
    labelNames: ['kind'],
    registers: [registry],
    collect() {
      const stats = subscriptions();
      this.set({ kind: 'client' }, stats.subscriptions);
      this.set({ kind: 'upstream' }, stats.upstream);
      this.set({ kind: 'connections' }, stats.connections);
      this.set({ kind: 'http_streams' }, stats.httpStreams);
    },
  });
  // Operation names come from clients: only the first MAX_NAMED names get their own label.
  const named = new Set<string>();
  const labelOf = (operation: string) => {
    if (named.has(operation)) return operation;
    if (named.size >= MAX_NAMED || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(operation)) return '(other)';
    named.add(operation);
    return operation;
  };
  return {
    registry: Registry.merge([processMetrics(), registry]),
    observeOperation(type: string, operation: string, seconds: number, codes: string[]) {
      const label = labelOf(operation);
      operations.inc({ type, operation: label, outcome: codes.length ? 'error' : 'ok' });
      latency.observe({ type, operation: label }, seconds);
      for (const code of codes) errors.inc({ code });
    },
    observeFetch(subgraph: string, seconds: number, ok: boolean) {
      fetches.observe({ subgraph, outcome: ok ? 'ok' : 'error' }, seconds);
    },
    observeEntityCache(subgraph: string, hits: number, misses: number) {
      if (hits) entityCache.inc({ subgraph, result: 'hit' }, hits);
      if (misses) entityCache.inc({ subgraph, result: 'miss' }, misses);
    },
    /** not_live: the cache cannot hear invalidations now; uncacheable: a representation it cannot key. */
    observeEntityCacheBypass(subgraph: string, reason: 'not_live' | 'uncacheable') {
      entityCacheBypass.inc({ subgraph, reason });
    },
  };
}

export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;
