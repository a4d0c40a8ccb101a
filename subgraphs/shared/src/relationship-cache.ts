import type { EventTransport, Follower } from './event-transport';
import type { Logger } from './logger';
import type { PubSub } from './pubsub';
import { RELATIONSHIP_CHANGED_TOPIC, relationshipChangeOf, type RelationshipChanged } from './relationship-events';
import { listenToTopic } from './topic-listener';

/**
 * Each viewer's answer from social's `/internal/blocks` (whom they have a block with, whom they
 * muted), remembered between requests: every Feed page and every page of videos asks it, and
 * a call costs two processes CPU and sits on the page's critical path.
 *
 * Social announces `relationship.changed` after every block, unblock, mute and unmute commit,
 * before the mutation answers; hearing it drops both people's entries at once, so the next page
 * asks again (a block takes effect on the next page). An announcement is lost if social ends
 * between its commit and its publish; social's durable event of the change is never lost, and
 * this process follows those too (every replica, not one of a consumer group), so a lost
 * announcement costs an event's delivery. Entries are trusted (for 10 minutes) only while both
 * are heard: a lost connection to either drops every entry and stores nothing until it is back.
 * An answer fetched while a change for its viewer arrived may predate it and is not stored. With
 * no bus nothing is cached: social is asked every time.
 */
export interface RelationshipCacheOptions {
  /**
   * The bus social announces on. It must be the same bus (one process's in-process bus, or Redis
   * pub/sub with the same channel prefix): a bus social does not publish on would keep stale
   * answers for the TTL. Default: none, and nothing is cached.
   */
  pubsub?: PubSub;
  /**
   * The transport social's durable events travel on, followed by this process. Without it a lost
   * announcement is made good only when the entry expires (tests of the bus alone).
   */
  events?: Pick<EventTransport, 'follow'>;
  logger: Logger;
  /** How long an answer is trusted while the bus (and social's events, when followed) are heard. Default: 10 minutes. */
  ttlMs?: number;
  /** Viewers remembered at most; the least recently fetched go first. Default: 10,000. */
  maxEntries?: number;
}

export interface RelationshipCache<T> {
  /** The viewer's answer: remembered, shared with a call already out for them, or `fetch`ed. */
  get(userId: string, fetch: (userId: string) => Promise<T>): Promise<T>;
  /** Resolves once the bus is heard (or its subscribe failed, and it tries again); social's events may be heard a little later. */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

interface Flight<T> {
  answer: Promise<T>;
  /** An announcement for this viewer (or a lost bus) arrived while the call was out. */
  stale: boolean;
}

export function createRelationshipCache<T>(options: RelationshipCacheOptions): RelationshipCache<T> {
  const { pubsub, logger } = options;
  if (!pubsub) {
    return { get: (userId, fetch) => fetch(userId), ready: Promise.resolve(), stop: async () => {} };
  }
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { value: T; fetchedAt: number }>();
  const flights = new Map<string, Flight<T>>();
  // True only while the subscription is confirmed and its connection has not dropped since.
  let live = false;
  // One line per outage, not one per retry each second.
  let complained = false;

  const forget = (userId: string) => {
    entries.delete(userId);
    const flight = flights.get(userId);
    if (flight) flight.stale = true;
    flights.delete(userId);
  };
  const dropAll = () => {
    entries.clear();
    for (const flight of flights.values()) flight.stale = true;
    flights.clear();
  };
  const forgetAll = () => {
    live = false;
    dropAll();
  };
  const follower: Follower | undefined = options.events?.follow({
    source: 'social',
    handle: (event) => {
      for (const userId of relationshipChangeOf(event)) forget(userId);
    },
    onGap: dropAll,
  });
  /** Both ways a change is told are heard: an answer can be trusted and stored. */
  const trusted = () => live && (follower?.isLive() ?? true);

  const listener = listenToTopic(pubsub, RELATIONSHIP_CHANGED_TOPIC, {
    message: (message) => {
      const userIds = (message as Partial<RelationshipChanged> | null)?.userIds;
      if (Array.isArray(userIds)) for (const userId of userIds) if (typeof userId === 'string') forget(userId);
    },
    heard: () => {
      live = true;
      complained = false;
    },
    // Announcements may have been missed: nothing known can be trusted.
    deaf: forgetAll,
    error: (error) => {
      if (!complained) {
        logger.error(
          `${RELATIONSHIP_CHANGED_TOPIC}: ${error instanceof Error ? error.message : String(error)}; social is asked every time until it is heard again`,
        );
      }
      complained = true;
    },
  });

  return {
    get: (userId, fetch) => {
      if (!trusted()) return fetch(userId);
      const entry = entries.get(userId);
      if (entry && Date.now() - entry.fetchedAt < ttlMs) return Promise.resolve(entry.value);
      const inFlight = flights.get(userId);
      if (inFlight) return inFlight.answer;
      const flight: Flight<T> = { answer: fetch(userId), stale: false };
      flights.set(userId, flight);
      const fetchedAt = Date.now();
      flight.answer.then(
        (value) => {
          if (flights.get(userId) === flight) flights.delete(userId);
          if (flight.stale || !trusted()) return;
          // Re-inserted, not overwritten: eviction takes the oldest first.
          entries.delete(userId);
          entries.set(userId, { value, fetchedAt });
          while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
        },
        () => {
          if (flights.get(userId) === flight) flights.delete(userId);
        },
      );
      return flight.answer;
    },
    get ready() {
      return listener.ready;
    },
    stop: async () => {
      await listener.stop();
      await follower?.stop();
      forgetAll();
    },
  };
}
