import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeRecording, type RecordingSpec } from '@cameo/test-helpers/recordings';
import { extractAudio } from '@cameo/users/verification/speech/extract-audio';
import { createPocketsphinxRecognizer } from '@cameo/users/verification/speech/pocketsphinx';
import { newVerificationPhrase } from '@cameo/users/verification/phrases';

/**
 * `npm run bench:speech`: how often the offline speech check (pocketsphinx, as `npm start` runs
 * it) is wrong, on espeak-ng speech muxed into MP4 and WebM, with phrases drawn like the API's:
 *   - honest: a recording of the phrase, listened to for that phrase (a miss rejects a user who
 *     did everything right);
 *   - replay: a recording of another random phrase (an old recording sent for a new cameo);
 *   - off the list: sentences outside the phrase words, listened to for random phrases.
 * Prints counts, not verdicts: the rates are properties of the recogniser, not pass/fail tests.
 */
const { values: args } = parseArgs({ options: { phrases: { type: 'string', default: '200' } } });
const n = Number(args.phrases);
const OFF_THE_LIST = ['yellow candle forest monday', 'hello there, nice weather', 'good morning, how are you'];

async function main() {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'cameo-speech-bench-'));
  const recognizer = createPocketsphinxRecognizer();
  let wavs = 0;
  const wavOf = async (spec: RecordingSpec) => {
    const wav = path.join(scratch, `${wavs++}.wav`);
    await extractAudio(makeRecording(spec), wav);
    return wav;
  };
  const heard = async (wav: string, phrase: string) => (await recognizer.listen(wav, phrase)).heard;
  const started = Date.now();
  const phrases = Array.from({ length: n }, () => newVerificationPhrase(randomInt));
  const recordings: string[] = [];
  let missed = 0;
  for (const [i, phrase] of phrases.entries()) {
    recordings.push(await wavOf({ phrase, container: i % 2 ? 'webm' : 'mp4' }));
    if (!(await heard(recordings[i]!, phrase))) missed++;
    process.stdout.write(`\rhonest ${i + 1}/${n}`);
  }
  // The recording of the phrase before, listened to for this one.
  let replayed = 0;
  let pairs = 0;
  for (const [i, phrase] of phrases.entries()) {
    const before = (i + n - 1) % n;
    if (phrases[before] === phrase) continue;
    pairs++;
    if (await heard(recordings[before]!, phrase)) replayed++;
    process.stdout.write(`\rreplay ${i + 1}/${n}`);
  }
  const offTheList = new Map<string, number>();
  for (const sentence of OFF_THE_LIST) {
    const wav = await wavOf({ phrase: sentence });
    let accepted = 0;
    for (const [i, phrase] of phrases.entries()) {
      if (await heard(wav, phrase)) accepted++;
      process.stdout.write(`\r"${sentence}" ${i + 1}/${n}`);
    }
    offTheList.set(sentence, accepted);
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(`\nrecogniser: ${recognizer.name}; ${n} random phrases, MP4 and WebM alternating; ${seconds.toFixed(0)} s`);
  console.log(`honest recordings missed:           ${missed}/${n}`);
  console.log(`another phrase's recording heard:   ${replayed}/${pairs}`);
  for (const [sentence, accepted] of offTheList) console.log(`"${sentence}" heard: ${accepted}/${n}`);
  rmSync(scratch, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
