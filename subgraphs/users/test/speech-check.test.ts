import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startOpenAiContractServer } from '@cameo/test-helpers/openai-contract-server';
import { makeRecording } from '@cameo/test-helpers/recordings';
import { extractAudio } from '../src/verification/speech/extract-audio';
import { createOpenAiTranscriptionRecognizer } from '../src/verification/speech/openai-transcriptions';
import { createPocketsphinxRecognizer } from '../src/verification/speech/pocketsphinx';
import { newVerificationPhrase, transcriptContains } from '../src/verification/phrases';

/** Both speech recognisers on real audio: espeak-ng speech muxed into video, extracted by ffmpeg. */
let dir: string;
const wavOf = async (spec: Parameters<typeof makeRecording>[0], name: string) => {
  const wav = path.join(dir, `${name}.wav`);
  await extractAudio(makeRecording(spec), wav);
  return wav;
};
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cameo-speech-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pocketsphinx (offline)', () => {
  const recognizer = createPocketsphinxRecognizer();
  const phrase = 'river garden tiger seven';

  it('hears the phrase', async () => {
    expect(await recognizer.listen(await wavOf({ phrase }, 'right'), phrase)).toMatchObject({
      heard: true,
      transcript: expect.stringContaining(phrase),
    });
  });

  it('gives the same verdict and transcript for the same recording and phrase (the decoys come from the phrase)', async () => {
    // This recording is heard as one of the decoys: with decoys drawn at random, each listen
    // would hear another.
    const wav = await wavOf({ phrase: 'apple bottle butter forest' }, 'again');
    const first = await recognizer.listen(wav, phrase);
    expect(first).toMatchObject({ heard: false, transcript: expect.stringMatching(/\w+ \w+ \w+ \w+/) });
    expect(await recognizer.listen(wav, phrase)).toEqual(first);
  });

  it('does not hear it in another phrase, in silence, or in words wrapped around half of it', async () => {
    expect((await recognizer.listen(await wavOf({ phrase: 'yellow kitchen apple summer' }, 'wrong'), phrase)).heard).toBe(false);
    expect((await recognizer.listen(await wavOf({ phrase: null }, 'silence'), phrase)).heard).toBe(false);
    expect((await recognizer.listen(await wavOf({ phrase: 'river garden, said the tiger' }, 'half'), phrase)).heard).toBe(false);
  });
});

describe('OpenAI transcriptions API (contract server)', () => {
  let server: Awaited<ReturnType<typeof startOpenAiContractServer>>;
  beforeAll(async () => {
    server = await startOpenAiContractServer('sk-test');
  });
  afterAll(() => server.stop());

  it('sends the WAV as multipart with the model, and hears the phrase in the transcript', async () => {
    const wav = await wavOf({ phrase: 'apple river seven garden' }, 'openai');
    server.transcripts.set(statSync(wav).size, 'Hi, this is me. Apple, river, seven, garden!');
    const recognizer = createOpenAiTranscriptionRecognizer({ baseUrl: server.url, apiKey: 'sk-test', model: 'gpt-4o-mini-transcribe' });
    expect(await recognizer.listen(wav, 'apple river seven garden')).toEqual({
      heard: true,
      transcript: 'Hi, this is me. Apple, river, seven, garden!',
    });
    expect(await recognizer.listen(wav, 'apple river seven tiger')).toMatchObject({ heard: false });
    expect(server.transcriptions.at(-1)).toEqual({ model: 'gpt-4o-mini-transcribe', bytes: statSync(wav).size, fileName: 'recording.wav' });
  });

  it('fails (for the runner to retry) on a refused key or model, never says heard', async () => {
    const wav = await wavOf({ phrase: null }, 'openai-refused');
    const badKey = createOpenAiTranscriptionRecognizer({ baseUrl: server.url, apiKey: 'sk-wrong', model: 'whisper-1' });
    await expect(badKey.listen(wav, 'apple')).rejects.toThrow(/401: Incorrect API key/);
    const badModel = createOpenAiTranscriptionRecognizer({ baseUrl: server.url, apiKey: 'sk-test', model: 'tts-1' });
    await expect(badModel.listen(wav, 'apple')).rejects.toThrow(/400/);
  });
});

describe('phrases', () => {
  it('are four distinct words; a transcript holds one only with its words side by side, in order', () => {
    let n = 0;
    const phrase = newVerificationPhrase((max) => n++ % max);
    expect(new Set(phrase.split(' ')).size).toBe(4);
    expect(transcriptContains('OK: apple, BOTTLE butter forest.', 'apple bottle butter forest')).toBe(true);
    expect(transcriptContains('apple bottle forest butter', 'apple bottle butter forest')).toBe(false);
    expect(transcriptContains('pineapple bottle butter forest', 'apple bottle butter forest')).toBe(false);
  });
});
