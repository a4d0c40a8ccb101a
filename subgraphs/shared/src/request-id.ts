import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Carries one request's id from the client (or the gateway) to every subgraph and log line. */
export const REQUEST_ID_HEADER = 'x-request-id';

const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The caller's id when it is a sane token (so logs cannot be forged or flooded), else a new one. */
export function requestIdFrom(req: IncomingMessage): string {
  const header = req.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}
