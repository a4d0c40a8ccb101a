import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Whether a command runs here (`ffmpeg -version`, ...): the speech check needs its tools. */
export async function commandWorks(command: string, args: string[]): Promise<boolean> {
  try {
    await run(command, args, { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * The recording's first audio track as 16 kHz mono 16-bit WAV (what speech recognisers
 * expect), at most 30 s, written by ffmpeg. Throws when ffmpeg finds no audio to decode.
 */
export async function extractAudio(recording: string, wavFile: string): Promise<void> {
  await run(
    'ffmpeg',
    [
      '-nostdin',
      '-loglevel',
      'error',
      '-y',
      '-i',
      recording,
      '-map',
      '0:a:0',
      '-vn',
      '-ac',
      '1',
      '-ar',
      '16000',
      '-t',
      '30',
      '-f',
      'wav',
      wavFile,
    ],
    {
      timeout: 60_000,
    },
  );
}
