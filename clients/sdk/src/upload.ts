/**
 * Uploads a cameo recording to its `uploadUrl` by the tus 1.0 protocol (creation, then PATCH
 * in chunks, resuming from the server's offset after a failed chunk). Works in browsers and
 * Node 20 (fetch only). Hand-written rather than tus-js-client: the platform needs the
 * protocol's core — three request kinds — and this keeps the SDK free of a large dependency.
 *
 *   await uploadRecording({ url: new URL(cameo.uploadUrl, 'http://localhost:4000').href, file, contentType: 'video/mp4',
 *     onProgress: (sent, total) => … });
 */
export interface UploadRecordingOptions {
  /** The cameo's uploadUrl made absolute (it is relative to the gateway). */
  url: string;
  /** The recording (MP4 or WebM with video and audio). */
  file: Blob | Uint8Array;
  /** video/mp4, video/webm or video/quicktime. */
  contentType: string;
  /** Shown to nobody; kept in the upload's metadata. Default: recording. */
  fileName?: string;
  /** Bytes per PATCH. Default: 5 MiB. */
  chunkBytes?: number;
  /** Called after every chunk. */
  onProgress?: (sentBytes: number, totalBytes: number) => void;
  /** Failed chunks retried (resuming from the server's offset) before giving up. Default: 3. */
  retries?: number;
}

/** An upload the server refused: `status` is its HTTP status, `message` its explanation. */
export class UploadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

const TUS = { 'tus-resumable': '1.0.0' };
const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

async function refused(response: Response): Promise<UploadError> {
  return new UploadError(response.status, (await response.text().catch(() => '')).trim() || response.statusText);
}

export async function uploadRecording(options: UploadRecordingOptions): Promise<void> {
  const file = options.file instanceof Uint8Array ? new Blob([options.file as Uint8Array<ArrayBuffer>]) : options.file;
  const total = file.size;
  const chunkBytes = options.chunkBytes ?? 5 * 1024 * 1024;
  const created = await fetch(options.url, {
    method: 'POST',
    headers: {
      ...TUS,
      'upload-length': String(total),
      'upload-metadata': `filename ${base64(options.fileName ?? 'recording')},filetype ${base64(options.contentType)}`,
    },
  });
  if (created.status !== 201) throw await refused(created);
  const location = new URL(created.headers.get('location') ?? '', options.url).href;
  let offset = 0;
  let retriesLeft = options.retries ?? 3;
  while (offset < total) {
    try {
      const response = await fetch(location, {
        method: 'PATCH',
        headers: { ...TUS, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
        body: file.slice(offset, Math.min(total, offset + chunkBytes)),
      });
      if (response.status !== 204) throw await refused(response);
      offset = Number(response.headers.get('upload-offset'));
      options.onProgress?.(offset, total);
    } catch (error) {
      // A refusal (4xx) will not change by retrying; a dropped connection may.
      if ((error instanceof UploadError && error.status < 500) || retriesLeft-- <= 0) throw error;
      const head = await fetch(location, { method: 'HEAD', headers: TUS });
      if (!head.ok) throw await refused(head);
      offset = Number(head.headers.get('upload-offset'));
    }
  }
}
