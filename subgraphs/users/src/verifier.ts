/**
 * Cameo verification: decides whether a submitted recording proves the likeness belongs to
 * the person who uploaded it. Pluggable: the default checks what can be checked without a
 * model (metadata and the spoken phrase's transcript); a production deployment plugs in face
 * and voice matching behind the same interface.
 */
export interface CameoRecording {
  videoRef: string;
  audioRef: string;
  durationMs: number;
  /** Speech-to-text of the recording's audio. */
  transcript: string;
}

export interface VerificationInput {
  kind: 'PERSON' | 'PET' | 'OBJECT';
  uploadKey: string;
  verificationPhrase: string;
  recording: CameoRecording;
}

export type VerificationResult = { verified: true } | { verified: false; reason: string };

export interface CameoVerifier {
  verify(input: VerificationInput): Promise<VerificationResult>;
}

/** Duration bounds for a recording, checked before any verifier runs. */
export const RECORDING_MIN_MS = 3_000;
export const RECORDING_MAX_MS = 30_000;

const words = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);

export const metadataVerifier: CameoVerifier = {
  async verify({ uploadKey, verificationPhrase, recording }) {
    // The recording must be the one uploaded to this cameo's target, not someone else's file.
    if (!recording.videoRef.includes(uploadKey) || !recording.audioRef.includes(uploadKey)) {
      return { verified: false, reason: 'The recording was not uploaded to this cameo’s upload target.' };
    }
    // People say the phrase; pets and objects are recorded by their owner, who says it too.
    const spoken = ` ${words(recording.transcript).join(' ')} `;
    if (!spoken.includes(` ${words(verificationPhrase).join(' ')} `)) {
      return { verified: false, reason: 'The verification phrase was not heard in the recording.' };
    }
    return { verified: true };
  },
};

const PHRASE_WORDS = [
  'amber',
  'brisk',
  'cedar',
  'dune',
  'ember',
  'fjord',
  'glade',
  'harbor',
  'indigo',
  'juniper',
  'kestrel',
  'lumen',
  'meadow',
  'nimbus',
  'orchid',
  'prairie',
  'quartz',
  'river',
  'saffron',
  'tundra',
  'umber',
  'velvet',
  'willow',
  'zephyr',
];

/** A phrase of five random words, e.g. "cedar nimbus amber quartz willow". */
export function newVerificationPhrase(random: (n: number) => number): string {
  return Array.from({ length: 5 }, () => PHRASE_WORDS[random(PHRASE_WORDS.length)]).join(' ');
}
