import type { DomainEvent } from '@cameo/kernel/events';

/**
 * What the gateway's entity cache may keep, and what drops it.
 *
 * A field is listed only if it changes only with an event in `invalidations` below, and either
 * its value is the same for every viewer (no resolver reads the viewer: `true`) or it is the
 * viewer's own (PER_VIEWER: then the answer is kept per viewer, and dropped for a viewer when a
 * mutation is sent on their behalf). A field naming another type is cached with that type's
 * listed fields beneath it. Anything else in a subgraph request (ageBand, policy, restrictions,
 * a cameo's status, a video's comments) sends the whole request to the subgraph. `id` and
 * `__typename` are always allowed.
 */
export const PER_VIEWER = { perViewer: true } as const;
export type CachedFields = Record<string, Record<string, true | string | typeof PER_VIEWER>>;

export const CACHED_ENTITIES: Record<string, CachedFields> = {
  users: {
    // Changed only by updateProfile (user.updated); gone with the account (user.deleted).
    User: { handle: true, displayName: true, bio: true, avatarUrl: true, createdAt: true },
    // Set when the cameo is made; gone with it (cameo.consent_revoked, CAMEO_DELETED).
    Cameo: { kind: true, name: true, createdAt: true, owner: 'User' },
  },
  social: {
    // Counts change with social.liked, unliked, viewed, commented and comment_deleted; whether
    // the viewer liked a video, only with their own like or unlike (the same events, and their
    // mutation). None depends on blocks: social answers them for any video.
    Generation: { likeCount: true, commentCount: true, viewCount: true, viewerHasLiked: PER_VIEWER },
  },
  generations: {
    // Every answer is the viewer's own (VIEWER_BOUND below). A published video's fields change
    // with its completion (generation.completed: the file), publication (generation.published:
    // caption, publishedAt) and take-down (generation.hidden); status and progress, which change
    // without a durable event, are not listed. videoUrl is signed for the viewer and works for
    // 15-20 minutes: see KEPT_AT_MOST.
    Generation: {
      videoUrl: PER_VIEWER,
      caption: PER_VIEWER,
      publishedAt: PER_VIEWER,
      prompt: PER_VIEWER,
      seconds: PER_VIEWER,
      aspect: PER_VIEWER,
      model: PER_VIEWER,
      watermark: PER_VIEWER,
      createdAt: PER_VIEWER,
      hidden: PER_VIEWER,
    },
  },
};

/**
 * Types whose very answer depends on who asks, whatever fields are selected: generations answers
 * a video only to whom may see it (published and not taken down, or its creator and cast; never
 * across a block). Every answer of theirs is kept per viewer, even one selecting only `id`.
 */
export const VIEWER_BOUND: Record<string, ReadonlySet<string>> = { generations: new Set(['Generation']) };

/**
 * How long a subgraph's answers are kept at most, whatever the cache's TTL
 * (ENTITY_CACHE_TTL_SECONDS) says: a file URL from generations, signed to work for 15-20
 * minutes, still works for at least ten when it comes from memory.
 */
export const KEPT_AT_MOST_MS: Record<string, number> = { generations: 5 * 60_000 };

/**
 * The event streams whose events drop a subgraph's answers: its own, and social's for
 * generations (a block hides a video from both people). The cache answers from memory for a
 * subgraph only while it hears every one of them.
 */
export const HEARD_FROM: Record<string, readonly string[]> = {
  users: ['users'],
  social: ['social'],
  generations: ['generations', 'social'],
};

/** An entity whose cached answers are stale: `typename:id`, and every answer reaching it. */
export interface StaleEntity {
  typename: string;
  id: string;
}

/** The entities a domain event makes stale, by the subgraph whose stream carries it. */
export const invalidations: Record<string, (event: DomainEvent) => StaleEntity[]> = {
  users: (event) => {
    const payload = event.payload as { userId?: unknown; cameoId?: unknown };
    switch (event.topic) {
      case 'user.updated':
      case 'user.deleted':
        return typeof payload.userId === 'string' ? [{ typename: 'User', id: payload.userId }] : [];
      case 'cameo.consent_revoked':
        return typeof payload.cameoId === 'string' ? [{ typename: 'Cameo', id: payload.cameoId }] : [];
      default:
        return [];
    }
  },
  generations: (event) => {
    const payload = event.payload as { generationId?: unknown };
    switch (event.topic) {
      case 'generation.completed':
      case 'generation.published':
      case 'generation.hidden':
        return typeof payload.generationId === 'string' ? [{ typename: 'Generation', id: payload.generationId }] : [];
      default:
        return [];
    }
  },
  social: (event) => {
    const payload = event.payload as { generationId?: unknown };
    switch (event.topic) {
      case 'social.liked':
      case 'social.unliked':
      case 'social.viewed':
      case 'social.commented':
      case 'social.comment_deleted':
        return typeof payload.generationId === 'string' ? [{ typename: 'Generation', id: payload.generationId }] : [];
      default:
        return [];
    }
  },
};

/** A viewer whose answers from `subgraph` are stale. */
export interface StaleViewer {
  subgraph: string;
  viewerId: string;
}

/**
 * The viewers an event makes stale, by the stream that carries it: a block or unblock changes
 * which videos generations answers to both people. Their answers are dropped, and their reads of
 * generations skip the cache (and store nothing) for a few seconds, until generations itself has
 * heard of the block on the live bus (it keeps blocks in relationship-cache.ts too).
 */
export const viewerInvalidations: Record<string, (event: DomainEvent) => StaleViewer[]> = {
  social: (event) => {
    const payload = event.payload as { blockerId?: unknown; blockedId?: unknown };
    if (event.topic !== 'social.blocked' && event.topic !== 'social.unblocked') return [];
    return [payload.blockerId, payload.blockedId]
      .filter((id): id is string => typeof id === 'string')
      .map((viewerId) => ({ subgraph: 'generations', viewerId }));
  },
};

/**
 * A mutation the gateway sends to a subgraph on a viewer's behalf may change the viewer's own
 * entity: it is dropped at once, so people see their own changes on their next request, before
 * the event (about a quarter second later) reaches every replica.
 */
export const viewerEntity: Record<string, string> = { users: 'User' };
