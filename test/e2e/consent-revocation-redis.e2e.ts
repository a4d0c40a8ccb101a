import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import { ok, request, until, type Operation } from '@cameo/test-helpers/graphql';
import { startStack, type TestStack } from '@cameo/test-helpers/stack';
import { publishedVideo, signUp, verifiedCameo, type TestUser } from '@cameo/test-helpers/users';

/**
 * A block takes consent away through events alone: social.blocked -> users' projection writes
 * cameo.consent_revoked -> generations hides the video. The reconciler is kept out of it.
 */
let database: TestDatabase;
let stack: TestStack;
let alice: TestUser, bob: TestUser, carol: TestUser;

beforeAll(async () => {
  database = await createTestDatabase('e2e_consent_revocation_redis');
  stack = await startStack(database.url, { redis: true, reconciler: { intervalMs: 3_600_000 } });
  alice = await signUp(stack.gatewayUrl, 'alice');
  bob = await signUp(stack.gatewayUrl, 'bob');
  carol = await signUp(stack.gatewayUrl, 'carol');
});
afterAll(async () => {
  await stack?.stop();
  await database?.drop();
});

const gql = <Data = Record<string, any>, Variables = Record<string, unknown>>(
  user: TestUser,
  query: Operation<Data, Variables>,
  variables: Variables = {} as Variables,
) => ok(request(stack.gatewayUrl, query, { token: user.token, variables }));
const seenBy = async (user: TestUser, id: string) =>
  (
    await gql(
      user,
      graphql(`
        query ConsentRevocationRedisGeneration($id: ID!) {
          generation(id: $id) {
            id
            hidden
          }
        }
      `),
      { id },
    )
  ).generation;

describe('a block revokes consent end to end', () => {
  it("hides the blocked person's published video of you from everyone else", async () => {
    const cameoId = await verifiedCameo(stack.gatewayUrl, alice);
    await gql(
      alice,
      graphql(`
        mutation ConsentRevocationRedisSetCameoPolicy($id: ID!) {
          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {
            id
          }
        }
      `),
      { id: cameoId },
    );
    const videoId = await publishedVideo(stack.gatewayUrl, bob, 'alice waves', { cameoIds: [cameoId] });
    expect(await seenBy(carol, videoId)).toEqual({ id: videoId, hidden: false });

    await gql(
      alice,
      graphql(`
        mutation ConsentRevocationRedisBlock($id: ID!) {
          block(userId: $id) {
            id
          }
        }
      `),
      { id: bob.id },
    );
    await until('the video is hidden', async () => (await seenBy(carol, videoId)) === null);
    // Its creator still sees it, marked hidden; the cameo is no longer usable by bob.
    expect(await seenBy(bob, videoId)).toEqual({ id: videoId, hidden: true });
    expect(
      (
        await gql(
          bob,
          graphql(`
            query ConsentRevocationRedisCameoConsent($id: ID!) {
              cameoConsent(cameoId: $id) {
                allowed
              }
            }
          `),
          { id: cameoId },
        )
      ).cameoConsent,
    ).toEqual({
      allowed: false,
    });
  });
});
