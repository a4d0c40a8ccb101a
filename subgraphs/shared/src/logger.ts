/**
 * Readable one-line logs: `[users] listening on ...` in development, JSON lines in production
 * (for log shippers). Kept tiny on purpose; structured logging grows in the hardening issue.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function createLogger(service: string, json = process.env.NODE_ENV === 'production'): Logger {
  const write = (level: 'info' | 'error', message: string, fields: Record<string, unknown> = {}) => {
    if (process.env.NODE_ENV === 'test' && level === 'info' && !process.env.LOG_IN_TESTS) return;
    const stream = level === 'error' ? process.stderr : process.stdout;
    if (json) {
      stream.write(`${JSON.stringify({ time: new Date().toISOString(), level, service, message, ...fields })}\n`);
      return;
    }
    const extra = Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : '';
    stream.write(`[${service}] ${message}${extra}\n`);
  };
  return {
    info: (message, fields) => write('info', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
