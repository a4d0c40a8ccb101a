import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import { runInRequestScope, type Logger } from './logger';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';

/** Probes and scrapes: a line per call would drown the requests people care about. */
const UNLOGGED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

const pathOf = (req: IncomingMessage) => (req.url ?? '').split('?')[0] ?? '';

/**
 * One log line per HTTP request (pino-http): method, path, status, duration, and the request id
 * as `req.id` — the caller's x-request-id when it is a sane token, else a new UUID, echoed in the response
 * header and given to the gateway's subgraph calls. Headers and query strings are not logged:
 * they carry tokens and signed URLs.
 */
export function httpLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger: logger.pino,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = requestIdFrom(req);
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    autoLogging: { ignore: (req: IncomingMessage) => UNLOGGED_PATHS.has(pathOf(req)) },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    serializers: {
      req: (req: IncomingMessage & { id?: unknown }) => ({ id: req.id, method: req.method, path: pathOf(req) }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    wrapSerializers: false,
  }) as unknown as RequestHandler;
}

/** Every line logged while the rest of the request is handled names it (see logger.ts). */
export const requestLogScope: RequestHandler = (req, _res, next) => runInRequestScope(String(req.id), next);
