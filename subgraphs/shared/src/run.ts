import { validateEnv } from './env';
import { createLogger } from './logger';
import { startTracing, stopTracing } from './tracing';

/**
 * Longest a shutdown may take before the process exits anyway: a part waiting on something that
 * is gone (a BullMQ worker closing while Redis is down waits for Redis) must not keep a stopped
 * process alive until the orchestrator kills it (Kubernetes waits 30 s by default).
 */
export const SHUTDOWN_DEADLINE_MS = 25_000;

export interface RunOptions {
  /** Default: SHUTDOWN_DEADLINE_MS. */
  shutdownDeadlineMs?: number;
  /** OpenTelemetry service.name of the process. Default: `name`. */
  serviceName?: string;
}

/**
 * Entry-point helper: checks every environment variable (one ConfigError naming all that are
 * bad), starts tracing and then something, stops it cleanly on SIGINT/SIGTERM (flushing spans
 * last), and exits non-zero with a one-line reason (not a stack trace) when start-up fails. A stop
 * that outlasts the deadline, or a second signal, ends the process at once with exit code 1.
 */
export function runUntilSignal(name: string, start: () => Promise<{ stop(): Promise<void> }>, options: RunOptions = {}): void {
  const logger = createLogger(name);
  const deadlineMs = options.shutdownDeadlineMs ?? SHUTDOWN_DEADLINE_MS;
  const started = Promise.resolve().then(() => {
    validateEnv();
    startTracing(options.serviceName ?? name);
    return start();
  });
  started.then(
    (running) => {
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) {
          logger.error(`${signal} again: exiting without finishing the shutdown`);
          process.exit(1);
        }
        stopping = true;
        logger.info(`${signal}: shutting down`);
        setTimeout(() => {
          logger.error(`shutdown did not finish within ${deadlineMs} ms: exiting`);
          process.exit(1);
        }, deadlineMs).unref();
        running
          .stop()
          .then(stopTracing)
          .then(
            () => process.exit(0),
            (error: unknown) => {
              logger.error(`shutdown failed: ${String(error)}`);
              process.exit(1);
            },
          );
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
    },
    (error: unknown) => {
      logger.error(`failed to start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
