import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@cameo/kernel/errors';
import type { Session, SessionTokenVerifier } from '@cameo/kernel/session-token';
import type { SessionGuard } from './sessions';

export interface GatewayContext {
  /** The viewer proven by their session token, or null when the request carries none. */
  viewerId: string | null;
  /** The session version of the viewer's token (read-your-writes after signOutEverywhere). */
  sessionVersion?: number;
  /** This request's id (x-request-id): in every log line, subgraph request and error. */
  requestId: string;
  /** The client's network address (the socket's peer), passed signed to subgraphs (sign-in throttle). */
  clientAddress?: string;
}

export const sessionEnded = () =>
  new GraphQLError('The session token is invalid or expired. Sign in again.', {
    extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
  });

export const sessionsUnavailable = () =>
  new GraphQLError('Sessions cannot be checked right now; try again shortly.', {
    extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, http: { status: 503 } },
  });

/**
 * The session a token proves, checked against the account's current session version: the one
 * rule for HTTP and graphql-ws. Throws UNAUTHENTICATED for a bad, expired or ended session and
 * SERVICE_UNAVAILABLE when it cannot be checked.
 */
export async function authenticate(token: string, sessionTokens: SessionTokenVerifier, guard: SessionGuard): Promise<Session> {
  const session = sessionTokens.verify(token);
  if (!session) throw sessionEnded();
  await requireCurrent(session, guard);
  return session;
}

/** Throws unless the session is still its account's current one (see authenticate). */
export async function requireCurrent(session: Session, guard: SessionGuard): Promise<void> {
  const status = await guard.check(session);
  if (status === 'revoked') throw sessionEnded();
  if (status === 'unavailable') throw sessionsUnavailable();
}

/**
 * A missing token means an anonymous request; a bad one is refused outright rather than
 * silently downgraded to anonymous, so a client with an expired session finds out.
 */
export async function contextFromRequest(
  req: IncomingMessage,
  sessionTokens: SessionTokenVerifier,
  guard: SessionGuard,
): Promise<Omit<GatewayContext, 'requestId'>> {
  const header = req.headers.authorization;
  if (!header) return { viewerId: null };
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token) throw sessionEnded();
  const session = await authenticate(token, sessionTokens, guard);
  return { viewerId: session.userId, sessionVersion: session.sessionVersion };
}
