/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Aspect =
  | 'LANDSCAPE'
  | 'PORTRAIT'
  | 'SQUARE';

/** PERSON: your own likeness (one per account). PET and OBJECT: as many as you like. */
export type CameoKind =
  | 'OBJECT'
  | 'PERSON'
  | 'PET';

export type CameoRecordingInput = {
  /** Reference of the uploaded audio, under the cameo’s uploadUrl. */
  audioRef: string;
  /** 3-30 seconds. */
  durationSeconds: number;
  /** What was said: must contain the verification phrase. */
  transcript: string;
  /** Reference of the uploaded video, under the cameo’s uploadUrl. */
  videoRef: string;
};

export type CameoStatus =
  | 'AWAITING_RECORDING'
  | 'PENDING_REVIEW'
  | 'REJECTED'
  | 'VERIFIED';

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

/** QUEUED -> IN_PROGRESS -> COMPLETED | FAILED | CANCELLED | BLOCKED (a cameo’s consent was withdrawn). */
export type GenerationStatus =
  | 'BLOCKED'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'FAILED'
  | 'IN_PROGRESS'
  | 'QUEUED';

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

export type TestSignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type TestSignUpMutation = { signUp: { token: string, user: { id: string } } };

export type TestStartCameoVerificationMutationVariables = Exact<{
  input: StartCameoVerificationInput;
}>;


export type TestStartCameoVerificationMutation = { startCameoVerification: { id: string, uploadUrl: string | null, verificationPhrase: string | null } };

export type TestSubmitCameoRecordingMutationVariables = Exact<{
  id: string | number;
  recording: CameoRecordingInput;
}>;


export type TestSubmitCameoRecordingMutation = { submitCameoRecording: { status: CameoStatus, rejectionReason: string | null } };

export type TestCreateGenerationMutationVariables = Exact<{
  input: CreateGenerationInput;
}>;


export type TestCreateGenerationMutation = { createGeneration: { id: string } };

export type TestGenerationStatusQueryVariables = Exact<{
  id: string | number;
}>;


export type TestGenerationStatusQuery = { generation: { status: GenerationStatus } | null };

export type TestPublishGenerationMutationVariables = Exact<{
  id: string | number;
  caption: string;
}>;


export type TestPublishGenerationMutation = { publishGeneration: { id: string } };


export const TestSignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestSignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<TestSignUpMutation, TestSignUpMutationVariables>;
export const TestStartCameoVerificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestStartCameoVerification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartCameoVerificationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startCameoVerification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uploadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"verificationPhrase"}}]}}]}}]} as unknown as DocumentNode<TestStartCameoVerificationMutation, TestStartCameoVerificationMutationVariables>;
export const TestSubmitCameoRecordingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestSubmitCameoRecording"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"recording"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CameoRecordingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitCameoRecording"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cameoId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"recording"},"value":{"kind":"Variable","name":{"kind":"Name","value":"recording"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}}]}}]}}]} as unknown as DocumentNode<TestSubmitCameoRecordingMutation, TestSubmitCameoRecordingMutationVariables>;
export const TestCreateGenerationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestCreateGeneration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGenerationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGeneration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<TestCreateGenerationMutation, TestCreateGenerationMutationVariables>;
export const TestGenerationStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestGenerationStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<TestGenerationStatusQuery, TestGenerationStatusQueryVariables>;
export const TestPublishGenerationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestPublishGeneration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caption"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishGeneration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"caption"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caption"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<TestPublishGenerationMutation, TestPublishGenerationMutationVariables>;