import type { DomainEvent } from '@cameo/kernel/events';

/** Domain events as the feed's consumers receive them, for the projection's tests (each file has its own database). */
let sequence = 0;
export const feedEvent = (topic: string, payload: Record<string, unknown>): DomainEvent => ({
  id: `test:${++sequence}`,
  topic,
  at: new Date().toISOString(),
  payload,
});

/** What generations publishes for a video: no cast, no remix, unless `extra` says otherwise. */
export const publishedPayload = (
  generationId: string,
  creatorId: string,
  publishedAt = new Date(),
  extra: Record<string, unknown> = {},
) => ({
  generationId,
  creatorId,
  caption: 'c',
  prompt: 'p',
  cameoIds: [],
  cameoOwnerIds: [],
  remixOfId: null,
  publishedAt: publishedAt.toISOString(),
  ...extra,
});
