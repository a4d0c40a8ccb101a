import type { Aspect, ProgressReporter, RenderRequest, RenderedVideo, VideoModelAdapter } from './adapter';

/**
 * An adapter for OpenAI's Videos API contract: POST /videos starts a render, GET /videos/{id}
 * reports status and progress, GET /videos/{id}/content returns the MP4. Tested against a
 * local contract server (test/helpers/openai-contract-server.ts); no test touches the network.
 */
export interface OpenAiAdapterOptions {
  /** API root, e.g. https://api.openai.com/v1. */
  baseUrl: string;
  apiKey: string;
  /** Default: sora-2. */
  model?: string;
  /** Between status polls. Default: 2000 ms. */
  pollIntervalMs?: number;
  /** Gives up on a render after this long. Default: 15 minutes. */
  timeoutMs?: number;
}

/** The API renders 4, 8 or 12 seconds; a request is rounded up (12 at most). */
export const OPENAI_SECONDS = [4, 8, 12] as const;
// The API has no square size: a square request is rendered portrait.
const SIZES: Record<Aspect, string> = { PORTRAIT: '720x1280', LANDSCAPE: '1280x720', SQUARE: '720x1280' };

interface VideoJob {
  id: string;
  status: 'queued' | 'in_progress' | 'completed' | 'failed';
  progress?: number;
  error?: { message?: string } | null;
}

export class VideoModelError extends Error {
  override name = 'VideoModelError';
}

/** The prompt as sent: the owners' restrictions travel with it as instructions. */
export function promptWithRestrictions(request: RenderRequest): string {
  const rules = request.restrictions.flatMap((r) => [...r.tags.map((tag) => tag.toLowerCase().replace(/_/g, ' ')), r.text].filter(Boolean));
  return rules.length ? `${request.prompt}\n\nRespect these restrictions from the people shown: ${rules.join('; ')}.` : request.prompt;
}

export function createOpenAiAdapter(options: OpenAiAdapterOptions): VideoModelAdapter {
  const model = options.model ?? 'sora-2';
  const base = options.baseUrl.replace(/\/$/, '');
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${base}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${options.apiKey}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
      signal: AbortSignal.timeout(60_000),
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
      throw new VideoModelError(`${init.method ?? 'GET'} ${path}: ${response.status} ${body.error?.message ?? ''}`.trim());
    }
    return response;
  };
  return {
    model,
    async render(request: RenderRequest, report: ProgressReporter): Promise<RenderedVideo> {
      const seconds = OPENAI_SECONDS.find((s) => s >= request.seconds) ?? 12;
      const created = (await (
        await call('/videos', {
          method: 'POST',
          body: JSON.stringify({ model, prompt: promptWithRestrictions(request), seconds: String(seconds), size: SIZES[request.aspect] }),
        })
      ).json()) as VideoJob;
      await report(2, 'queued at the model');
      const deadline = Date.now() + (options.timeoutMs ?? 15 * 60_000);
      let job = created;
      while (job.status === 'queued' || job.status === 'in_progress') {
        if (Date.now() > deadline) throw new VideoModelError(`video ${job.id} did not finish in time`);
        await new Promise((resolve) => setTimeout(resolve, options.pollIntervalMs ?? 2000));
        job = (await (await call(`/videos/${encodeURIComponent(created.id)}`)).json()) as VideoJob;
        // Our 5-95 covers the model's 0-100; the rest is download and storage.
        await report(
          5 + Math.floor((Math.min(100, job.progress ?? 0) * 90) / 100),
          job.status === 'queued' ? 'queued at the model' : 'rendering',
        );
      }
      if (job.status !== 'completed') throw new VideoModelError(job.error?.message ?? `video ${job.id} ${job.status}`);
      await report(96, 'downloading');
      const content = await call(`/videos/${encodeURIComponent(created.id)}/content`);
      return { bytes: new Uint8Array(await content.arrayBuffer()), contentType: 'video/mp4', extension: 'mp4' };
    },
  };
}
