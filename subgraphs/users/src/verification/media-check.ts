import { open, rm, symlink } from 'node:fs/promises';
import { parseFile } from 'music-metadata';

/**
 * What the server reads in an uploaded recording itself, with music-metadata (a maintained
 * container parser that reads both what browsers record — WebM/Matroska — and what phones
 * and ffmpeg write — MP4/QuickTime; mp4box reads MP4 alone). Nothing the client said about the
 * file (name, type, duration) is used.
 */

/** Duration bounds of a recording. */
export const RECORDING_MIN_MS = 3_000;
export const RECORDING_MAX_MS = 30_000;
/** Largest recording accepted (the upload route refuses more before storing it). Default 50 MiB. */
export const RECORDING_MAX_BYTES = 50 * 1024 * 1024;

/** Why a recording was refused: `rejectionCode` on the cameo, with a sentence in `rejectionReason`. */
export type RecordingProblem =
  | 'RECORDING_UNREADABLE'
  | 'RECORDING_UNSUPPORTED_CONTAINER'
  | 'RECORDING_TOO_SHORT'
  | 'RECORDING_TOO_LONG'
  | 'RECORDING_NO_VIDEO'
  | 'RECORDING_NO_AUDIO'
  | 'RECORDING_UNSUPPORTED_CODEC'
  | 'RECORDING_TOO_LARGE';

export type MediaCheckResult =
  | { ok: true; durationMs: number; container: 'mp4' | 'webm'; videoCodec: string; audioCodec: string }
  | { ok: false; code: RecordingProblem; reason: string };

// Codec names as music-metadata reports them (MP4 sample entries in <>, Matroska names plain).
const VIDEO_CODECS = new Set([
  '<avc1>',
  '<avc3>',
  '<hvc1>',
  '<hev1>',
  '<av01>',
  '<vp09>',
  'VP8',
  'VP9',
  'AV1',
  'MPEG4/ISO/AVC',
  'MPEGH/ISO/HEVC',
]);
const AUDIO_CODECS = new Set(['MPEG-4/AAC', 'AAC', 'OPUS', 'Opus', 'VORBIS', 'Vorbis', 'MPEG 1 Layer 3', 'PCM']);

const refuse = (code: RecordingProblem, reason: string): MediaCheckResult => ({ ok: false, code, reason });

/** Checks a recording on disk: container, duration 3-30 s, a video and an audio track of known codecs, size. */
export async function checkRecordingMedia(file: string, sizeBytes: number): Promise<MediaCheckResult> {
  if (sizeBytes > RECORDING_MAX_BYTES)
    return refuse('RECORDING_TOO_LARGE', `A recording is at most ${RECORDING_MAX_BYTES / 1024 / 1024} MiB.`);
  // The container is told by the file's first bytes, never by a name or a declared type.
  const sniffed = await sniffContainer(file);
  if (!sniffed) return refuse('RECORDING_UNSUPPORTED_CONTAINER', 'Record an MP4 or WebM video.');
  let metadata: Awaited<ReturnType<typeof parseFile>>;
  // music-metadata picks its parser by the file name's extension: a link named after what the
  // bytes are. (Its content-type path fails where a loader compiles it to CommonJS, as tsx does.)
  const named = `${file}.${sniffed}`;
  try {
    await symlink(file, named);
    metadata = await parseFile(named, { duration: true, skipCovers: true });
  } catch {
    return refuse('RECORDING_UNREADABLE', 'The recording could not be read as a video file.');
  } finally {
    await rm(named, { force: true });
  }
  const format = metadata.format;
  const container = sniffed;
  const tracks = format.trackInfo ?? [];
  // MP4 video tracks carry no type, only their sample entry: classify by codec.
  const video = tracks.find((track) => track.type === 1 || track.video || VIDEO_CODECS.has(track.codecName ?? ''));
  const audio = tracks.find((track) => track.type === 2 || track.audio);
  if (!video) return refuse('RECORDING_NO_VIDEO', 'The recording has no video track.');
  if (!audio) return refuse('RECORDING_NO_AUDIO', 'The recording has no audio track: the phrase must be heard.');
  if (!VIDEO_CODECS.has(video.codecName ?? '') || !AUDIO_CODECS.has(audio.codecName ?? '')) {
    return refuse(
      'RECORDING_UNSUPPORTED_CODEC',
      `Unsupported codecs (${video.codecName ?? '?'}, ${audio.codecName ?? '?'}): record H.264, HEVC, AV1, VP8 or VP9 with AAC or Opus.`,
    );
  }
  const durationMs = Math.round((format.duration ?? 0) * 1000);
  if (!Number.isFinite(durationMs) || durationMs < RECORDING_MIN_MS) {
    return refuse('RECORDING_TOO_SHORT', `A recording lasts at least ${RECORDING_MIN_MS / 1000} seconds.`);
  }
  if (durationMs > RECORDING_MAX_MS) return refuse('RECORDING_TOO_LONG', `A recording lasts at most ${RECORDING_MAX_MS / 1000} seconds.`);
  return { ok: true, durationMs, container, videoCodec: video.codecName!, audioCodec: audio.codecName! };
}

/** `mp4` (an ISO BMFF `ftyp` box first), `webm` (an EBML header), or null. */
async function sniffContainer(file: string): Promise<'mp4' | 'webm' | null> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(12), 0, 12, 0);
    if (bytesRead >= 8 && buffer.toString('latin1', 4, 8) === 'ftyp') return 'mp4';
    if (bytesRead >= 4 && buffer.readUInt32BE(0) === 0x1a45dfa3) return 'webm';
    return null;
  } finally {
    await handle.close();
  }
}
