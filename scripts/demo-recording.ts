import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A cameo recording for a demo person: espeak-ng says the phrase, ffmpeg puts it under a test
 * pattern as a 5 s MP4 (H.264/AAC) — what the real verifier checks for. Null when espeak-ng or
 * ffmpeg is not installed (apt-get install espeak-ng ffmpeg). `wordsPerMinute` is espeak-ng's
 * speed (its default 175); slower speech is a second take when a recogniser missed a word.
 */
export async function recordPhrase(phrase: string, wordsPerMinute = 175): Promise<Uint8Array | null> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cameo-demo-'));
  try {
    const wav = path.join(dir, 'phrase.wav');
    const mp4 = path.join(dir, 'recording.mp4');
    await run('espeak-ng', ['-s', String(wordsPerMinute), '-w', wav, phrase]);
    await run('ffmpeg', [
      ...['-nostdin', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=15:duration=5', '-i', wav],
      ...['-filter_complex', '[1:a]apad=whole_dur=5[a]', '-map', '0:v', '-map', '[a]', '-t', '5'],
      ...['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', mp4],
    ]);
    return await readFile(mp4);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
