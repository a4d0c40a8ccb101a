import { readFileSync } from 'node:fs';
import { uploadRecording } from '@cameo/sdk/upload';
import { graphql } from './generated';
import type { CameoKind } from './generated/graphql';
import { ok, request, until } from './graphql';
import { makeRecording } from './recordings';

export interface TestUser {
  id: string;
  handle: string;
  token: string;
}

/** Signs a user up through the gateway. */
export async function signUp(gatewayUrl: string, handle: string, extra: { birthDate?: string } = {}): Promise<TestUser> {
  const response = await request(
    gatewayUrl,
    graphql(`
      mutation TestSignUp($input: SignUpInput!) {
        signUp(input: $input) {
          token
          user {
            id
          }
        }
      }
    `),
    { variables: { input: { handle, displayName: handle, password: 'password123', ...extra } } },
  );
  if (response.errors) throw new Error(`signUp ${handle}: ${JSON.stringify(response.errors)}`);
  return { id: response.data!.signUp.user.id, handle, token: response.data!.signUp.token };
}

/**
 * Starts a cameo, uploads a real recording of its phrase (espeak-ng and ffmpeg, see
 * recordings.ts) to its signed upload URL by tus, as the SDK does, and waits until it is
 * verified, returning its id. Works with every verifier: the test stack's default dev one, and
 * the real one `npm start` runs.
 */
export async function verifiedCameo(gatewayUrl: string, owner: TestUser, kind: CameoKind = 'PERSON', name?: string): Promise<string> {
  const started = await request(
    gatewayUrl,
    graphql(`
      mutation TestStartCameoVerification($input: StartCameoVerificationInput!) {
        startCameoVerification(input: $input) {
          id
          uploadUrl
          verificationPhrase
        }
      }
    `),
    { token: owner.token, variables: { input: { kind, name } } },
  );
  if (started.errors) throw new Error(`startCameoVerification: ${JSON.stringify(started.errors)}`);
  const { id, uploadUrl, verificationPhrase } = started.data!.startCameoVerification;
  // Both are owner-only and nullable; a cameo just started by its owner has both.
  if (!uploadUrl || !verificationPhrase) throw new Error('startCameoVerification gave no upload URL or phrase');
  await uploadRecording({
    url: new URL(uploadUrl, gatewayUrl).href,
    file: readFileSync(makeRecording({ phrase: verificationPhrase })),
    contentType: 'video/mp4',
  });
  const status = () =>
    ok(
      request(
        gatewayUrl,
        graphql(`
          query TestCameoVerificationStatus($id: ID!) {
            cameo(id: $id) {
              status
              rejectionReason
            }
          }
        `),
        { token: owner.token, variables: { id } },
      ),
    );
  await until('cameo verified', async () => {
    const { cameo } = await status();
    if (cameo?.status === 'REJECTED') throw new Error(`cameo rejected: ${cameo.rejectionReason}`);
    return cameo?.status === 'VERIFIED';
  });
  return id;
}

/** Lets the people named by handle use the owner's cameo: policy APPROVED and a grant each. */
export async function approveCameoFor(gatewayUrl: string, owner: TestUser, cameoId: string, ...handles: string[]): Promise<void> {
  const token = owner.token;
  await ok(
    request(
      gatewayUrl,
      graphql(`
        mutation TestApproveCameo($id: ID!) {
          setCameoPolicy(cameoId: $id, input: { policy: APPROVED }) {
            id
          }
        }
      `),
      { token, variables: { id: cameoId } },
    ),
  );
  for (const handle of handles) {
    await ok(
      request(
        gatewayUrl,
        graphql(`
          mutation TestGrantCameo($id: ID!, $handle: String!) {
            grantCameoAccess(cameoId: $id, handle: $handle) {
              id
            }
          }
        `),
        { token, variables: { id: cameoId, handle } },
      ),
    );
  }
}

/** A generation by `user`, rendered but not published (waits for the render), returning its id. */
export async function renderedVideo(
  gatewayUrl: string,
  user: TestUser,
  prompt: string,
  options: { cameoIds?: string[]; remixOf?: string } = {},
): Promise<string> {
  const token = user.token;
  const { createGeneration } = await ok(
    request(
      gatewayUrl,
      graphql(`
        mutation TestCreateGeneration($input: CreateGenerationInput!) {
          createGeneration(input: $input) {
            id
          }
        }
      `),
      {
        token,
        variables: { input: { prompt, seconds: 1, cameoIds: options.cameoIds ?? [], remixOf: options.remixOf } },
      },
    ),
  );
  const id = createGeneration.id;
  const status = graphql(`
    query TestGenerationStatus($id: ID!) {
      generation(id: $id) {
        status
      }
    }
  `);
  await until(
    'rendered',
    async () => (await ok(request(gatewayUrl, status, { token, variables: { id } }))).generation?.status === 'COMPLETED',
  );
  return id;
}

/** Publishes a rendered generation of `user`'s with a caption. */
export async function publish(gatewayUrl: string, user: TestUser, id: string, caption = 'look'): Promise<void> {
  await ok(
    request(
      gatewayUrl,
      graphql(`
        mutation TestPublishGeneration($id: ID!, $caption: String!) {
          publishGeneration(id: $id, caption: $caption) {
            id
          }
        }
      `),
      { token: user.token, variables: { id, caption } },
    ),
  );
}

/** A generation by `user`, rendered and published (waits for the render), returning its id. */
export async function publishedVideo(
  gatewayUrl: string,
  user: TestUser,
  prompt: string,
  options: { caption?: string; cameoIds?: string[]; remixOf?: string } = {},
): Promise<string> {
  const id = await renderedVideo(gatewayUrl, user, prompt, options);
  await publish(gatewayUrl, user, id, options.caption);
  return id;
}
