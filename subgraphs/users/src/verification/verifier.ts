import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '@cameo/kernel/logger';
import { noLikenessChecker, type CheckResult, type LikenessChecker } from './likeness';
import { checkRecordingMedia, type RecordingProblem } from './media-check';
import { extractAudio } from './speech/extract-audio';
import type { SpeechRecognizer } from './speech/speech-recognizer';

/**
 * Cameo verification: does an uploaded recording prove the likeness belongs to the person
 * who uploaded it? It reads the file the upload stored — never anything the client typed:
 * the media check (container, tracks, codecs, duration, size), the speech check (the phrase
 * heard in the audio), then liveness and likeness (likeness.ts).
 */
export interface VerificationInput {
  cameoId: string;
  ownerId: string;
  kind: 'PERSON' | 'PET' | 'OBJECT';
  verificationPhrase: string;
  /** The recording, copied from object storage to a local file. */
  recordingFile: string;
  sizeBytes: number;
  otherRecordingKeys: string[];
}

export type RejectionCode = RecordingProblem | 'PHRASE_NOT_HEARD' | 'LIVENESS_FAILED' | 'LIKENESS_FAILED' | 'VERIFICATION_FAILED';

export interface Checks {
  mediaCheck: CheckResult;
  speechCheck: CheckResult;
  livenessCheck: CheckResult;
  likenessCheck: CheckResult;
}

export type Verdict = { checks: Checks; durationMs?: number; transcript?: string } & (
  { verified: true } | { verified: false; code: RejectionCode; reason: string }
);

export interface CameoVerifier {
  /** Said once at start-up: what this verifier checks. */
  readonly description: string;
  /** Whether it checks nothing (refused in production). */
  readonly checksNothing: boolean;
  verify(input: VerificationInput): Promise<Verdict>;
}

const NOT_CHECKED: Checks = {
  mediaCheck: 'NOT_CHECKED',
  speechCheck: 'NOT_CHECKED',
  livenessCheck: 'NOT_CHECKED',
  likenessCheck: 'NOT_CHECKED',
};

/** CAMEO_VERIFIER=dev: accepts any uploaded file. For development only; it logs that it checks nothing. */
export function createDevVerifier(logger: Logger): CameoVerifier {
  return {
    description: 'dev: checks NOTHING — every uploaded recording is accepted (never use in production)',
    checksNothing: true,
    async verify({ cameoId }) {
      logger.info(`dev verifier: cameo ${cameoId} accepted without any check`);
      return { verified: true, checks: NOT_CHECKED };
    },
  };
}

/** The real verifier: media check, speech check with `recognizer`, then liveness and likeness. */
export function createRecordingVerifier(options: { recognizer: SpeechRecognizer; likeness?: LikenessChecker }): CameoVerifier {
  const likeness = options.likeness ?? noLikenessChecker;
  return {
    description: `media check, speech check with ${options.recognizer.name}, liveness and likeness: ${likeness.name}`,
    checksNothing: false,
    async verify(input) {
      const media = await checkRecordingMedia(input.recordingFile, input.sizeBytes);
      if (!media.ok) return { verified: false, code: media.code, reason: media.reason, checks: { ...NOT_CHECKED, mediaCheck: 'FAILED' } };
      const checks: Checks = { ...NOT_CHECKED, mediaCheck: 'PASSED' };
      const { durationMs } = media;
      const scratch = await mkdtemp(path.join(os.tmpdir(), 'cameo-speech-'));
      let speech: { heard: boolean; transcript: string };
      try {
        const wav = path.join(scratch, 'audio.wav');
        try {
          await extractAudio(input.recordingFile, wav);
        } catch {
          return {
            verified: false,
            code: 'RECORDING_NO_AUDIO',
            reason: 'The recording’s audio could not be decoded.',
            checks: { ...checks, speechCheck: 'FAILED' },
            durationMs,
          };
        }
        speech = await options.recognizer.listen(wav, input.verificationPhrase);
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
      if (!speech.heard) {
        return {
          verified: false,
          code: 'PHRASE_NOT_HEARD',
          reason: 'The verification phrase was not heard in the recording: say it clearly, alone, and record again.',
          checks: { ...checks, speechCheck: 'FAILED' },
          durationMs,
          transcript: speech.transcript,
        };
      }
      checks.speechCheck = 'PASSED';
      const seen = await likeness.check({
        recordingFile: input.recordingFile,
        cameoId: input.cameoId,
        ownerId: input.ownerId,
        kind: input.kind,
        otherRecordingKeys: input.otherRecordingKeys,
      });
      checks.livenessCheck = seen.liveness;
      checks.likenessCheck = seen.likeness;
      const failed = seen.liveness === 'FAILED' ? 'LIVENESS_FAILED' : seen.likeness === 'FAILED' ? 'LIKENESS_FAILED' : undefined;
      if (failed)
        return {
          verified: false,
          code: failed,
          reason: seen.reason ?? 'The likeness could not be confirmed.',
          checks,
          durationMs,
          transcript: speech.transcript,
        };
      return { verified: true, checks, durationMs, transcript: speech.transcript };
    },
  };
}
