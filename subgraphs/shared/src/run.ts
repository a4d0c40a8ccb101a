import { createLogger } from './logger';

/**
 * Entry-point helper: starts something, stops it cleanly on SIGINT/SIGTERM, and exits non-zero
 * with a one-line reason (not a stack trace) when start-up fails, e.g. on a config error.
 */
export function runUntilSignal(name: string, start: () => Promise<{ stop(): Promise<void> }>): void {
  const logger = createLogger(name);
  start().then(
    (running) => {
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info(`${signal}: shutting down`);
        running.stop().then(
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
