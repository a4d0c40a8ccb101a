import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  CameoVerificationDocument,
  MyCameosDocument,
  StartCameoVerificationDocument,
  UploadError,
  uploadRecording,
  type CameoClient,
  type CameoKind,
} from '@cameo/sdk';
import { createProgressDisplay } from './progress';

/** Types by file extension; the server reads the bytes itself and trusts none of this. */
const TYPES: Record<string, string> = { '.mp4': 'video/mp4', '.m4v': 'video/mp4', '.webm': 'video/webm', '.mov': 'video/quicktime' };

export class CommandError extends Error {
  constructor(
    readonly kind: 'usage' | 'refused',
    message: string,
  ) {
    super(message);
  }
}

/** `cameo cameo start`: a new cameo awaiting its recording; prints the phrase to say. */
export async function startCameo(client: CameoClient, kind: CameoKind, name: string | undefined, out: NodeJS.WriteStream) {
  const { startCameoVerification: cameo } = await client.request(StartCameoVerificationDocument, { input: { kind, name } });
  out.write(
    `cameo ${cameo.id} is waiting for its recording.\n` +
      `Record yourself (3-30 seconds, video and sound) saying, alone and clearly:\n\n    ${cameo.verificationPhrase}\n\n` +
      `then run: cameo cameo verify <file>\n`,
  );
}

/**
 * `cameo cameo verify <file>`: uploads the recording to your newest cameo that awaits one (or
 * --id), with a progress bar, then waits for the verdict. True when VERIFIED.
 */
export async function verifyCameo(
  client: CameoClient,
  gatewayUrl: string,
  file: string | undefined,
  id: string | undefined,
  out: NodeJS.WriteStream,
) {
  if (!file) throw new CommandError('usage', 'usage: cameo cameo verify <file.mp4|file.webm> [--id <cameo id>]');
  const contentType = TYPES[path.extname(file).toLowerCase()];
  if (!contentType) throw new CommandError('usage', 'the recording must be an .mp4, .m4v, .mov or .webm file');
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CommandError('usage', `cannot read ${file}`);
  }
  const { myCameos } = await client.request(MyCameosDocument);
  const target = id
    ? myCameos.find((cameo) => cameo.id === id)
    : myCameos.find((cameo) => cameo.status === 'AWAITING_RECORDING' || cameo.status === 'REJECTED');
  if (!target)
    throw new CommandError('refused', id ? `you have no cameo ${id}` : 'no cameo awaits a recording: run cameo cameo start first');
  const { cameo } = await client.request(CameoVerificationDocument, { id: target.id });
  if (!cameo?.uploadUrl)
    throw new CommandError('refused', `cameo ${target.id} is ${target.status.toLowerCase().replace('_', ' ')}: it takes no recording`);
  const display = createProgressDisplay(out);
  const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  try {
    await uploadRecording({
      url: new URL(cameo.uploadUrl, gatewayUrl).href,
      file: readFileSync(file),
      contentType,
      fileName: path.basename(file),
      chunkBytes: 1024 * 1024,
      onProgress: (sent, total) => display.update((sent / total) * 100, `uploading ${megabytes(sent)} of ${megabytes(total)}`),
    });
  } catch (error) {
    display.done();
    if (error instanceof UploadError) throw new CommandError('refused', `upload refused (${error.status}): ${error.message}`);
    throw error;
  }
  display.update(100, `uploaded ${megabytes(size)}; verifying…`);
  display.done();
  for (;;) {
    const { cameo: now } = await client.request(CameoVerificationDocument, { id: target.id });
    if (now?.status === 'VERIFIED') {
      out.write(`VERIFIED: cameo ${target.id} (phrase heard; liveness ${now.livenessCheck}, likeness ${now.likenessCheck})\n`);
      return true;
    }
    if (now?.status === 'REJECTED') throw new CommandError('refused', `REJECTED (${now.rejectionCode}): ${now.rejectionReason}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
