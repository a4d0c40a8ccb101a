import { createServer } from 'node:net';
import pg from 'pg';
import { Counter, Registry } from 'prom-client';
import type { DomainEvent } from '@cameo/kernel/events';
import { createLogger } from '@cameo/kernel/logger';
import { createPubSub, type PubSub } from '@cameo/kernel/pubsub';
import { createLocalStorage, type AssetStorage } from '../src/rendering/storage';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import { ok, request, type Operation } from '@cameo/test-helpers/graphql';
import { startStack, testSecrets, type TestStack } from '@cameo/test-helpers/stack';
import { publishedVideo, signUp, verifiedCameo, type TestUser } from '@cameo/test-helpers/users';
import { createDb, type GenerationsDb } from '../src/db';
import { createConsentReconciler } from '../src/reconciler';
import { applyConsentRevoked } from '../src/revocations';
import { createUsersClient } from '../src/users-client';

// The stack's consumer of users' events is kept away (this file holds its lease on the users
// source): each test hands the users subgraph's outbox event to the handler itself, or leaves it
// undelivered for the reconciler.
let database: TestDatabase;
let stack: TestStack;
let db: GenerationsDb;
let pubsub: PubSub;
let storage: AssetStorage;
let sql: pg.Client;
let usersBaseUrl: string;
let owner: TestUser, creator: TestUser, other: TestUser, viewer: TestUser;

beforeAll(async () => {
  database = await createTestDatabase('generations_revocations');
  // The stack's own reconciler stays out of the way: these tests run its passes themselves.
  stack = await startStack(database.url, { reconciler: { intervalMs: 3_600_000 } });
  usersBaseUrl = stack.subgraphUrls.users.replace(/\/graphql$/, '');
  db = createDb(database.url, 2);
  pubsub = createPubSub(undefined);
  storage = createLocalStorage(stack.assetsDir);
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  await sql.query(
    `INSERT INTO generations.event_position (source, leased_by, lease_until) VALUES ('users', 'test', now() + interval '1 hour')
     ON CONFLICT (source) DO UPDATE SET leased_by = 'test', lease_until = now() + interval '1 hour'`,
  );
  owner = await signUp(stack.gatewayUrl, 'owner');
  creator = await signUp(stack.gatewayUrl, 'creator');
  other = await signUp(stack.gatewayUrl, 'other');
  viewer = await signUp(stack.gatewayUrl, 'viewer');
}, 60_000);
afterAll(async () => {
  await sql?.end();
  await pubsub?.close();
  await db?.$disconnect();
  await stack?.stop();
  await database?.drop();
});

const as = <Data = Record<string, any>, Variables = Record<string, unknown>>(
  user: TestUser,
  query: Operation<Data, Variables>,
  variables: Variables = {} as Variables,
) => ok(request(stack.gatewayUrl, query, { token: user.token, variables }));
const seenBy = async (user: TestUser, id: string) =>
  (
    await as(
      user,
      graphql(`
        query RevocationsGeneration($id: ID!) {
          generation(id: $id) {
            id
          }
        }
      `),
      { id },
    )
  ).generation;
/** The users subgraph's latest consent_revoked event for a cameo, as the transport would deliver it. */
const lastRevocation = async (cameoId: string): Promise<DomainEvent> => {
  const { rows } = await sql.query(
    `SELECT id, topic, payload, created_at FROM users.outbox WHERE topic = 'cameo.consent_revoked' AND payload->>'cameoId' = $1 ORDER BY id DESC LIMIT 1`,
    [cameoId],
  );
  const row = rows[0];
  return { id: `users:${row.id}`, topic: row.topic, payload: row.payload, at: row.created_at.toISOString() };
};
/** A URL where nothing listens. */
const deadUrl = async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
};
const hidden = async (id: string) => (await db.generation.findUniqueOrThrow({ where: { id } })).hiddenReason;
const setPolicy = (cameoId: string, policy: string) =>
  as(owner, `mutation ($id: ID!) { setCameoPolicy(cameoId: $id, input: { policy: ${policy} }) { id } }`, { id: cameoId });

describe('the cameo.consent_revoked handler', () => {
  it('throws and records nothing while users is unreachable; a later retry applies the event', async () => {
    const cameoId = await verifiedCameo(stack.gatewayUrl, owner, 'PET', 'rex');
    await setPolicy(cameoId, 'EVERYONE');
    const videoId = await publishedVideo(stack.gatewayUrl, creator, 'rex runs', { cameoIds: [cameoId] });
    await setPolicy(cameoId, 'ONLY_ME');
    const event = await lastRevocation(cameoId);

    const unreachable = createUsersClient(await deadUrl(), testSecrets.internalCallSecret);
    await expect(applyConsentRevoked({ db, users: unreachable, pubsub, storage }, event)).rejects.toThrow();
    expect(await db.processedEvent.count({ where: { eventId: event.id } })).toBe(0);
    expect(await hidden(videoId)).toBeNull();
    expect(await seenBy(viewer, videoId)).toEqual({ id: videoId });

    const users = createUsersClient(usersBaseUrl, testSecrets.internalCallSecret);
    await applyConsentRevoked({ db, users, pubsub, storage }, event);
    expect(await db.processedEvent.count({ where: { eventId: event.id } })).toBe(1);
    expect(await hidden(videoId)).toBe('CAMEO_CONSENT_REVOKED');
    expect(await seenBy(viewer, videoId)).toBeNull();
    expect(
      await db.outboxEvent.count({ where: { topic: 'generation.hidden', payload: { path: ['generationId'], equals: videoId } } }),
    ).toBe(1);
    // A redelivery changes nothing more.
    await applyConsentRevoked({ db, users, pubsub, storage }, event);
    expect(
      await db.outboxEvent.count({ where: { topic: 'generation.hidden', payload: { path: ['generationId'], equals: videoId } } }),
    ).toBe(1);
  }, 60_000);
});

describe('the consent reconciler', () => {
  it('repairs a published video whose cast lost consent when the event never arrived, and leaves an allowed one alone', async () => {
    const cameoId = await verifiedCameo(stack.gatewayUrl, owner, 'OBJECT', 'lamp');
    await setPolicy(cameoId, 'APPROVED');
    for (const user of [creator, other]) {
      await as(
        owner,
        graphql(`
          mutation RevocationsGrantCameoAccess($id: ID!, $h: String!) {
            grantCameoAccess(cameoId: $id, handle: $h) {
              id
            }
          }
        `),
        {
          id: cameoId,
          h: user.handle,
        },
      );
    }
    const revokedVideo = await publishedVideo(stack.gatewayUrl, creator, 'lamp glows', { cameoIds: [cameoId] });
    const allowedVideo = await publishedVideo(stack.gatewayUrl, other, 'lamp dims', { cameoIds: [cameoId] });
    // The grant goes; its event is written in users and never delivered to generations.
    await as(
      owner,
      graphql(`
        mutation RevocationsRevokeCameoAccess($id: ID!, $u: ID!) {
          revokeCameoAccess(cameoId: $id, userId: $u) {
            id
          }
        }
      `),
      { id: cameoId, u: creator.id },
    );
    expect(await db.processedEvent.count()).toBe(1); // only the first test's event

    const registry = new Registry();
    const repairs = new Counter({ name: 'cameo_consent_reconciler_repairs_total', help: 'repairs', registers: [registry] });
    const users = createUsersClient(usersBaseUrl, testSecrets.internalCallSecret);
    const reconciler = createConsentReconciler(
      { db, users, pubsub, storage, logger: createLogger('generations'), repairs },
      { initialLookbackMs: 600_000 },
    );
    expect(await reconciler.pass()).toBe(1);
    expect((await repairs.get()).values[0]?.value).toBe(1);
    expect(await hidden(revokedVideo)).toBe('CAMEO_CONSENT_REVOKED');
    expect(await seenBy(viewer, revokedVideo)).toBeNull();
    expect(await hidden(allowedVideo)).toBeNull();
    expect(await seenBy(viewer, allowedVideo)).toEqual({ id: allowedVideo });
    // The allowed cast is recorded as checked at the cameo's current version: later passes skip it.
    const { policyVersion } = (
      await ok(
        request(
          stack.gatewayUrl,
          graphql(`
            query RevocationsCameo($id: ID!) {
              cameo(id: $id) {
                policyVersion
              }
            }
          `),
          { token: owner.token, variables: { id: cameoId } },
        ),
      )
    ).cameo!;
    const cast = await db.generationCameo.findUniqueOrThrow({ where: { generationId_cameoId: { generationId: allowedVideo, cameoId } } });
    expect(cast.checkedPolicyVersion).toBe(policyVersion);
    expect(await reconciler.pass()).toBe(0);
    expect((await repairs.get()).values[0]?.value).toBe(1);
  }, 60_000);
});
