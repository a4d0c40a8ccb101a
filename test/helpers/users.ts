import { graphql } from './generated';
import type { CameoKind } from './generated/graphql';
import { ok, request, until } from './graphql';

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

/** Records and verifies a cameo for the user, the way the app does, returning its id. */
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
  const submitted = await request(
    gatewayUrl,
    graphql(`
      mutation TestSubmitCameoRecording($id: ID!, $recording: CameoRecordingInput!) {
        submitCameoRecording(cameoId: $id, recording: $recording) {
          status
          rejectionReason
        }
      }
    `),
    {
      token: owner.token,
      variables: {
        id,
        recording: {
          videoRef: `${uploadUrl}/video.mp4`,
          audioRef: `${uploadUrl}/audio.m4a`,
          durationSeconds: 6,
          transcript: `Hi, this is me. ${verificationPhrase}.`,
        },
      },
    },
  );
  if (submitted.data?.submitCameoRecording.status !== 'VERIFIED') {
    throw new Error(`submitCameoRecording: ${JSON.stringify(submitted)}`);
  }
  return id;
}

/** A generation by `user`, rendered and published (waits for the render), returning its id. */
export async function publishedVideo(
  gatewayUrl: string,
  user: TestUser,
  prompt: string,
  options: { caption?: string; cameoIds?: string[]; remixOf?: string } = {},
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
      {
        token,
        variables: { id, caption: options.caption ?? 'look' },
      },
    ),
  );
  return id;
}
