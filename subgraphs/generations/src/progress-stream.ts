import type { EventStream } from '@cameo/kernel/pubsub';
import type { ProgressEvent } from './events';

const TERMINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'BLOCKED']);
export const isTerminal = (status: string) => TERMINAL.has(status);

const rank = (event: ProgressEvent) => (isTerminal(event.status) ? 2 : event.status === 'IN_PROGRESS' ? 1 : 0);

/** True when `event` is older than `last`: progress only moves forward for a subscriber. */
function isStale(event: ProgressEvent, last: ProgressEvent): boolean {
  return rank(event) < rank(last) || (rank(event) === rank(last) && event.progress < last.progress);
}

/**
 * One generation's progress for a subscriber: its current state first, then live events that
 * move it forward, ending after a final status. Reading the state after the live subscription
 * is confirmed means no event falls between the two; a subscriber that reconnects (the gateway
 * after a subgraph restart) starts from the truth, not from whatever it missed. A job retried
 * after a worker crash starts again from 0: its events are held back until they pass the point
 * the subscriber has seen, so progress a client draws never moves backwards.
 *
 * The subscriber's right to see the generation is asked again at every live event
 * (`stillVisible`): once it is gone (a block, a hidden video) the stream yields SUBSCRIBER_LOST_ACCESS
 * once — the field's resolver answers it with NOT_FOUND, as the query field would — and ends.
 *
 * An explicit iterator, not an `async function*`, so `return()` ends it at once (see pubsub.ts).
 */

/** Yielded once when the subscriber may no longer see the generation; the stream ends after it. */
export const SUBSCRIBER_LOST_ACCESS = Symbol('subscriber lost access');
export class GenerationProgressStream implements AsyncIterableIterator<ProgressEvent | typeof SUBSCRIBER_LOST_ACCESS> {
  private last: ProgressEvent | null = null;
  private ended = false;

  constructor(
    private readonly live: EventStream,
    private readonly readState: () => Promise<ProgressEvent>,
    private readonly stillVisible: () => Promise<boolean> = async () => true,
  ) {}

  async next(): Promise<IteratorResult<ProgressEvent | typeof SUBSCRIBER_LOST_ACCESS>> {
    while (!this.ended) {
      const event = this.last ? await this.nextLive() : await this.live.ready.then(this.readState);
      if (!event) break;
      if (this.last && isStale(event, this.last)) continue;
      if (this.last && !(await this.stillVisible())) {
        await this.return();
        return { value: SUBSCRIBER_LOST_ACCESS, done: false };
      }
      this.last = event;
      if (isTerminal(event.status)) await this.return();
      return { value: event, done: false };
    }
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<ProgressEvent>> {
    this.ended = true;
    await this.live.return();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  private async nextLive(): Promise<ProgressEvent | null> {
    const result = await this.live.next();
    return result.done ? null : (result.value as ProgressEvent);
  }
}
