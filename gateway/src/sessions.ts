import DataLoader from 'dataloader';
import type { StreamFollower, StreamHub } from '@cameo/kernel/events';
import { callInternal, signInternalToken } from '@cameo/kernel/internal-call';
import type { Logger } from '@cameo/kernel/logger';
import type { PubSub } from '@cameo/kernel/pubsub';
import { SESSION_REVOKED_TOPIC, type Session, type SessionRevoked } from '@cameo/kernel/session-token';
import { listenToTopic } from '@cameo/kernel/topic-listener';

/**
 * Whether a session token's version is still its account's current one (users bumps it on
 * signOutEverywhere and deletes it with the account). Asked on every request and every
 * graphql-ws connection and operation, so answers are cached: a hit costs a map lookup and no
 * network call; misses of one tick go to users together (`POST /internal/session-versions`).
 *
 * An entry is dropped at once when users announces `session.revoked` on the live bus (every
 * replica hears it over Redis pub/sub; one process shares the in-process bus), and when this
 * gateway forwarded the mutation that ended the sessions (read-your-writes). An announcement
 * over Redis is lost if users ends between its commit and its publish, or Redis is away at the
 * publish; the durable events written with the change (`user.sessions_ended`, `user.deleted`)
 * are not, and each replica follows users' stream for them. An entry is trusted for 10 minutes
 * only while no ending can be missed: the bus is heard and, for a bus that crosses processes,
 * users' stream is followed too (a lost subscription or connection to either drops every entry).
 * Otherwise (no Redis, a bus without the stream, or until both are heard again) 30 s.
 */
export interface SessionGuardOptions {
  /** The users subgraph's base URL (without /graphql), once the gateway knows it. */
  usersBaseUrl: () => string | undefined;
  /** Signs the call to users' session-versions route (INTERNAL_CALL_SECRET). */
  internalCallSecret: string;
  logger: Logger;
  /** Where `session.revoked` is heard. Default: none (entries only expire). */
  pubsub?: PubSub;
  /**
   * The domain-event streams on Redis, whose users' stream is followed so an ending whose
   * announcement was lost still arrives. Needed for 10 minutes of trust with a bus that crosses
   * processes; not with the in-process bus (npm start), which loses nothing.
   */
  streams?: StreamHub;
  /** How long an answer is trusted while no ending can be missed. Default: 10 minutes with a pubsub, else 30 s. */
  ttlMs?: number;
  /**
   * How long past `ttlMs` an answer may still serve while users cannot be reached. Default: 30 s.
   * Past that, sessions are refused as unavailable (fail closed, see `check`).
   */
  graceMs?: number;
  /** Accounts remembered at most; the least recently fetched go first. Default: 10,000. */
  maxEntries?: number;
}

/** `unavailable`: users could not be asked and nothing recent enough is known. */
export type SessionStatus = 'valid' | 'revoked' | 'unavailable';

export interface SessionGuard {
  check(session: Session): Promise<SessionStatus>;
  /** Sessions of an account ended: drop what is known and tell the listeners (open sockets). */
  ended(message: SessionRevoked): void;
  /** Called for every ending heard or seen; returns the unsubscribe function. */
  onEnded(listener: (message: SessionRevoked) => void): () => void;
  /** Resolves once the live bus listens (or gave up, after its subscribe timeout). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

interface Entry {
  /** The current version; null when the account does not exist (never did, or was deleted). */
  version: number | null;
  fetchedAt: number;
}

const SESSION_VERSIONS_PATH = '/internal/session-versions';
/** The users route answers at most this many ids per call. */
const MAX_BATCH = 500;
/** How long an answer is trusted while the live bus is not heard (none given, or lost). */
const UNHEARD_TTL_MS = 30_000;

export function createSessionGuard(options: SessionGuardOptions): SessionGuard {
  // A feed client asks every few seconds: with 30 s, every scroll after a pause cost users a call.
  const ttlMs = options.ttlMs ?? (options.pubsub ? 10 * 60_000 : UNHEARD_TTL_MS);
  const graceMs = options.graceMs ?? 30_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, Entry>();
  const listeners = new Set<(message: SessionRevoked) => void>();
  // Bumped by every ending: an answer fetched across one may predate it and is not stored.
  let epoch = 0;

  const store = (userId: string, entry: Entry) => {
    // Re-inserted, not overwritten: eviction takes the oldest first.
    entries.delete(userId);
    entries.set(userId, entry);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  };

  const loader = new DataLoader<string, Entry>(
    async (userIds) => {
      const epochAtSend = epoch;
      try {
        const base = options.usersBaseUrl();
        if (!base) throw new Error('the users subgraph URL is not known yet');
        const { sessions } = await callInternal<{ sessions: { userId: string; sessionVersion: number }[] }>(
          `${base}${SESSION_VERSIONS_PATH}`,
          signInternalToken(options.internalCallSecret, 'gateway', 'users'),
          { userIds },
          2_000,
        );
        const current = new Map(sessions.map((session) => [session.userId, session.sessionVersion]));
        const fetchedAt = Date.now();
        return userIds.map((userId) => {
          const entry = { version: current.get(userId) ?? null, fetchedAt };
          if (epoch === epochAtSend) store(userId, entry);
          return entry;
        });
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        return userIds.map(() => failure);
      } finally {
        // Callers while the call was out shared it; later ones read the entries (or ask again).
        for (const userId of userIds) loader.clear(userId);
      }
    },
    { maxBatchSize: MAX_BATCH },
  );

  const ended = (message: SessionRevoked) => {
    epoch++;
    entries.delete(message.userId);
    for (const listener of [...listeners]) listener(message);
  };

  // Hears session.revoked for as long as the gateway runs. A lost subscription or connection
  // (Redis away) may have missed endings: everything known is dropped, and until the bus is
  // heard again answers are trusted no longer than without a bus.
  let heard = false;
  const listener = options.pubsub
    ? listenToTopic(options.pubsub, SESSION_REVOKED_TOPIC, {
        message: (message) => {
          const { userId, sessionVersion } = (message ?? {}) as Partial<SessionRevoked>;
          if (typeof userId === 'string') ended({ userId, sessionVersion: typeof sessionVersion === 'number' ? sessionVersion : null });
        },
        heard: () => (heard = true),
        deaf: () => {
          heard = false;
          forgetEverything();
        },
        error: (error) =>
          options.logger.error(`session.revoked: ${error instanceof Error ? error.message : String(error)}; listening again`),
      })
    : undefined;

  const forgetEverything = () => {
    epoch++;
    entries.clear();
  };
  const follower: StreamFollower | undefined = options.streams
    ? options.streams.follow('users', {
        handle: (event) => {
          const { userId, sessionVersion } = (event.payload ?? {}) as Partial<SessionRevoked>;
          if (typeof userId !== 'string') return;
          if (event.topic === 'user.sessions_ended')
            ended({ userId, sessionVersion: typeof sessionVersion === 'number' ? sessionVersion : null });
          if (event.topic === 'user.deleted') ended({ userId, sessionVersion: null });
        },
        onGap: forgetEverything,
      })
    : undefined;
  // The in-process bus has no onInterrupted: it loses nothing, so it needs no stream beside it.
  const crossesProcesses = options.pubsub?.onInterrupted !== undefined;
  /** Every ending from now on will reach this replica: answers may be kept the whole TTL. */
  const endingsSure = () => heard && (!crossesProcesses || follower?.isLive() === true);

  const judge = (session: Session, entry: Entry): SessionStatus =>
    entry.version !== null && entry.version === session.sessionVersion ? 'valid' : 'revoked';

  return {
    check: async (session) => {
      const entry = entries.get(session.userId);
      const now = Date.now();
      // Versions only grow: a token newer than the entry (a sign-in after signOutEverywhere that
      // this replica did not hear of) proves the entry stale, so users is asked again.
      const newer = entry?.version != null && session.sessionVersion > entry.version;
      const trustedMs = endingsSure() || !options.pubsub ? ttlMs : Math.min(ttlMs, UNHEARD_TTL_MS);
      if (entry && !newer && now - entry.fetchedAt < trustedMs) return judge(session, entry);
      try {
        return judge(session, await loader.load(session.userId));
      } catch (error) {
        // Fail closed: the users subgraph decides who is signed in, and a revoked or stolen token
        // must not come back because users is down (or made to look down). A recent answer still
        // serves for a short grace, so a blip does not sign everyone out.
        if (entry && !newer && now - entry.fetchedAt < trustedMs + graceMs) return judge(session, entry);
        options.logger.error(`session check failed: ${error instanceof Error ? error.message : String(error)}`);
        return 'unavailable';
      }
    },
    ended,
    onEnded: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get ready() {
      return listener?.ready ?? Promise.resolve();
    },
    stop: async () => {
      await listener?.stop();
      await follower?.stop();
      listeners.clear();
      entries.clear();
    },
  };
}
