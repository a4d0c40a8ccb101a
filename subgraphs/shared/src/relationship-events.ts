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
