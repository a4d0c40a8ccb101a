import type { IncomingMessage } from 'node:http';
import { ROOT_CONTEXT, SpanStatusCode, context, propagation, trace, type Context } from '@opentelemetry/api';
import { ConsoleSpanExporter, NodeTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-node';
import type { ApolloServerPlugin } from '@apollo/server';
import { readTracesExporter } from './env';

/**
 * OpenTelemetry traces across the gateway and the subgraphs. The gateway's spans come from
 * @apollo/gateway itself (request, plan, execute, one `fetch` per subgraph call); it sends the
 * trace context to subgraphs in a `traceparent` header, and each subgraph records its part as
 * a child span. Nothing is exported unless an exporter is set up: OTEL_TRACES_EXPORTER=console
 * prints spans, a test passes its own in-memory exporter. Without one the API is a no-op.
 */
export const tracer = () => trace.getTracer('cameo');

/** Registers a tracer provider for this process (once); `exporter` receives every span. */
export function startTracing(exporter?: SpanExporter): NodeTracerProvider | undefined {
  const chosen = exporter ?? (readTracesExporter() === 'console' ? new ConsoleSpanExporter() : undefined);
  if (!chosen) return undefined;
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(chosen)] });
  provider.register();
  return provider;
}

/** Writes the active trace context into outgoing headers (W3C traceparent). */
export function injectTraceContext(set: (name: string, value: string) => void): void {
  propagation.inject(context.active(), {}, { set: (_carrier, name, value) => set(name, value) });
}

/** The trace context a request arrived with (or none). */
export function extractTraceContext(req: IncomingMessage): Context {
  return propagation.extract(ROOT_CONTEXT, req.headers);
}

/** A span per subgraph operation, a child of the gateway's fetch that asked for it. */
export function subgraphTracingPlugin(subgraph: string, parentOf: (context: unknown) => Context | undefined): ApolloServerPlugin {
  return {
    async requestDidStart({ contextValue, request }) {
      const parent = parentOf(contextValue) ?? context.active();
      const span = tracer().startSpan(
        `subgraph.${subgraph}`,
        { attributes: { 'graphql.operation.name': request.operationName ?? '' } },
        parent,
      );
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
