/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    token\n    user {\n      id\n      handle\n      displayName\n    }\n  }\n}\n\nmutation SignIn($handle: String!, $password: String!) {\n  signIn(handle: $handle, password: $password) {\n    token\n    user {\n      id\n      handle\n      displayName\n    }\n  }\n}\n\nquery Me {\n  me {\n    id\n    handle\n    displayName\n  }\n}": typeof types.SignUpDocument,
    "mutation StartCameoVerification($input: StartCameoVerificationInput!) {\n  startCameoVerification(input: $input) {\n    id\n    uploadUrl\n    verificationPhrase\n  }\n}\n\nmutation SubmitCameoRecording($cameoId: ID!, $recording: CameoRecordingInput!) {\n  submitCameoRecording(cameoId: $cameoId, recording: $recording) {\n    id\n    status\n    rejectionReason\n  }\n}\n\nmutation SetCameoPolicy($cameoId: ID!, $input: SetCameoPolicyInput!) {\n  setCameoPolicy(cameoId: $cameoId, input: $input) {\n    id\n    policy\n    policyVersion\n  }\n}\n\nmutation GrantCameoAccess($cameoId: ID!, $handle: String!) {\n  grantCameoAccess(cameoId: $cameoId, handle: $handle) {\n    id\n  }\n}\n\nquery MyCameos {\n  myCameos {\n    id\n    name\n    kind\n    status\n    policy\n  }\n}\n\n\"\"\"\n  A person's own cameo by @handle, when you may use it.\n\"\"\"\nquery CameoOfUser($handle: String!) {\n  userByHandle(handle: $handle) {\n    id\n    handle\n    cameo {\n      id\n      name\n    }\n  }\n}": typeof types.StartCameoVerificationDocument,
    "query Feed($kind: FeedKind!, $first: Int, $after: String) {\n  feed(kind: $kind, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        caption\n        publishedAt\n        creator {\n          handle\n          displayName\n        }\n        cameos {\n          owner {\n            handle\n          }\n        }\n        video {\n          videoUrl\n          likeCount\n          commentCount\n          viewerHasLiked\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.FeedDocument,
    "mutation CreateGeneration($input: CreateGenerationInput!) {\n  createGeneration(input: $input) {\n    id\n    status\n    progress\n  }\n}\n\nmutation PublishGeneration($id: ID!, $caption: String!) {\n  publishGeneration(id: $id, caption: $caption) {\n    id\n    publishedAt\n  }\n}\n\nquery Generation($id: ID!) {\n  generation(id: $id) {\n    id\n    prompt\n    status\n    progress\n    stage\n    videoUrl\n    errorReason\n  }\n}\n\nsubscription GenerationProgress($id: ID!) {\n  generationProgress(id: $id) {\n    status\n    progress\n    stage\n    errorReason\n    generation {\n      id\n      videoUrl\n    }\n  }\n}": typeof types.CreateGenerationDocument,
    "mutation Follow($userId: ID!) {\n  follow(userId: $userId) {\n    id\n    isFollowedByViewer\n    isMutual\n  }\n}\n\nmutation LikeGeneration($id: ID!) {\n  likeGeneration(id: $id) {\n    id\n    likeCount\n    viewerHasLiked\n  }\n}\n\nmutation CreateComment($input: CreateCommentInput!) {\n  createComment(input: $input) {\n    id\n    body\n    createdAt\n  }\n}": typeof types.FollowDocument,
};
const documents: Documents = {
    "mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    token\n    user {\n      id\n      handle\n      displayName\n    }\n  }\n}\n\nmutation SignIn($handle: String!, $password: String!) {\n  signIn(handle: $handle, password: $password) {\n    token\n    user {\n      id\n      handle\n      displayName\n    }\n  }\n}\n\nquery Me {\n  me {\n    id\n    handle\n    displayName\n  }\n}": types.SignUpDocument,
    "mutation StartCameoVerification($input: StartCameoVerificationInput!) {\n  startCameoVerification(input: $input) {\n    id\n    uploadUrl\n    verificationPhrase\n  }\n}\n\nmutation SubmitCameoRecording($cameoId: ID!, $recording: CameoRecordingInput!) {\n  submitCameoRecording(cameoId: $cameoId, recording: $recording) {\n    id\n    status\n    rejectionReason\n  }\n}\n\nmutation SetCameoPolicy($cameoId: ID!, $input: SetCameoPolicyInput!) {\n  setCameoPolicy(cameoId: $cameoId, input: $input) {\n    id\n    policy\n    policyVersion\n  }\n}\n\nmutation GrantCameoAccess($cameoId: ID!, $handle: String!) {\n  grantCameoAccess(cameoId: $cameoId, handle: $handle) {\n    id\n  }\n}\n\nquery MyCameos {\n  myCameos {\n    id\n    name\n    kind\n    status\n    policy\n  }\n}\n\n\"\"\"\n  A person's own cameo by @handle, when you may use it.\n\"\"\"\nquery CameoOfUser($handle: String!) {\n  userByHandle(handle: $handle) {\n    id\n    handle\n    cameo {\n      id\n      name\n    }\n  }\n}": types.StartCameoVerificationDocument,
    "query Feed($kind: FeedKind!, $first: Int, $after: String) {\n  feed(kind: $kind, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        caption\n        publishedAt\n        creator {\n          handle\n          displayName\n        }\n        cameos {\n          owner {\n            handle\n          }\n        }\n        video {\n          videoUrl\n          likeCount\n          commentCount\n          viewerHasLiked\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.FeedDocument,
    "mutation CreateGeneration($input: CreateGenerationInput!) {\n  createGeneration(input: $input) {\n    id\n    status\n    progress\n  }\n}\n\nmutation PublishGeneration($id: ID!, $caption: String!) {\n  publishGeneration(id: $id, caption: $caption) {\n    id\n    publishedAt\n  }\n}\n\nquery Generation($id: ID!) {\n  generation(id: $id) {\n    id\n    prompt\n    status\n    progress\n    stage\n    videoUrl\n    errorReason\n  }\n}\n\nsubscription GenerationProgress($id: ID!) {\n  generationProgress(id: $id) {\n    status\n    progress\n    stage\n    errorReason\n    generation {\n      id\n      videoUrl\n    }\n  }\n}": types.CreateGenerationDocument,
    "mutation Follow($userId: ID!) {\n  follow(userId: $userId) {\n    id\n    isFollowedByViewer\n    isMutual\n  }\n}\n\nmutation LikeGeneration($id: ID!) {\n  likeGeneration(id: $id) {\n    id\n    likeCount\n    viewerHasLiked\n  }\n}\n\nmutation CreateComment($input: CreateCommentInput!) {\n  createComment(input: $input) {\n    id\n    body\n    createdAt\n  }\n}": types.FollowDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    token\n    user {\n      id\n      handle\n      displayName\n    }\n  }\n}\n\nmutation SignIn($handle: String!, $password: String!) {\n  signIn(handle: $handle, password: $password) {\n    token\n    user {\n      id\n      handle\n      displayName\n    }\n  }\n}\n\nquery Me {\n  me {\n    id\n    handle\n    displayName\n  }\n}"): typeof import('./graphql').SignUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartCameoVerification($input: StartCameoVerificationInput!) {\n  startCameoVerification(input: $input) {\n    id\n    uploadUrl\n    verificationPhrase\n  }\n}\n\nmutation SubmitCameoRecording($cameoId: ID!, $recording: CameoRecordingInput!) {\n  submitCameoRecording(cameoId: $cameoId, recording: $recording) {\n    id\n    status\n    rejectionReason\n  }\n}\n\nmutation SetCameoPolicy($cameoId: ID!, $input: SetCameoPolicyInput!) {\n  setCameoPolicy(cameoId: $cameoId, input: $input) {\n    id\n    policy\n    policyVersion\n  }\n}\n\nmutation GrantCameoAccess($cameoId: ID!, $handle: String!) {\n  grantCameoAccess(cameoId: $cameoId, handle: $handle) {\n    id\n  }\n}\n\nquery MyCameos {\n  myCameos {\n    id\n    name\n    kind\n    status\n    policy\n  }\n}\n\n\"\"\"\n  A person's own cameo by @handle, when you may use it.\n\"\"\"\nquery CameoOfUser($handle: String!) {\n  userByHandle(handle: $handle) {\n    id\n    handle\n    cameo {\n      id\n      name\n    }\n  }\n}"): typeof import('./graphql').StartCameoVerificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Feed($kind: FeedKind!, $first: Int, $after: String) {\n  feed(kind: $kind, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        caption\n        publishedAt\n        creator {\n          handle\n          displayName\n        }\n        cameos {\n          owner {\n            handle\n          }\n        }\n        video {\n          videoUrl\n          likeCount\n          commentCount\n          viewerHasLiked\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql').FeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateGeneration($input: CreateGenerationInput!) {\n  createGeneration(input: $input) {\n    id\n    status\n    progress\n  }\n}\n\nmutation PublishGeneration($id: ID!, $caption: String!) {\n  publishGeneration(id: $id, caption: $caption) {\n    id\n    publishedAt\n  }\n}\n\nquery Generation($id: ID!) {\n  generation(id: $id) {\n    id\n    prompt\n    status\n    progress\n    stage\n    videoUrl\n    errorReason\n  }\n}\n\nsubscription GenerationProgress($id: ID!) {\n  generationProgress(id: $id) {\n    status\n    progress\n    stage\n    errorReason\n    generation {\n      id\n      videoUrl\n    }\n  }\n}"): typeof import('./graphql').CreateGenerationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Follow($userId: ID!) {\n  follow(userId: $userId) {\n    id\n    isFollowedByViewer\n    isMutual\n  }\n}\n\nmutation LikeGeneration($id: ID!) {\n  likeGeneration(id: $id) {\n    id\n    likeCount\n    viewerHasLiked\n  }\n}\n\nmutation CreateComment($input: CreateCommentInput!) {\n  createComment(input: $input) {\n    id\n    body\n    createdAt\n  }\n}"): typeof import('./graphql').FollowDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
