/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

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
    "\n      mutation TestSignUp($input: SignUpInput!) {\n        signUp(input: $input) {\n          token\n          user {\n            id\n          }\n        }\n      }\n    ": typeof types.TestSignUpDocument,
    "\n      mutation TestStartCameoVerification($input: StartCameoVerificationInput!) {\n        startCameoVerification(input: $input) {\n          id\n          uploadUrl\n          verificationPhrase\n        }\n      }\n    ": typeof types.TestStartCameoVerificationDocument,
    "\n      mutation TestSubmitCameoRecording($id: ID!, $recording: CameoRecordingInput!) {\n        submitCameoRecording(cameoId: $id, recording: $recording) {\n          status\n          rejectionReason\n        }\n      }\n    ": typeof types.TestSubmitCameoRecordingDocument,
    "\n        mutation TestCreateGeneration($input: CreateGenerationInput!) {\n          createGeneration(input: $input) {\n            id\n          }\n        }\n      ": typeof types.TestCreateGenerationDocument,
    "\n    query TestGenerationStatus($id: ID!) {\n      generation(id: $id) {\n        status\n      }\n    }\n  ": typeof types.TestGenerationStatusDocument,
    "\n        mutation TestPublishGeneration($id: ID!, $caption: String!) {\n          publishGeneration(id: $id, caption: $caption) {\n            id\n          }\n        }\n      ": typeof types.TestPublishGenerationDocument,
};
const documents: Documents = {
    "\n      mutation TestSignUp($input: SignUpInput!) {\n        signUp(input: $input) {\n          token\n          user {\n            id\n          }\n        }\n      }\n    ": types.TestSignUpDocument,
    "\n      mutation TestStartCameoVerification($input: StartCameoVerificationInput!) {\n        startCameoVerification(input: $input) {\n          id\n          uploadUrl\n          verificationPhrase\n        }\n      }\n    ": types.TestStartCameoVerificationDocument,
    "\n      mutation TestSubmitCameoRecording($id: ID!, $recording: CameoRecordingInput!) {\n        submitCameoRecording(cameoId: $id, recording: $recording) {\n          status\n          rejectionReason\n        }\n      }\n    ": types.TestSubmitCameoRecordingDocument,
    "\n        mutation TestCreateGeneration($input: CreateGenerationInput!) {\n          createGeneration(input: $input) {\n            id\n          }\n        }\n      ": types.TestCreateGenerationDocument,
    "\n    query TestGenerationStatus($id: ID!) {\n      generation(id: $id) {\n        status\n      }\n    }\n  ": types.TestGenerationStatusDocument,
    "\n        mutation TestPublishGeneration($id: ID!, $caption: String!) {\n          publishGeneration(id: $id, caption: $caption) {\n            id\n          }\n        }\n      ": types.TestPublishGenerationDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation TestSignUp($input: SignUpInput!) {\n        signUp(input: $input) {\n          token\n          user {\n            id\n          }\n        }\n      }\n    "): (typeof documents)["\n      mutation TestSignUp($input: SignUpInput!) {\n        signUp(input: $input) {\n          token\n          user {\n            id\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation TestStartCameoVerification($input: StartCameoVerificationInput!) {\n        startCameoVerification(input: $input) {\n          id\n          uploadUrl\n          verificationPhrase\n        }\n      }\n    "): (typeof documents)["\n      mutation TestStartCameoVerification($input: StartCameoVerificationInput!) {\n        startCameoVerification(input: $input) {\n          id\n          uploadUrl\n          verificationPhrase\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation TestSubmitCameoRecording($id: ID!, $recording: CameoRecordingInput!) {\n        submitCameoRecording(cameoId: $id, recording: $recording) {\n          status\n          rejectionReason\n        }\n      }\n    "): (typeof documents)["\n      mutation TestSubmitCameoRecording($id: ID!, $recording: CameoRecordingInput!) {\n        submitCameoRecording(cameoId: $id, recording: $recording) {\n          status\n          rejectionReason\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation TestCreateGeneration($input: CreateGenerationInput!) {\n          createGeneration(input: $input) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation TestCreateGeneration($input: CreateGenerationInput!) {\n          createGeneration(input: $input) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query TestGenerationStatus($id: ID!) {\n      generation(id: $id) {\n        status\n      }\n    }\n  "): (typeof documents)["\n    query TestGenerationStatus($id: ID!) {\n      generation(id: $id) {\n        status\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation TestPublishGeneration($id: ID!, $caption: String!) {\n          publishGeneration(id: $id, caption: $caption) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation TestPublishGeneration($id: ID!, $caption: String!) {\n          publishGeneration(id: $id, caption: $caption) {\n            id\n          }\n        }\n      "];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;