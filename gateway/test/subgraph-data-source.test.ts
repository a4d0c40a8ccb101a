import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GATEWAY_PROOF_HEADER, readProof } from '@cameo/kernel/gateway-proof';
import { REQUEST_ID_HEADER } from '@cameo/kernel/request-id';
import type { GatewayContext } from '../src/context';
import { createGatewayMetrics } from '../src/metrics';
import { SubgraphDataSource } from '../src/subgraph-data-source';
import { createSubgraphFetcher } from '../src/subgraph-fetcher';

interface Answer {
  status?: number;
  type?: string;
  cacheControl?: string;
  body: string;
}

/** A stand-in subgraph that records what it was sent and answers as told. */
async function startSubgraph() {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  let answer: Answer = { body: '{"data":{"ok":true}}' };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answer.status ?? 200;
      res.setHeader('content-type', answer.type ?? 'application/json');
      if (answer.cacheControl) res.setHeader('cache-control', answer.cacheControl);
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    received,
    answer: (next: Answer) => (answer = next),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const keys = generateKeyPairSync('ed25519');

/** One subgraph request as the gateway's executor makes it for a client's operation. */
function incoming(context: GatewayContext, restrict?: (hint: unknown) => void) {
  return {
    kind: 'incoming operation',
    request: { query: '{ ok }', variables: { a: 1 }, operationName: 'Ok' },
    incomingRequestContext: { overallCachePolicy: restrict ? { restrict } : undefined },
    context,
    pathInIncomingRequest: [],
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
}

describe('the gateway’s data source for one subgraph', () => {
  let subgraph: Awaited<ReturnType<typeof startSubgraph>>;
  let client: ReturnType<typeof createSubgraphFetcher>;
  let source: SubgraphDataSource;
  beforeEach(async () => {
    subgraph = await startSubgraph();
    client = createSubgraphFetcher();
    const metrics = createGatewayMetrics(() => ({ connections: 0, httpStreams: 0, subscriptions: 0, upstream: 0 }));
    source = new SubgraphDataSource('feed', subgraph.url, keys.privateKey, metrics, client.fetcher);
  });
  afterEach(async () => {
    client.close();
    await subgraph.close();
  });

  it('sends the operation as JSON with a proof for this subgraph, viewer and body, and the request id', async () => {
    const context = { viewerId: 'u1', clientAddress: '10.0.0.9', requestId: 'req-1' } as GatewayContext;
    const response = await source.process(incoming(context));
    expect(response.data).toEqual({ ok: true });

    const [sent] = subgraph.received;
    expect(JSON.parse(sent!.body)).toEqual({ query: '{ ok }', variables: { a: 1 }, operationName: 'Ok' });
    expect(sent!.headers['content-type']).toBe('application/json');
    expect(sent!.headers[REQUEST_ID_HEADER]).toBe('req-1');
    expect(sent!.headers.authorization).toBeUndefined();
    const proof = readProof(keys.publicKey, 'feed', sent!.headers[GATEWAY_PROOF_HEADER] as string, { method: 'POST', body: sent!.body });
    expect(proof).toMatchObject({ viewer: 'u1', addr: '10.0.0.9' });
    // Bound to this subgraph and these bytes: not accepted by another or for another body.
    expect(
      readProof(keys.publicKey, 'users', sent!.headers[GATEWAY_PROOF_HEADER] as string, { method: 'POST', body: sent!.body }),
    ).toBeNull();
    expect(readProof(keys.publicKey, 'feed', sent!.headers[GATEWAY_PROOF_HEADER] as string, { method: 'POST', body: '{}' })).toBeNull();
  });

  it('signs an anonymous request with no viewer', async () => {
    await source.process(incoming({} as GatewayContext));
    const [sent] = subgraph.received;
    const proof = readProof(keys.publicKey, 'feed', sent!.headers[GATEWAY_PROOF_HEADER] as string, { method: 'POST', body: sent!.body });
    expect(proof).toMatchObject({ viewer: null, addr: null });
  });

  it('turns a 401 or 403 answer into an error with a stable code, and other statuses into a plain one', async () => {
    subgraph.answer({ status: 401, body: '{"errors":[{"message":"no"}]}' });
    await expect(source.process(incoming({} as GatewayContext))).rejects.toMatchObject({
      message: '401: Unauthorized',
      extensions: { code: 'UNAUTHENTICATED', response: { status: 401, body: { errors: [{ message: 'no' }] } } },
    });
    subgraph.answer({ status: 403, type: 'text/plain', body: 'forbidden' });
    await expect(source.process(incoming({} as GatewayContext))).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN', response: { body: 'forbidden' } },
    });
    subgraph.answer({ status: 502, type: 'text/plain', body: 'bad gateway' });
    const error = await source.process(incoming({} as GatewayContext)).catch((e: { extensions: Record<string, unknown> }) => e);
    expect(error).toMatchObject({ message: '502: Bad Gateway' });
    expect((error as { extensions: Record<string, unknown> }).extensions.code).toBeUndefined();
  });

  it('refuses an answer that is not a JSON object', async () => {
    subgraph.answer({ type: 'text/html', body: '<html>' });
    await expect(source.process(incoming({} as GatewayContext))).rejects.toThrow('Expected JSON response body, but received: <html>');
  });

  it('restricts the response’s cache policy by the subgraph’s Cache-Control, as RemoteGraphQLDataSource does', async () => {
    const hints: unknown[] = [];
    subgraph.answer({ cacheControl: 'private, max-age=30', body: '{"data":{}}' });
    await source.process(incoming({} as GatewayContext, (hint) => hints.push(hint)));
    subgraph.answer({ cacheControl: 'public, max-age=abc', body: '{"data":{}}' });
    await source.process(incoming({} as GatewayContext, (hint) => hints.push(hint)));
    subgraph.answer({ body: '{"data":{}}' });
    await source.process(incoming({} as GatewayContext, (hint) => hints.push(hint)));
    expect(hints).toEqual([{ maxAge: 30, scope: 'PRIVATE' }, { maxAge: 0, scope: 'PUBLIC' }, { maxAge: 0 }]);
  });
});
