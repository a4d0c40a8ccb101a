/**
 * Liveness (a live person in front of the camera, not a replayed video or a photo) and
 * likeness (the same face as the account's other cameos): model-backed checks a deployment
 * plugs in here. None ships with the platform, so with none configured both results are
 * NOT_CHECKED on the cameo — never a pretended PASSED.
 *
 * An adapter receives the recording on disk and the cameo's context; it answers PASSED or
 * FAILED for each check it performs (NOT_CHECKED for one it does not), with a reason for a
 * failure. A FAILED check rejects the cameo (rejectionCode LIVENESS_FAILED or LIKENESS_FAILED).
 */
export type CheckResult = 'PASSED' | 'FAILED' | 'NOT_CHECKED';

export interface LikenessCheckInput {
  /** The recording (MP4 or WebM) as uploaded. */
  recordingFile: string;
  cameoId: string;
  ownerId: string;
  kind: 'PERSON' | 'PET' | 'OBJECT';
  /** Object keys of the owner's other verified recordings, for a face match. */
  otherRecordingKeys: string[];
}

export interface LikenessChecker {
  readonly name: string;
  check(input: LikenessCheckInput): Promise<{ liveness: CheckResult; likeness: CheckResult; reason?: string }>;
}

/** What runs when no adapter is configured: nothing, and says so. */
export const noLikenessChecker: LikenessChecker = {
  name: 'none (liveness and likeness NOT_CHECKED)',
  check: async () => ({ liveness: 'NOT_CHECKED', likeness: 'NOT_CHECKED' }),
};
