import { acceptedKinds, multipart, serverSentEvents } from '../src/subscriptions/http-encodings';

/** Content negotiation and framing of the HTTP subscription transports (pure functions). */
describe('acceptedKinds', () => {
  it.each([
    // Apollo Client 4's HttpLink for a subscription.
    [
      'multipart/mixed;boundary=graphql;subscriptionSpec=1.0,application/graphql-response+json,application/json;q=0.9',
      ['multipart', 'json', 'json'],
    ],
    // Apollo Router's documented header.
    ['multipart/mixed;subscriptionSpec="1.0", application/json', ['multipart', 'json']],
    // urql's fetchExchange for a subscription: SSE first.
    ['text/event-stream, multipart/mixed', ['sse', 'multipart']],
    // urql for a query: JSON first, so queries stay JSON.
    [
      'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed',
      ['json', 'json', 'sse', 'multipart'],
    ],
    // q values outrank order; q=0 means "not this".
    ['application/json;q=0.5, text/event-stream', ['sse', 'json']],
    ['text/event-stream;q=0, application/json', ['json']],
    ['text/html', []],
  ])('%s', (accept, kinds) => {
    expect(acceptedKinds(accept)).toEqual(kinds);
  });

  it('is empty without an Accept header', () => {
    expect(acceptedKinds(undefined)).toEqual([]);
  });
});

describe('framing', () => {
  it('multipart: every part is closed by the next delimiter at once; the stream by the closing one', () => {
    const body =
      multipart.start() +
      multipart.heartbeat() +
      multipart.result({ data: { n: 1 } }) +
      multipart.transportError([{ message: 'bye' }]) +
      multipart.end();
    expect(body).toBe(
      '\r\n--graphql' +
        '\r\nContent-Type: application/json\r\n\r\n{}\r\n--graphql' +
        '\r\nContent-Type: application/json\r\n\r\n{"payload":{"data":{"n":1}}}\r\n--graphql' +
        '\r\nContent-Type: application/json\r\n\r\n{"payload":null,"errors":[{"message":"bye"}]}\r\n--graphql' +
        '--\r\n',
    );
  });

  it('SSE: next events with the result, comments as heartbeats, complete with an empty data field (EventSource)', () => {
    const body =
      serverSentEvents.start() + serverSentEvents.result({ data: { n: 1 } }) + serverSentEvents.heartbeat() + serverSentEvents.end();
    expect(body).toBe(':\n\nevent: next\ndata: {"data":{"n":1}}\n\n:\n\nevent: complete\ndata:\n\n');
  });
});
