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

/**
 * A mutation the gateway sends to a subgraph on a viewer's behalf may change the viewer's own
 * entity: it is dropped at once, so people see their own changes on their next request, before
 * the event (about a quarter second later) reaches every replica.
 */
export const viewerEntity: Record<string, string> = { users: 'User' };
