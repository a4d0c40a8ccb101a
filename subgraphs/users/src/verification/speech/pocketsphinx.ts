import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { randomInt } from 'node:crypto';
import { PHRASE_WORDS, newVerificationPhrase, words } from '../phrases';
import type { SpeechRecognizer } from './speech-recognizer';

const run = promisify(execFile);

/** Debian's pocketsphinx-en-us model. */
export const POCKETSPHINX_MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';
/** Short words a speaker may say around the phrase; the grammar lets them pass. */
const FILLERS = ['the', 'a', 'uh', 'um', 'hi', 'this', 'is', 'me'];
const DECOYS = 8;

/**
 * The offline recogniser: Debian's pocketsphinx (0.8, `pocketsphinx_continuous`) with a JSGF
 * grammar of the phrase and a few decoy phrases from the same words. Free decoding and keyword
 * spotting were tried on synthetic speech and found useless (garbage, or nothing at any
 * threshold); a small grammar picks the right phrase, a decoy for a wrong one, and nothing for
 * silence or noise. The phrase counts as heard only when the decoded words, fillers removed,
 * are exactly the phrase.
 */
export function createPocketsphinxRecognizer(options: { modelDir?: string; random?: (n: number) => number } = {}): SpeechRecognizer {
  const modelDir = options.modelDir ?? POCKETSPHINX_MODEL_DIR;
  const random = options.random ?? randomInt;
  return {
    name: 'pocketsphinx (offline)',
    async listen(wavFile, phrase) {
      const target = words(phrase);
      if (target.some((word) => !(PHRASE_WORDS as readonly string[]).includes(word))) {
        // A phrase made before the word list changed: the grammar cannot hold it.
        throw new Error('the phrase has words outside the recogniser’s list');
      }
      const decoys = new Set<string>();
      while (decoys.size < DECOYS) {
        const decoy = newVerificationPhrase(random);
        if (decoy !== target.join(' ')) decoys.add(decoy);
      }
      const grammarFile = `${wavFile}.jsgf`;
      await writeFile(
        grammarFile,
        [
          '#JSGF V1.0;',
          'grammar phrase;',
          `public <utterance> = <filler>* ( ${[target.join(' '), ...decoys].join(' | ')} ) <filler>*;`,
          `<filler> = ${FILLERS.join(' | ')};`,
          '',
        ].join('\n'),
      );
      const { stdout } = await run(
        'pocketsphinx_continuous',
        [
          '-infile',
          wavFile,
          '-jsgf',
          grammarFile,
          '-hmm',
          `${modelDir}/en-us`,
          '-dict',
          `${modelDir}/cmudict-en-us.dict`,
          '-logfn',
          '/dev/null',
        ],
        { timeout: 60_000 },
      );
      const transcript = stdout.trim().split('\n').join(' ').trim();
      const heard = words(transcript).filter((word) => !FILLERS.includes(word));
      return { heard: heard.join(' ') === target.join(' '), transcript };
    },
  };
}
