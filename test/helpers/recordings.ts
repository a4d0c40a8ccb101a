import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';

/**
 * Real recordings for tests: espeak-ng speaks a phrase, ffmpeg muxes it with generated video
 * (testsrc) into MP4 (H.264/AAC) or WebM (VP8/Opus). Made once per set of options and kept in
 * the temp folder (they are deterministic).
 */
export interface RecordingSpec {
  /** What is said; null: silence. */
  phrase: string | null;
  /** Length of the clip. Default: 4 s. */
  seconds?: number;
  /** Default: mp4. */
  container?: 'mp4' | 'webm';
  /** Default: true. False: a video track only. */
  audio?: boolean;
}

const DIR = path.join(os.tmpdir(), 'cameo-test-recordings');

export function makeRecording(spec: RecordingSpec): string {
  const { phrase, seconds = 4, container = 'mp4', audio = true } = spec;
  mkdirSync(DIR, { recursive: true });
  const id = createHash('sha256').update(JSON.stringify({ phrase, seconds, container, audio })).digest('hex').slice(0, 16);
  const file = path.join(DIR, `${id}.${container}`);
  if (existsSync(file)) return file;
  const run = (command: string, args: string[]) => execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const video = ['-f', 'lavfi', '-i', `testsrc=size=160x120:rate=15:duration=${seconds}`];
  let inputs = video;
  let audioMap: string[] = [];
  if (audio && phrase !== null) {
    const speech = `${file}.wav`;
    run('espeak-ng', ['-w', speech, phrase]);
    // The speech, then silence up to the clip's length.
    inputs = [...video, '-i', speech];
    audioMap = ['-filter_complex', `[1:a]apad=whole_dur=${seconds}[a]`, '-map', '0:v', '-map', '[a]'];
  } else if (audio) {
    inputs = [...video, '-f', 'lavfi', '-i', `anullsrc=r=22050:cl=mono:d=${seconds}`];
    audioMap = ['-map', '0:v', '-map', '1:a'];
  }
  const codecs = container === 'mp4' ? ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac'] : ['-c:v', 'libvpx', '-c:a', 'libopus'];
  const temporary = `${file}.${process.pid}.tmp.${container}`;
  run('ffmpeg', ['-nostdin', '-loglevel', 'error', '-y', ...inputs, ...audioMap, '-t', String(seconds), ...codecs, temporary]);
  run('mv', [temporary, file]);
  return file;
}
