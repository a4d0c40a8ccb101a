import WebSocket from 'ws';
import type { Gateway } from '@cameo/gateway/gateway';
import { SESSION_REVOKED_TOPIC } from '@cameo/kernel/session-token';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import { codes, ok, request, until, type Operation } from '@cameo/test-helpers/graphql';
import { dropping, proofFor, startReplicaGateway, startStack, type TestStack } from '@cameo/test-helpers/stack';
import { collect, wsClient, wsUrl } from '@cameo/test-helpers/subscriptions';
import { signUp, verifiedCameo, type TestUser } from '@cameo/test-helpers/users';

/**
 * Ended sessions (deleteAccount, signOutEverywhere) are refused at once on every transport of
 * the gateway that ended them, on replicas (over Redis pub/sub, or after the session cache's
 * TTL without Redis), and the consent check refuses a deleted account on its own.
 */

/** What a graphql-ws connection_init with this token gets: an ack, or the close code. */
function connectionInit(gatewayUrl: string, token: string): Promise<'ack' | number> {
  const socket = new WebSocket(wsUrl(gatewayUrl), 'graphql-transport-ws');
  return new Promise((resolve) => {
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type !== 'connection_ack') return;
      resolve('ack');
      socket.close();
    });
    socket.on('close', (code) => resolve(code));
  });
}

/** An open subscription of `token` on `gatewayUrl`, once its connection is acknowledged. */
async function openSubscription(gatewayUrl: string, token: string) {
  const client = wsClient(gatewayUrl, token);
  const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
  const updates = collect(client, 'subscription { myGenerationUpdates { status } }');
  await connected;
  return { updates, dispose: () => client.dispose() };
}

const closedWith = (subscription: { updates: { done: Promise<void> } }) =>
  subscription.updates.done.then(
    () => 'completed',
    (error: Error) => error.message,
  );

const me = (url: string, token: string) => request(url, '{ me { id } }', { token });
const refused = async (url: string, token: string) => {
  const response = await me(url, token);
  return response.status === 401 && codes(response).join() === 'UNAUTHENTICATED';
};

describe.each([
  { redis: false, name: 'without Redis' },
  { redis: true, name: 'with Redis' },
])('ended sessions $name', ({ redis }) => {
  let database: TestDatabase;
  let stack: TestStack;
  let replica: { gateway: Gateway; url: string };
  let owner: TestUser;
  let everyoneCameo: string;

  beforeAll(async () => {
    database = await createTestDatabase(`e2e_sessions_${redis ? 'redis' : 'memory'}`);
    stack = await startStack(database.url, { redis });
    // A second gateway in front of the same subgraphs. With Redis it hears session.revoked; without,
    // nothing reaches it and it trusts a cached answer for the TTL (shortened here from 30 s).
    replica = await startReplicaGateway(
      stack,
      stack.live
        ? {
            redisUrl: stack.live.redisUrl,
            livePrefix: stack.live.prefix,
            events: { redisUrl: stack.live.redisUrl, eventNamespace: stack.queuePrefix },
          }
        : { sessions: { ttlMs: 500 } },
    );
    owner = await signUp(stack.gatewayUrl, 'owner');
    everyoneCameo = await verifiedCameo(stack.gatewayUrl, owner);
    await ok(
      request(
        stack.gatewayUrl,
        graphql(`
          mutation SessionsSetCameoPolicy($id: ID!) {
            setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {
              policy
            }
          }
        `),
        {
          token: owner.token,
          variables: { id: everyoneCameo },
        },
      ),
    );
  });
  afterAll(async () => {
    await replica?.gateway.stop();
    await stack?.stop();
    await database?.drop();
  });

  it('refuses a deleted account’s token over HTTP and graphql-ws, closes its sockets with 4401, on every replica', async () => {
    const leaver = await signUp(stack.gatewayUrl, 'leaver');
    // Both gateways know the session as valid (and cache it) before the account goes.
    expect((await ok(me(stack.gatewayUrl, leaver.token))).me.id).toBe(leaver.id);
    expect((await ok(me(replica.url, leaver.token))).me.id).toBe(leaver.id);
    const open = await openSubscription(stack.gatewayUrl, leaver.token);
    const openOnReplica = redis ? await openSubscription(replica.url, leaver.token) : undefined;
    await until('the subscription is open', async () => stack.subscriptionStats().subscriptions > 0);

    const deleted = await request(stack.gatewayUrl, 'mutation { deleteAccount(password: "password123") }', { token: leaver.token });
    expect(deleted.data).toEqual({ deleteAccount: true });

    // The gateway that forwarded it: at once, on both transports.
    expect(await refused(stack.gatewayUrl, leaver.token)).toBe(true);
    expect(await connectionInit(stack.gatewayUrl, leaver.token)).toBe(4401);
    expect(await closedWith(open)).toBe('connection closed: 4401');
    await until('its subscriptions ended', async () => stack.subscriptionStats().subscriptions === 0);

    const created = await request(
      stack.gatewayUrl,
      graphql(`
        mutation SessionsCreateGeneration($input: CreateGenerationInput!) {
          createGeneration(input: $input) {
            id
          }
        }
      `),
      { token: leaver.token, variables: { input: { prompt: 'a wave', seconds: 1, cameoIds: [everyoneCameo] } } },
    );
    expect(created.status).toBe(401);
    expect(codes(created)).toEqual(['UNAUTHENTICATED']);

    // The replica: told over Redis pub/sub well within the 30 s TTL, or after its TTL without Redis.
    await until('the replica refuses the token', () => refused(replica.url, leaver.token));
    expect(await connectionInit(replica.url, leaver.token)).toBe(4401);
    if (openOnReplica) expect(await closedWith(openOnReplica)).toBe('connection closed: 4401');
    await open.dispose();
    await openOnReplica?.dispose();
  });

  it('refuses an EVERYONE cameo to a deleted account in the consent check itself (a proof that got past a gateway)', async () => {
    const leaver = await signUp(stack.gatewayUrl, 'ghost');
    const asLeaver = <Data = Record<string, any>, Variables = Record<string, unknown>>(
      query: Operation<Data, Variables>,
      variables: Variables,
    ) =>
      request(stack.subgraphUrls.generations, query, {
        variables,
        headers: proofFor('generations', leaver.id),
      });
    const create = graphql(`
      mutation SessionsCreateGeneration2($input: CreateGenerationInput!) {
        createGeneration(input: $input) {
          id
        }
      }
    `);
    const input = { prompt: 'a wave', seconds: 1, cameoIds: [everyoneCameo] };
    expect((await asLeaver(create, { input })).errors).toBeUndefined();

    await ok(request(stack.gatewayUrl, 'mutation { deleteAccount(password: "password123") }', { token: leaver.token }));
    const refusedGeneration = await asLeaver(create, { input: { ...input, prompt: 'another wave' } });
    expect(codes(refusedGeneration)).toEqual(['CAMEO_CONSENT_REQUIRED']);
    expect(refusedGeneration.errors?.[0]?.extensions?.refused).toEqual([{ cameoId: everyoneCameo, reason: 'UNKNOWN_USER' }]);
  });

  it('signOutEverywhere ends every other token of the account; a new sign-in works everywhere', async () => {
    const user = await signUp(stack.gatewayUrl, 'careful');
    const signIn = () =>
      ok(request(stack.gatewayUrl, 'mutation { signIn(handle: "careful", password: "password123") { token } }')).then(
        (data) => data.signIn.token as string,
      );
    const laptop = user.token;
    const phone = await signIn();
    expect((await ok(me(replica.url, laptop))).me.id).toBe(user.id);
    const open = await openSubscription(stack.gatewayUrl, laptop);

    const ended = await request(stack.gatewayUrl, 'mutation { signOutEverywhere }', { token: phone });
    expect(ended.data).toEqual({ signOutEverywhere: true });

    expect(await refused(stack.gatewayUrl, laptop)).toBe(true);
    expect(await refused(stack.gatewayUrl, phone)).toBe(true);
    expect(await closedWith(open)).toBe('connection closed: 4401');
    expect(await connectionInit(stack.gatewayUrl, laptop)).toBe(4401);
    await until('the replica refuses the old token', () => refused(replica.url, laptop));

    const fresh = await signIn();
    expect((await ok(me(stack.gatewayUrl, fresh))).me.id).toBe(user.id);
    expect((await ok(me(replica.url, fresh))).me.id).toBe(user.id);
    expect(await connectionInit(stack.gatewayUrl, fresh)).toBe('ack');
    expect(await connectionInit(replica.url, fresh)).toBe('ack');
    expect(await refused(replica.url, laptop)).toBe(true);
  });
});

describe('an ended session whose announcement is lost (users ended between its commit and its publish), with Redis', () => {
  let database: TestDatabase;
  let stack: TestStack;
  let replica: { gateway: Gateway; url: string };
  beforeAll(async () => {
    database = await createTestDatabase('e2e_sessions_lost');
    stack = await startStack(database.url, { redis: true, usersBus: dropping(SESSION_REVOKED_TOPIC) });
    replica = await startReplicaGateway(stack, {
      redisUrl: stack.live!.redisUrl,
      livePrefix: stack.live!.prefix,
      events: { redisUrl: stack.live!.redisUrl, eventNamespace: stack.queuePrefix },
    });
  });
  afterAll(async () => {
    await replica?.gateway.stop();
    await stack?.stop();
    await database?.drop();
  });

  it('is refused by a replica once users’ durable event arrives, not when its cached answer expires', async () => {
    const user = await signUp(stack.gatewayUrl, 'leaky');
    // The replica checks the token and keeps the answer (for 10 minutes: it hears the bus and users' stream).
    expect((await ok(me(replica.url, user.token))).me.id).toBe(user.id);
    expect((await ok(me(replica.url, user.token))).me.id).toBe(user.id);
    const laptop = await openSubscription(replica.url, user.token);
    expect(await request(stack.gatewayUrl, 'mutation { signOutEverywhere }', { token: user.token })).toMatchObject({
      data: { signOutEverywhere: true },
    });
    // No announcement reaches the replica: only user.sessions_ended on users' stream can.
    await until('the replica refuses the old token', () => refused(replica.url, user.token), 15_000);
    expect(await closedWith(laptop)).toBe('connection closed: 4401');
  });
});
