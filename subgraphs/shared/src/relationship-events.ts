import type { DomainEvent } from './events';

/**
 * The live-event topic on which social announces, after the commit, that a block or mute
 * between two people was made or undone: every cached answer of social's `/internal/blocks`
 * for either of them is stale (relationship-cache.ts).
 */
export const RELATIONSHIP_CHANGED_TOPIC = 'relationship.changed';

/** The `relationship.changed` message: the two people whose answers changed. */
export interface RelationshipChanged {
  userIds: [string, string];
}

/** Social's durable events that change an `/internal/blocks` answer, and the fields naming the two people. */
const RELATIONSHIP_EVENTS: Record<string, [string, string]> = {
  'social.blocked': ['blockerId', 'blockedId'],
  'social.unblocked': ['blockerId', 'blockedId'],
  'social.muted': ['muterId', 'mutedId'],
  'social.unmuted': ['muterId', 'mutedId'],
};

/** The people whose answers a durable event of social's changed: none for any other event. */
export function relationshipChangeOf(event: DomainEvent): string[] {
  const fields = RELATIONSHIP_EVENTS[event.topic];
  if (!fields) return [];
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  return fields.map((field) => payload[field]).filter((id): id is string => typeof id === 'string');
}
