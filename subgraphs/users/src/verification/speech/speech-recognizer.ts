/**
 * The speech check: is the verification phrase heard in the recording's audio? A recogniser
 * gets the audio as 16 kHz mono WAV (extract-audio.ts) and the phrase it listens for; it never
 * sees anything the client typed.
 */
export interface SpeechRecognizer {
  /** Logged at start-up, e.g. "pocketsphinx (offline)". */
  readonly name: string;
  /** What was heard, and whether it is the phrase. */
  listen(wavFile: string, phrase: string): Promise<{ heard: boolean; transcript: string }>;
}
