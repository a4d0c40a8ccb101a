import { createDb, type UsersDb } from '@cameo/users/db';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import { codes, requestAs } from '@cameo/test-helpers/graphql';
import { startStack, type TestStack } from '@cameo/test-helpers/stack';
import { signUp, verifiedCameo, type TestUser } from '@cameo/test-helpers/users';

const CAMEO_BAD_INPUT_SET_CAMEO_POLICY = graphql(`
  mutation CameoBadInputSetCameoPolicy($id: ID!) {
    setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {
      id
    }
  }
`);

let database: TestDatabase;
let stack: TestStack;
let db: UsersDb;
let alice: TestUser, bob: TestUser;
let aliceCameo: string;

beforeAll(async () => {
  database = await createTestDatabase('e2e_cameo_input');
  stack = await startStack(database.url);
  db = createDb(database.url, 2);
  [alice, bob] = await Promise.all([signUp(stack.gatewayUrl, 'alice'), signUp(stack.gatewayUrl, 'bob')]);
  aliceCameo = await verifiedCameo(stack.gatewayUrl, alice);
});
afterAll(async () => {
  await db?.$disconnect();
  await stack?.stop();
  await database?.drop();
});

/** Everything a refused request must leave untouched. */
const snapshot = async () => ({
  users: await db.user.findMany({ orderBy: { handle: 'asc' } }),
  cameos: await db.cameo.findMany({ orderBy: { createdAt: 'asc' } }),
  grants: await db.cameoGrant.findMany(),
  outbox: await db.outboxEvent.count(),
});

const gql = requestAs(() => stack.gatewayUrl);

/** Bad input through the gateway; a recording's own checks are in cameo-verification.e2e.ts. */
describe('bad input changes nothing and says why', () => {
  it.each([
    [
      'a bad handle',
      () =>
        gql(
          null,
          graphql(`
            mutation CameoBadInputSignUp {
              signUp(input: { handle: "no spaces", displayName: "X", password: "password123" }) {
                token
              }
            }
          `),
        ),
      'BAD_USER_INPUT',
    ],
    [
      'a duplicate handle',
      () =>
        gql(
          null,
          graphql(`
            mutation CameoBadInputSignUp2 {
              signUp(input: { handle: "ALICE", displayName: "X", password: "password123" }) {
                token
              }
            }
          `),
        ),
      'HANDLE_TAKEN',
    ],
    [
      'a child under 13',
      () =>
        gql(
          null,
          graphql(`
            mutation CameoBadInputSignUp3($d: String!) {
              signUp(input: { handle: "kiddo", displayName: "K", password: "password123", birthDate: $d }) {
                token
              }
            }
          `),
          {
            d: `${new Date().getUTCFullYear() - 10}-06-01`,
          },
        ),
      'BAD_USER_INPUT',
    ],
    [
      'a second personal cameo',
      () =>
        gql(
          alice,
          graphql(`
            mutation CameoBadInputStartCameoVerification2 {
              startCameoVerification(input: { kind: PERSON }) {
                id
              }
            }
          `),
        ),
      'PERSONAL_CAMEO_EXISTS',
    ],
    [
      'a grant to oneself',
      () =>
        gql(
          alice,
          graphql(`
            mutation CameoBadInputGrantCameoAccess($id: ID!) {
              grantCameoAccess(cameoId: $id, handle: "alice") {
                id
              }
            }
          `),
          { id: aliceCameo },
        ),
      'CANNOT_GRANT_TO_SELF',
    ],
    [
      'a grant to nobody',
      () =>
        gql(
          alice,
          graphql(`
            mutation CameoBadInputGrantCameoAccess2($id: ID!) {
              grantCameoAccess(cameoId: $id, handle: "ghost") {
                id
              }
            }
          `),
          { id: aliceCameo },
        ),
      'NOT_FOUND',
    ],
    ["a policy on someone else's cameo", () => gql(bob, CAMEO_BAD_INPUT_SET_CAMEO_POLICY, { id: aliceCameo }), 'FORBIDDEN'],
    [
      "deleting someone else's cameo",
      () =>
        gql(
          bob,
          graphql(`
            mutation CameoBadInputDeleteCameo($id: ID!) {
              deleteCameo(cameoId: $id)
            }
          `),
          { id: aliceCameo },
        ),
      'FORBIDDEN',
    ],
    ['a policy without signing in', () => gql(null, CAMEO_BAD_INPUT_SET_CAMEO_POLICY, { id: aliceCameo }), 'UNAUTHENTICATED'],
    [
      'a policy on a cameo that does not exist',
      () =>
        gql(
          alice,
          graphql(`
            mutation CameoBadInputSetCameoPolicy2 {
              setCameoPolicy(cameoId: "00000000-0000-0000-0000-000000000000", input: { policy: EVERYONE }) {
                id
              }
            }
          `),
        ),
      'NOT_FOUND',
    ],
    [
      'restrictions that are too long',
      () =>
        gql(
          alice,
          graphql(`
            mutation CameoBadInputSetCameoPolicy3($id: ID!, $t: String!) {
              setCameoPolicy(cameoId: $id, input: { policy: EVERYONE, restrictionsText: $t }) {
                id
              }
            }
          `),
          {
            id: aliceCameo,
            t: 'x'.repeat(501),
          },
        ),
      'BAD_USER_INPUT',
    ],
    [
      'a profile with an http avatar',
      () =>
        gql(
          alice,
          graphql(`
            mutation CameoBadInputUpdateProfile {
              updateProfile(input: { bio: "new bio", avatarUrl: "http://example.com/a.png" }) {
                id
              }
            }
          `),
        ),
      'BAD_USER_INPUT',
    ],
    [
      'deleting the account with a wrong password',
      () =>
        gql(
          alice,
          graphql(`
            mutation CameoBadInputDeleteAccount {
              deleteAccount(password: "not my password")
            }
          `),
        ),
      'INVALID_CREDENTIALS',
    ],
  ])('%s', async (_case, send, code) => {
    const before = await snapshot();
    const response = await send();
    expect(codes(response)).toEqual([code]);
    expect(JSON.stringify(response.errors)).not.toMatch(/stacktrace|prisma|at \//i);
    expect(await snapshot()).toEqual(before);
  });

  it('a typed transcript or a made-up reference is no way in: there is no mutation that takes them', async () => {
    const before = await snapshot();
    const started = await gql(bob, `mutation { startCameoVerification(input: { kind: OBJECT, name: "Guitar" }) { id uploadUrl } }`);
    const { id, uploadUrl } = started.data!.startCameoVerification;
    const typed = await gql(
      bob,
      `mutation ($id: ID!, $r: CameoRecordingInput!) { submitCameoRecording(cameoId: $id, recording: $r) { status } }`,
      { id, r: { videoRef: `${uploadUrl}/v.mp4`, audioRef: `${uploadUrl}/a.m4a`, durationSeconds: 5, transcript: 'anything' } },
    );
    // Both the field and its input type are gone.
    expect(new Set(codes(typed))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    expect((await db.cameo.findUniqueOrThrow({ where: { id } })).status).toBe('AWAITING_RECORDING');
    expect((await snapshot()).cameos).toHaveLength(before.cameos.length + 1);
  });
});
