import { GraphQLError, type ExecutionResult } from 'graphql';
import { ErrorCode } from '@cameo/kernel/errors';

/**
 * The results one client subscription has yet to take, bounded: a client that falls `limit`
 * results behind gets one final error result (code SUBSCRIBER_OVERFLOW) and the stream ends,
 * instead of the gateway holding an ever-growing queue. An explicit iterator, so `return()`
 * (the client unsubscribed or left) takes effect at once.
 */
export class ResultStream implements AsyncIterableIterator<ExecutionResult> {
  private readonly buffer: ExecutionResult[] = [];
  private readonly pulls: ((result: IteratorResult<ExecutionResult>) => void)[] = [];
  private ended = false;
  private deliver: ((result: ExecutionResult) => void) | undefined;

  constructor(
    private readonly limit: number,
    private readonly onEnd: (stream: ResultStream) => void,
  ) {}

  push(result: ExecutionResult): void {
    if (this.ended) return;
    if (this.deliver) return this.deliver(result);
    const pull = this.pulls.shift();
    if (pull) return pull({ value: result, done: false });
    if (this.buffer.length < this.limit) {
      this.buffer.push(result);
      return;
    }
    this.buffer.length = 0;
    this.buffer.push(overflow(this.limit));
    this.end();
  }

  /**
   * Hands every result, from those already buffered on, to `deliver` as it comes instead of
   * through `next()`, which then only answers at the end. For a transport that writes at once
   * (a WebSocket): no promise and no queue per result, and the transport's own bound on unsent
   * bytes takes the place of the per-stream one.
   */
  deliverTo(deliver: (result: ExecutionResult) => void): this {
    for (const result of this.buffer.splice(0)) deliver(result);
    this.deliver = deliver;
    return this;
  }

  /** Ends after the results already buffered have been taken. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const pull of this.pulls.splice(0)) pull({ value: undefined, done: true });
    this.onEnd(this);
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const value = this.buffer.shift();
    if (value) return Promise.resolve({ value, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.pulls.push(resolve));
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    this.buffer.length = 0;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

function overflow(limit: number): ExecutionResult {
  const message = `This subscription fell more than ${limit} events behind and was ended. Subscribe again to resume.`;
  return { errors: [new GraphQLError(message, { extensions: { code: ErrorCode.SUBSCRIBER_OVERFLOW } })] };
}
