import { existsSync } from 'node:fs';
import path from 'node:path';
import { createDb, type UsersDb } from '@cameo/users/db';
import { applySocialEvent } from '@cameo/users/social-projection';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import type { ConsentPolicy } from '@cameo/test-helpers/generated/graphql';
import { codes, requestAs } from '@cameo/test-helpers/graphql';
import { startStack, type TestStack } from '@cameo/test-helpers/stack';
import { signUp, verifiedCameo, type TestUser } from '@cameo/test-helpers/users';

let database: TestDatabase;
let stack: TestStack;
let db: UsersDb;
let owner: TestUser, approved: TestUser, mutual: TestUser, stranger: TestUser, blocked: TestUser, teen: TestUser;
let cameoId: string;
let eventId = 0;

const gql = requestAs(() => stack.gatewayUrl);

/** Feeds the users subgraph's social projection the events the social subgraph emits. */
const social = (topic: 'social.followed' | 'social.blocked', a: TestUser, b: TestUser) =>
  applySocialEvent(
    db,
    topic === 'social.followed'
      ? { id: `e2e-${++eventId}`, topic, payload: { followerId: a.id, followeeId: b.id } }
      : { id: `e2e-${++eventId}`, topic, payload: { blockerId: a.id, blockedId: b.id } },
  );

const setPolicy = (policy: ConsentPolicy, cameo = cameoId, as = owner) =>
  gql(
    as,
    graphql(`
      mutation CameoConsentSetCameoPolicy($id: ID!, $input: SetCameoPolicyInput!) {
        setCameoPolicy(cameoId: $id, input: $input) {
          policy
          policyVersion
        }
      }
    `),
    {
      id: cameo,
      input: { policy },
    },
  );

async function consentOf(user: TestUser, cameo = cameoId) {
  const response = await gql(
    user,
    graphql(`
      query CameoConsent($id: ID!) {
        cameoConsent(cameoId: $id) {
          allowed
          reason
        }
      }
    `),
    { id: cameo },
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.cameoConsent.reason as string;
}

beforeAll(async () => {
  database = await createTestDatabase('e2e_consent');
  stack = await startStack(database.url);
  db = createDb(database.url, 2);
  [owner, approved, mutual, stranger, blocked, teen] = await Promise.all([
    signUp(stack.gatewayUrl, 'owner'),
    signUp(stack.gatewayUrl, 'approved'),
    signUp(stack.gatewayUrl, 'mutual'),
    signUp(stack.gatewayUrl, 'stranger'),
    signUp(stack.gatewayUrl, 'blocked'),
    signUp(stack.gatewayUrl, 'teen', { birthDate: `${new Date().getUTCFullYear() - 15}-01-01` }),
  ]);
  cameoId = await verifiedCameo(stack.gatewayUrl, owner);
  const grant = await gql(
    owner,
    graphql(`
      mutation CameoConsentGrantCameoAccess($id: ID!, $h: String!) {
        grantCameoAccess(cameoId: $id, handle: $h) {
          id
        }
      }
    `),
    {
      id: cameoId,
      h: '@approved',
    },
  );
  expect(grant.errors).toBeUndefined();
  await social('social.followed', owner, mutual);
  await social('social.followed', mutual, owner);
  // The blocked user is approved and mutual too: the block must still win.
  await gql(
    owner,
    graphql(`
      mutation CameoConsentGrantCameoAccess2($id: ID!) {
        grantCameoAccess(cameoId: $id, handle: "blocked") {
          id
        }
      }
    `),
    { id: cameoId },
  );
  await social('social.followed', owner, blocked);
  await social('social.followed', blocked, owner);
  await social('social.blocked', owner, blocked);
});
afterAll(async () => {
  await db?.$disconnect();
  await stack?.stop();
  await database?.drop();
});

describe('consent through the gateway, for each policy and relationship', () => {
  it.each([
    // A refusal's reason is the owner's business: everyone else hears NOT_ALLOWED, whatever the policy.
    [
      'ONLY_ME',
      {
        owner: 'OWNER',
        approved: 'NOT_ALLOWED',
        mutual: 'NOT_ALLOWED',
        stranger: 'NOT_ALLOWED',
        blocked: 'NOT_ALLOWED',
        teen: 'NOT_ALLOWED',
      },
    ],
    [
      'APPROVED',
      { owner: 'OWNER', approved: 'APPROVED', mutual: 'NOT_ALLOWED', stranger: 'NOT_ALLOWED', blocked: 'NOT_ALLOWED', teen: 'NOT_ALLOWED' },
    ],
    [
      'MUTUALS',
      { owner: 'OWNER', approved: 'NOT_ALLOWED', mutual: 'MUTUALS', stranger: 'NOT_ALLOWED', blocked: 'NOT_ALLOWED', teen: 'NOT_ALLOWED' },
    ],
    [
      'EVERYONE',
      { owner: 'OWNER', approved: 'EVERYONE', mutual: 'EVERYONE', stranger: 'EVERYONE', blocked: 'NOT_ALLOWED', teen: 'EVERYONE' },
    ],
  ])('%s', async (policy, expected) => {
    expect((await setPolicy(policy as ConsentPolicy)).errors).toBeUndefined();
    const users = { owner, approved, mutual, stranger, blocked, teen };
    const actual = Object.fromEntries(
      await Promise.all(Object.entries(users).map(async ([name, user]) => [name, await consentOf(user)] as const)),
    );
    expect(actual).toEqual(expected);
  });

  it('revocation takes effect for the next check: removed grant, narrowed policy', async () => {
    await setPolicy('APPROVED');
    expect(await consentOf(approved)).toBe('APPROVED');
    const revoke = await gql(
      owner,
      graphql(`
        mutation CameoConsentRevokeCameoAccess($id: ID!, $u: ID!) {
          revokeCameoAccess(cameoId: $id, userId: $u) {
            policyVersion
          }
        }
      `),
      {
        id: cameoId,
        u: approved.id,
      },
    );
    expect(revoke.errors).toBeUndefined();
    expect(await consentOf(approved)).toBe('NOT_ALLOWED');

    await setPolicy('EVERYONE');
    expect(await consentOf(stranger)).toBe('EVERYONE');
    await setPolicy('ONLY_ME');
    expect(await consentOf(stranger)).toBe('NOT_ALLOWED');
  });

  it("keeps a teen's cameo from being open to everyone", async () => {
    const teenCameo = await verifiedCameo(stack.gatewayUrl, teen);
    const response = await setPolicy('EVERYONE', teenCameo, teen);
    expect(codes(response)).toEqual(['TEEN_POLICY_NOT_ALLOWED']);
    const row = await db.cameo.findUniqueOrThrow({ where: { id: teenCameo } });
    expect(row).toMatchObject({ policy: 'ONLY_ME', policyVersion: 1 });
    expect(await consentOf(stranger, teenCameo)).toBe('NOT_ALLOWED');
  });

  it('refuses a deleted cameo and purges its recording', async () => {
    const pet = await verifiedCameo(stack.gatewayUrl, owner, 'PET', 'Biscuit');
    await setPolicy('EVERYONE', pet);
    expect(await consentOf(stranger, pet)).toBe('EVERYONE');
    const { recordingKey } = await db.cameo.findUniqueOrThrow({ where: { id: pet } });
    expect(existsSync(path.join(stack.recordingsDir, recordingKey!))).toBe(true);
    expect(existsSync(path.join(stack.recordingsDir, `${recordingKey!}.json`))).toBe(true);
    const deleted = await gql(
      owner,
      graphql(`
        mutation CameoConsentDeleteCameo($id: ID!) {
          deleteCameo(cameoId: $id)
        }
      `),
      { id: pet },
    );
    expect(deleted.data).toEqual({ deleteCameo: pet });
    expect(await db.cameo.findUnique({ where: { id: pet } })).toBeNull();
    // The file and what tus kept beside it (its metadata, the client's file name among it).
    expect(existsSync(path.join(stack.recordingsDir, recordingKey!))).toBe(false);
    expect(existsSync(path.join(stack.recordingsDir, `${recordingKey!}.json`))).toBe(false);
    // Whether a cameo exists is not a stranger's to learn either.
    expect(await consentOf(stranger, pet)).toBe('NOT_ALLOWED');
  });

  it("a stranger's refusal carries no restrictions; the owner still hears the precise reason", async () => {
    await setPolicy('APPROVED');
    const ask = (user: TestUser, cameo: string) =>
      gql(
        user,
        graphql(`
          query CameoConsent2($id: ID!) {
            cameoConsent(cameoId: $id) {
              allowed
              reason
              restrictions {
                text
              }
            }
          }
        `),
        { id: cameo },
      );
    const strangers = await ask(stranger, cameoId);
    expect(strangers.data).toEqual({ cameoConsent: { allowed: false, reason: 'NOT_ALLOWED', restrictions: null } });
    // The owner's own unverified cameo: refused, and told why.
    const pending = await gql(
      owner,
      graphql(`
        mutation CameoConsentStartCameoVerification {
          startCameoVerification(input: { kind: PET, name: "Pending" }) {
            id
          }
        }
      `),
    );
    const pendingId = pending.data?.startCameoVerification?.id as string | undefined;
    expect(pending.errors).toBeUndefined();
    expect((await ask(owner, pendingId!)).data).toEqual({
      cameoConsent: { allowed: false, reason: 'CAMEO_NOT_VERIFIED', restrictions: null },
    });
    expect((await ask(stranger, pendingId!)).data).toEqual({ cameoConsent: { allowed: false, reason: 'NOT_ALLOWED', restrictions: null } });
  });
});

describe("who can read a cameo's private parts", () => {
  const READ = graphql(`
    query CameoConsentCameo($id: ID!) {
      cameo(id: $id) {
        name
        owner {
          handle
        }
        verificationPhrase
        uploadUrl
        recording {
          sizeBytes
        }
        policy
        approvedUsers {
          handle
        }
        restrictions {
          text
          tags
        }
      }
    }
  `);

  beforeAll(async () => {
    const response = await gql(
      owner,
      graphql(`
        mutation CameoConsentSetCameoPolicy2($id: ID!) {
          setCameoPolicy(
            cameoId: $id
            input: { policy: APPROVED, restrictionsText: "No sports brands", restrictionTags: [NO_POLITICAL_CONTENT] }
          ) {
            id
          }
        }
      `),
      { id: cameoId },
    );
    expect(response.errors).toBeUndefined();
    await gql(
      owner,
      graphql(`
        mutation CameoConsentGrantCameoAccess3($id: ID!) {
          grantCameoAccess(cameoId: $id, handle: "approved") {
            id
          }
        }
      `),
      { id: cameoId },
    );
  });

  it('the owner reads everything', async () => {
    const { data } = await gql(owner, READ, { id: cameoId });
    expect(data!.cameo).toMatchObject({
      owner: { handle: 'owner' },
      recording: { sizeBytes: expect.any(Number) },
      policy: 'APPROVED',
      restrictions: { text: 'No sports brands', tags: ['NO_POLITICAL_CONTENT'] },
    });
    expect(data!.cameo!.verificationPhrase!).toEqual(expect.any(String));
    expect(data!.cameo!.approvedUsers!.map((user: { handle: string }) => user.handle).sort()).toEqual(['approved', 'blocked']);
  });

  it('an approved user reads the restrictions, never the recording, phrase, policy or grants', async () => {
    const { data } = await gql(approved, READ, { id: cameoId });
    expect(data!.cameo).toEqual({
      name: 'owner',
      owner: { handle: 'owner' },
      verificationPhrase: null,
      uploadUrl: null,
      recording: null,
      policy: null,
      approvedUsers: null,
      restrictions: { text: 'No sports brands', tags: ['NO_POLITICAL_CONTENT'] },
    });
  });

  it('a stranger, a blocked user and an anonymous caller do not see the cameo at all', async () => {
    for (const user of [stranger, blocked, null]) {
      const { data, errors } = await gql(user, READ, { id: cameoId });
      expect(errors).toBeUndefined();
      expect(data).toEqual({ cameo: null });
    }
  });
});
