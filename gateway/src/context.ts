import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../subgraphs/shared/src/errors';
import { verifySessionToken } from '../../subgraphs/shared/src/session-token';

export interface GatewayContext {
  /** The viewer proven by their session token, or null when the request carries none. */
  viewerId: string | null;
  /** This request's id (x-request-id): in every log line, subgraph request and error. */
  requestId: string;
}

/**
 * A missing token means an anonymous request; a bad one is refused outright rather than
 * silently downgraded to anonymous, so a client with an expired session finds out.
 */
export function contextFromRequest(req: IncomingMessage, jwtSecret: string): Omit<GatewayContext, 'requestId'> {
  const header = req.headers.authorization;
  if (!header) return { viewerId: null };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const viewerId = match?.[1] ? (verifySessionToken(jwtSecret, match[1])?.userId ?? null) : null;
  if (!viewerId) {
    throw new GraphQLError('The session token is invalid or expired. Sign in again.', {
      extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
    });
  }
  return { viewerId };
}
