import type { EventStream, PubSub } from './pubsub';

/**
 * Hears one topic of the live bus for as long as a process runs, for a cache whose entries are
 * trusted only while every message is heard (the gateway's sessions, the blocks caches). Pub/sub
 * is at-most-once, so the listener says when messages may have been missed: the subscription
 * ended or broke, or the Redis connection dropped (ioredis subscribes again by itself, but what
 * was published meanwhile never arrives). Then `deaf` runs, the stream is ended, and the topic
 * is subscribed again a second later; `heard` runs once the new subscription is confirmed.
 */
export interface TopicHandlers {
  message(message: unknown): void;
  /** The subscription is confirmed: every message from now on is heard. */
  heard(): void;
  /** Messages may have been missed: forget whatever depended on hearing them. */
  deaf(): void;
  /** The subscription failed (it is tried again). Default: ignored. */
  error?(error: unknown): void;
}

export interface TopicListener {
  /** Resolves once the current subscription is confirmed, or has failed (and is tried again). */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

const RESUBSCRIBE_MS = 1_000;

export function listenToTopic(pubsub: PubSub, topic: string, handlers: TopicHandlers): TopicListener {
  let stopped = false;
  let current: EventStream | undefined;
  let ready: Promise<void> = Promise.resolve();
  const listen = () => {
    if (stopped) return;
    const stream = pubsub.subscribe(topic);
    current = stream;
    ready = stream.ready.then(() => {
      // A subscribe that timed out has already ended the stream: not heard.
      if (current === stream && !stream.ended) handlers.heard();
    });
    void (async () => {
      try {
        for await (const message of stream) handlers.message(message);
      } catch (error) {
        handlers.error?.(error);
      }
      handlers.deaf();
      if (!stopped) setTimeout(listen, RESUBSCRIBE_MS).unref();
    })();
  };
  // A dropped connection loses messages without ending the stream: end it, so the loop above
  // forgets and subscribes anew, heard once Redis confirms after reconnecting.
  const stopHearingInterruptions = pubsub.onInterrupted?.(() => {
    handlers.deaf();
    void current?.return();
  });
  listen();
  return {
    get ready() {
      return ready;
    },
    stop: async () => {
      stopped = true;
      stopHearingInterruptions?.();
      await current?.return();
    },
  };
}
