import { emitEvent, type OutboxWriter } from '@cameo/kernel/outbox';
import type { PubSub } from '@cameo/kernel/pubsub';

/** Durable domain events of the generations subgraph (stream cameo:events:generations). */
export interface GenerationsEvents {
  'generation.completed': { generationId: string; creatorId: string; cameoIds: string[]; cameoOwnerIds: string[] };
  'generation.published': {
    generationId: string;
    creatorId: string;
    caption: string;
    prompt: string;
    cameoIds: string[];
    cameoOwnerIds: string[];
    remixOfId: string | null;
    publishedAt: string;
  };
  /** A finished video taken down (consent withdrawn, removed by a cameo's owner): it leaves every feed. */
  'generation.hidden': { generationId: string; creatorId: string; reason: string };
}

export const emit = <Topic extends keyof GenerationsEvents>(tx: OutboxWriter, topic: Topic, payload: GenerationsEvents[Topic]) =>
  emitEvent<GenerationsEvents, Topic>(tx, topic, payload);

/** Live progress, at-most-once, for subscriptions: one topic per generation and per creator. */
export interface ProgressEvent {
  generationId: string;
  creatorId: string;
  status: string;
  progress: number;
  stage: string;
  errorReason: string | null;
}

export const generationTopic = (generationId: string) => `generation:${generationId}`;
export const creatorTopic = (creatorId: string) => `generations-of:${creatorId}`;

export async function publishProgress(pubsub: PubSub, event: ProgressEvent): Promise<void> {
  await Promise.all([pubsub.publish(generationTopic(event.generationId), event), pubsub.publish(creatorTopic(event.creatorId), event)]);
}
