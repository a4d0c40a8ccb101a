/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Aspect =
  | 'LANDSCAPE'
  | 'PORTRAIT'
  | 'SQUARE';

/** PERSON: your own likeness (one per account). PET and OBJECT: as many as you like. */
export type CameoKind =
  | 'OBJECT'
  | 'PERSON'
  | 'PET';

export type CameoRestrictionTag =
  | 'NO_ADVERTISING'
  | 'NO_IMPERSONATION'
  | 'NO_POLITICAL_CONTENT'
  | 'NO_SEXUAL_CONTENT'
  | 'NO_VIOLENCE';

export type CameoStatus =
  | 'AWAITING_RECORDING'
  | 'PENDING_REVIEW'
  | 'REJECTED'
  | 'VERIFIED';

/** A verification check’s outcome. NOT_CHECKED: the check did not run (none configured, or an earlier check failed). */
export type CheckResult =
  | 'FAILED'
  | 'NOT_CHECKED'
  | 'PASSED';

/** Who may use a cameo besides its owner. A block always wins; a teen’s cameo is never EVERYONE. */
export type ConsentPolicy =
  | 'APPROVED'
  | 'EVERYONE'
  | 'MUTUALS'
  | 'ONLY_ME';

export type CreateCommentInput = {
  /** 1-500 characters. */
  body: string;
  generationId: string | number;
  /** Reply to this comment (a reply to a reply joins its thread). */
  parentId?: string | number | null | undefined;
};

export type CreateGenerationInput = {
  /** Default: PORTRAIT. */
  aspect?: Aspect | null | undefined;
  /** Cameos to cast (at most 2 by default); each owner’s consent is checked. */
  cameoIds?: Array<string | number> | null | undefined;
  /** Retrying with the same key returns the same generation instead of a second job. Default: a new key. */
  idempotencyKey?: string | null | undefined;
  /** 1-2000 characters. */
  prompt: string;
  /** A completed generation you may see, to remix. */
  remixOf?: string | number | null | undefined;
  /** 1-20. Default: 10. */
  seconds?: number | null | undefined;
};

export type FeedKind =
  /** Everything from people you follow, newest first. */
  | 'FOLLOWING'
  /** Ranked for you: people you follow and engage with, trending, remixes, cameos of people you follow. */
  | 'FOR_YOU';

/** QUEUED -> IN_PROGRESS -> COMPLETED | FAILED | CANCELLED | BLOCKED (a cameo’s consent was withdrawn). */
export type GenerationStatus =
  | 'BLOCKED'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'FAILED'
  | 'IN_PROGRESS'
  | 'QUEUED';

export type SetCameoPolicyInput = {
  policy: ConsentPolicy;
  /** Replaces the set. Omit to keep. */
  restrictionTags?: Array<CameoRestrictionTag> | null | undefined;
  /** At most 500 characters. Omit to keep. */
  restrictionsText?: string | null | undefined;
};

export type SignUpInput = {
  /** YYYY-MM-DD; at least 13. Only the age band (TEEN under 18, ADULT) is kept. Default: ADULT. */
  birthDate?: string | null | undefined;
  displayName: string;
  /** 3-30 letters, digits, underscores or inner dots. */
  handle: string;
  /** 8-200 characters. */
  password: string;
};

export type StartCameoVerificationInput = {
  kind: CameoKind;
  /** Shown to others. Default for PERSON: your display name. */
  name?: string | null | undefined;
};

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { token: string, user: { id: string, handle: string, displayName: string } } };

export type SignInMutationVariables = Exact<{
  handle: string;
  password: string;
}>;


export type SignInMutation = { signIn: { token: string, user: { id: string, handle: string, displayName: string } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, handle: string, displayName: string } | null };

export type StartCameoVerificationMutationVariables = Exact<{
  input: StartCameoVerificationInput;
}>;


export type StartCameoVerificationMutation = { startCameoVerification: { id: string, uploadUrl: string | null, verificationPhrase: string | null } };

export type CameoVerificationQueryVariables = Exact<{
  id: string | number;
}>;


export type CameoVerificationQuery = { cameo: { id: string, name: string, status: CameoStatus, uploadUrl: string | null, verificationPhrase: string | null, rejectionCode: string | null, rejectionReason: string | null, mediaCheck: CheckResult, speechCheck: CheckResult, livenessCheck: CheckResult, likenessCheck: CheckResult, recording: { sizeBytes: number, durationMs: number | null, transcript: string | null } | null } | null };

export type SetCameoPolicyMutationVariables = Exact<{
  cameoId: string | number;
  input: SetCameoPolicyInput;
}>;


export type SetCameoPolicyMutation = { setCameoPolicy: { id: string, policy: ConsentPolicy | null, policyVersion: number | null } };

export type GrantCameoAccessMutationVariables = Exact<{
  cameoId: string | number;
  handle: string;
}>;


export type GrantCameoAccessMutation = { grantCameoAccess: { id: string } };

export type MyCameosQueryVariables = Exact<{ [key: string]: never; }>;


export type MyCameosQuery = { myCameos: Array<{ id: string, name: string, kind: CameoKind, status: CameoStatus, policy: ConsentPolicy | null }> };

export type CameoOfUserQueryVariables = Exact<{
  handle: string;
}>;


export type CameoOfUserQuery = { userByHandle: { id: string, handle: string, cameo: { id: string, name: string } | null } | null };

export type DeleteCameoMutationVariables = Exact<{
  cameoId: string | number;
}>;


export type DeleteCameoMutation = { deleteCameo: string };

export type FeedQueryVariables = Exact<{
  kind: FeedKind;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type FeedQuery = { feed: { edges: Array<{ cursor: string, node: { id: string, caption: string, publishedAt: string, creator: { handle: string, displayName: string }, cameos: Array<{ owner: { handle: string } }>, video: { videoUrl: string | null, likeCount: number, commentCount: number, viewerHasLiked: boolean } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateGenerationMutationVariables = Exact<{
  input: CreateGenerationInput;
}>;


export type CreateGenerationMutation = { createGeneration: { id: string, status: GenerationStatus, progress: number } };

export type PublishGenerationMutationVariables = Exact<{
  id: string | number;
  caption: string;
}>;


export type PublishGenerationMutation = { publishGeneration: { id: string, publishedAt: string | null } };

export type GenerationQueryVariables = Exact<{
  id: string | number;
}>;


export type GenerationQuery = { generation: { id: string, prompt: string, status: GenerationStatus, progress: number, stage: string, videoUrl: string | null, errorReason: string | null } | null };

export type GenerationProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type GenerationProgressSubscription = { generationProgress: { status: GenerationStatus, progress: number, stage: string, errorReason: string | null, generation: { id: string, videoUrl: string | null } | null } };

export type FollowMutationVariables = Exact<{
  userId: string | number;
}>;


export type FollowMutation = { follow: { id: string, isFollowedByViewer: boolean, isMutual: boolean } };

export type LikeGenerationMutationVariables = Exact<{
  id: string | number;
}>;


export type LikeGenerationMutation = { likeGeneration: { id: string, likeCount: number, viewerHasLiked: boolean } };

export type CreateCommentMutationVariables = Exact<{
  input: CreateCommentInput;
}>;


export type CreateCommentMutation = { createComment: { id: string, body: string, createdAt: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    token
    user {
      id
      handle
      displayName
    }
  }
}
    `, {"hash":"0305726ba596177b6b48e319c03150bed0130d8057cc33d73ab56f93be2d1e29"}) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($handle: String!, $password: String!) {
  signIn(handle: $handle, password: $password) {
    token
    user {
      id
      handle
      displayName
    }
  }
}
    `, {"hash":"81b28f989e33d9f6d29decd49ce5108aa9a30c9d09aabe28ebca780b3f6bf562"}) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    handle
    displayName
  }
}
    `, {"hash":"25dcd87785e2d26a88a9f714cb8c35ecb874ce66d2931b41ea77620531d77d63"}) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const StartCameoVerificationDocument = new TypedDocumentString(`
    mutation StartCameoVerification($input: StartCameoVerificationInput!) {
  startCameoVerification(input: $input) {
    id
    uploadUrl
    verificationPhrase
  }
}
    `, {"hash":"e805291ec537310f76d9870a43d17c8d8ea9aeddb06bcc069fc50d488dabd7e7"}) as unknown as TypedDocumentString<StartCameoVerificationMutation, StartCameoVerificationMutationVariables>;
export const CameoVerificationDocument = new TypedDocumentString(`
    """
A cameo's verification as its owner sees it: poll after uploading until VERIFIED or REJECTED.
"""
query CameoVerification($id: ID!) {
  cameo(id: $id) {
    id
    name
    status
    uploadUrl
    verificationPhrase
    rejectionCode
    rejectionReason
    mediaCheck
    speechCheck
    livenessCheck
    likenessCheck
    recording {
      sizeBytes
      durationMs
      transcript
    }
  }
}
    `, {"hash":"419ec04dcfa08825afa2c22fa6d81bf1b5f33b065cf39a6f3dd51028446bcb27"}) as unknown as TypedDocumentString<CameoVerificationQuery, CameoVerificationQueryVariables>;
export const SetCameoPolicyDocument = new TypedDocumentString(`
    mutation SetCameoPolicy($cameoId: ID!, $input: SetCameoPolicyInput!) {
  setCameoPolicy(cameoId: $cameoId, input: $input) {
    id
    policy
    policyVersion
  }
}
    `, {"hash":"7624866838c9204dd16799a67f5ba27aafa2b751d36923c55e7369ccffd674dc"}) as unknown as TypedDocumentString<SetCameoPolicyMutation, SetCameoPolicyMutationVariables>;
export const GrantCameoAccessDocument = new TypedDocumentString(`
    mutation GrantCameoAccess($cameoId: ID!, $handle: String!) {
  grantCameoAccess(cameoId: $cameoId, handle: $handle) {
    id
  }
}
    `, {"hash":"67e0ece21c007c8dfdb5e57d4c0b6294e61c0241e1ee3b811da0a727f726350b"}) as unknown as TypedDocumentString<GrantCameoAccessMutation, GrantCameoAccessMutationVariables>;
export const MyCameosDocument = new TypedDocumentString(`
    query MyCameos {
  myCameos {
    id
    name
    kind
    status
    policy
  }
}
    `, {"hash":"bfee2b0b5ebcc98a430633a26728a7adf1d4bf03546ee7be152d45a377d76d6f"}) as unknown as TypedDocumentString<MyCameosQuery, MyCameosQueryVariables>;
export const CameoOfUserDocument = new TypedDocumentString(`
    """A person's own cameo by @handle, when you may use it."""
query CameoOfUser($handle: String!) {
  userByHandle(handle: $handle) {
    id
    handle
    cameo {
      id
      name
    }
  }
}
    `, {"hash":"18a1231f849b2922bee94f9bd670d8f71ab6d9d82b7b3ad4bc3249ace05348e1"}) as unknown as TypedDocumentString<CameoOfUserQuery, CameoOfUserQueryVariables>;
export const DeleteCameoDocument = new TypedDocumentString(`
    """
Deletes one of your cameos and purges its likeness data (every later use is refused): how a
personal cameo whose phrase was never heard is recorded again with a new phrase.
"""
mutation DeleteCameo($cameoId: ID!) {
  deleteCameo(cameoId: $cameoId)
}
    `, {"hash":"5f79421f7e03995030e24ba31f5f3ac3558930e549406c9ad51f0840b81c6d06"}) as unknown as TypedDocumentString<DeleteCameoMutation, DeleteCameoMutationVariables>;
export const FeedDocument = new TypedDocumentString(`
    query Feed($kind: FeedKind!, $first: Int, $after: String) {
  feed(kind: $kind, first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        caption
        publishedAt
        creator {
          handle
          displayName
        }
        cameos {
          owner {
            handle
          }
        }
        video {
          videoUrl
          likeCount
          commentCount
          viewerHasLiked
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"7b3055523beaebe9ea366df3a1abc83077ad8a96f42a57e5b183df7f742c1857"}) as unknown as TypedDocumentString<FeedQuery, FeedQueryVariables>;
export const CreateGenerationDocument = new TypedDocumentString(`
    mutation CreateGeneration($input: CreateGenerationInput!) {
  createGeneration(input: $input) {
    id
    status
    progress
  }
}
    `, {"hash":"8a1af393f3eb6deab1ad84914eec46640c35e3114941d91083828cffef7c1bf8"}) as unknown as TypedDocumentString<CreateGenerationMutation, CreateGenerationMutationVariables>;
export const PublishGenerationDocument = new TypedDocumentString(`
    mutation PublishGeneration($id: ID!, $caption: String!) {
  publishGeneration(id: $id, caption: $caption) {
    id
    publishedAt
  }
}
    `, {"hash":"e9a73805f0abfaa682fa1b112950a50f961ebe28dbd36de203c63df5402d67d8"}) as unknown as TypedDocumentString<PublishGenerationMutation, PublishGenerationMutationVariables>;
export const GenerationDocument = new TypedDocumentString(`
    query Generation($id: ID!) {
  generation(id: $id) {
    id
    prompt
    status
    progress
    stage
    videoUrl
    errorReason
  }
}
    `, {"hash":"ac8cec3fd8e01de66d777c32fad09fb53200d125dacb3f5f7e0330bcf031daf9"}) as unknown as TypedDocumentString<GenerationQuery, GenerationQueryVariables>;
export const GenerationProgressDocument = new TypedDocumentString(`
    subscription GenerationProgress($id: ID!) {
  generationProgress(id: $id) {
    status
    progress
    stage
    errorReason
    generation {
      id
      videoUrl
    }
  }
}
    `, {"hash":"d05f8abf4586d736d37a7ef3aae6507de10c49b832d2aa4dffd30f9a27787f55"}) as unknown as TypedDocumentString<GenerationProgressSubscription, GenerationProgressSubscriptionVariables>;
export const FollowDocument = new TypedDocumentString(`
    mutation Follow($userId: ID!) {
  follow(userId: $userId) {
    id
    isFollowedByViewer
    isMutual
  }
}
    `, {"hash":"320a12ff1c7dd3ecf24f44d2b6744f5cde3faf33a53ba3a0cafd6b5978deef2d"}) as unknown as TypedDocumentString<FollowMutation, FollowMutationVariables>;
export const LikeGenerationDocument = new TypedDocumentString(`
    mutation LikeGeneration($id: ID!) {
  likeGeneration(id: $id) {
    id
    likeCount
    viewerHasLiked
  }
}
    `, {"hash":"ff6814f64c543b5238754edc64545612eba845afb3aa4f3ddf9f541d0aea9100"}) as unknown as TypedDocumentString<LikeGenerationMutation, LikeGenerationMutationVariables>;
export const CreateCommentDocument = new TypedDocumentString(`
    mutation CreateComment($input: CreateCommentInput!) {
  createComment(input: $input) {
    id
    body
    createdAt
  }
}
    `, {"hash":"e535a42b7553847afc9d380b2ada65339db7071dd563ddcc12e24d3ac8cb177e"}) as unknown as TypedDocumentString<CreateCommentMutation, CreateCommentMutationVariables>;