import type { ExecutionResult, FormattedExecutionResult } from 'graphql';

/**
 * graphql-transport-ws `next` messages built from a payload serialized once per result: the hub
 * hands the same result object to every subscriber of one shared subscription (one viewer, one
 * document, the same variables), so hundreds of subscribers cost one JSON.stringify, and each
 * message is its subscription's own prefix (encoded once, at subscribe) followed by those
 * bytes. Results of different shared subscriptions are different objects, so nothing crosses
 * from one viewer to another.
 */
export function createNextFrames(formatResult: (result: ExecutionResult) => FormattedExecutionResult) {
  // Weak: a payload lives as long as its result, which the hub drops with the next event.
  const payloads = new WeakMap<ExecutionResult, Buffer>();
  return {
    /** What every `next` message of subscription `id` starts with; kept per subscription. */
    prefix: (id: string) => Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`),
    /** The rest of the message: the formatted result and the closing brace. */
    payload: (result: ExecutionResult): Buffer => {
      let payload = payloads.get(result);
      if (payload === undefined) {
        payload = Buffer.from(`${JSON.stringify(formatResult(result))}}`);
        payloads.set(result, payload);
      }
      return payload;
    },
  };
}
