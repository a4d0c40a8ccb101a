import type { IncomingMessage, ServerResponse } from 'node:http';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace, type Context } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import { NodeSDK, tracing } from '@opentelemetry/sdk-node';
import type { ApolloServerPlugin } from '@apollo/server';
import { readTelemetryEnv } from './env';
import { setLogSpan } from './logger';

/**
 * OpenTelemetry traces across the gateway and the subgraphs, through the SDK's NodeSDK. The
 * gateway's spans come from @apollo/gateway itself (request, plan, execute, one `fetch` per
 * subgraph call); it sends the trace context to subgraphs in a W3C `traceparent` header, and
 * each subgraph records its part as a child span. Each process names itself (service.name:
 * gateway, users, ..., worker; `npm start`, one process, is cameo-platform and marks each
 * subgraph's spans with `cameo.service`). The SDK reads the standard OTEL_* variables itself
 * (endpoint, protocol, headers, batch timings, sampler); we decide only the exporter default:
 * none, so nothing is exported unless OTEL_TRACES_EXPORTER asks (otlp, console). Metrics stay
 * on Prometheus (/metrics) and logs on pino, so the SDK's own metric and log exporters are off.
 */
export const tracer = () => trace.getTracer('cameo');

export interface Tracing {
  /** Exports the spans ended so far (tests). */
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

let running: { sdk: NodeSDK; flush: () => Promise<void> } | undefined;

/**
 * Starts the SDK for this process (once). `serviceName` is the default service.name
 * (OTEL_SERVICE_NAME overrides it); `exporter` (tests) receives every span as it ends.
 */
export function startTracing(serviceName: string, options: { exporter?: tracing.SpanExporter } = {}): Tracing | undefined {
  const env = readTelemetryEnv();
  if (env.disabled || running) return running && handle();
  const ownProcessors = options.exporter ? [new tracing.SimpleSpanProcessor(options.exporter)] : undefined;
  const sdk = new NodeSDK({
    serviceName: env.serviceName ?? serviceName,
    // With exporters named in OTEL_TRACES_EXPORTER the SDK builds batch processors from the
    // OTEL_* variables itself; with none, no processor (spans are not recorded at all).
    spanProcessors: ownProcessors ?? (env.tracesExporters.length > 0 ? undefined : []),
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  running = {
    sdk,
    flush: async () => {
      if (ownProcessors) await Promise.all(ownProcessors.map((processor) => processor.forceFlush()));
      const provider = trace.getTracerProvider() as { getDelegate?: () => { forceFlush?: () => Promise<void> } };
      await provider.getDelegate?.().forceFlush?.();
    },
  };
  return handle();
}

function handle(): Tracing {
  return {
    forceFlush: () => running?.flush() ?? Promise.resolve(),
    shutdown: stopTracing,
  };
}

/** Exports what is left and stops the SDK (runUntilSignal calls it at shutdown). */
export async function stopTracing(): Promise<void> {
  const current = running;
  running = undefined;
  await current?.sdk.shutdown();
}

/** Writes the active trace context into outgoing headers (W3C traceparent). */
export function injectTraceContext(set: (name: string, value: string) => void): void {
  propagation.inject(context.active(), {}, { set: (_carrier, name, value) => set(name, value) });
}

/** The trace context a request arrived with (or none). */
export function extractTraceContext(req: IncomingMessage): Context {
  return propagation.extract(ROOT_CONTEXT, req.headers);
}

/**
 * The gateway's span per request to `route` (kind SERVER, `POST /graphql`), active while the
 * request is handled: @apollo/gateway's spans become its children and the request's log lines
 * carry its trace id. It continues a trace the client started (W3C traceparent), as HTTP servers do.
 */
export function serverSpan(route: string): RequestHandler {
  return (req, res, next) => withServerSpan(req, res, route, next);
}

/** serverSpan's span for a request served from node:http itself: `handle` runs with it active. */
export function withServerSpan<T>(req: IncomingMessage, res: ServerResponse, route: string, handle: () => T): T {
  const parent = extractTraceContext(req);
  const span = tracer().startSpan(
    `${req.method} ${route}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'http.route': route } },
    parent,
  );
  res.once('finish', () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  return context.with(trace.setSpan(parent, span), handle);
}

/** A span per subgraph operation, a child of the gateway's fetch that asked for it. */
export function subgraphTracingPlugin(subgraph: string, parentOf: (context: unknown) => Context | undefined): ApolloServerPlugin {
  return {
    async requestDidStart({ contextValue, request }) {
      const parent = parentOf(contextValue) ?? context.active();
      const span = tracer().startSpan(
        `subgraph.${subgraph}`,
        { attributes: { 'graphql.operation.name': request.operationName ?? '', 'cameo.service': subgraph } },
        parent,
      );
      // This request's log lines carry this span's ids (logger.ts).
      setLogSpan(span.spanContext());
      return {
        async didEncounterErrors({ errors }) {
          span.setStatus({
            code: SpanStatusCode.ERROR,
            message: errors
              .map((error) => error.message)
              .join('; ')
              .slice(0, 500),
          });
        },
        async willSendResponse() {
          span.end();
        },
      };
    },
  };
}
