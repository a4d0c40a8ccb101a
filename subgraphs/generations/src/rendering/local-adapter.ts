import { createHash } from 'node:crypto';
import type { RenderRequest, RenderedVideo, ProgressReporter, VideoModelAdapter } from './adapter';
import { encodeGif } from './gif';

export const FRAMES_PER_SECOND = 8;
const SIZES = { PORTRAIT: [72, 128], LANDSCAPE: [128, 72], SQUARE: [96, 96] } as const;

export interface LocalAdapterOptions {
  /** Pause per frame, so progress is real and visible. Default: 20 ms. */
  msPerFrame?: number;
}

/**
 * The default adapter: renders an animated GIF deterministically from the prompt (same prompt,
 * same pixels): a background and a moving disc whose colours come from the prompt's hash.
 * It reports progress as frames are drawn, then while encoding.
 */
export function createLocalAdapter(options: LocalAdapterOptions = {}): VideoModelAdapter {
  const msPerFrame = options.msPerFrame ?? 20;
  return {
    model: 'cameo-local-gif-1',
    async render(request: RenderRequest, report: ProgressReporter): Promise<RenderedVideo> {
      const seed = createHash('sha256').update(request.prompt).digest();
      const palette: [number, number, number][] = [
        [seed[0]! >> 2, seed[1]! >> 2, seed[2]! >> 2],
        [128 + (seed[3]! >> 1), 128 + (seed[4]! >> 1), 128 + (seed[5]! >> 1)],
        [255, 255, 255],
        [seed[6]!, seed[7]!, seed[8]!],
      ];
      const [width, height] = SIZES[request.aspect];
      const count = request.seconds * FRAMES_PER_SECOND;
      const frames: Uint8Array[] = [];
      const radius = Math.min(width, height) / 6;
      await report(1, 'starting');
      for (let f = 0; f < count; f++) {
        const pixels = new Uint8Array(width * height);
        const angle = (2 * Math.PI * f) / count + seed[9]! / 40;
        const cx = width / 2 + (Math.cos(angle) * width) / 4;
        const cy = height / 2 + (Math.sin(angle) * height) / 4;
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) {
            const inDisc = (x - cx) ** 2 + (y - cy) ** 2 < radius ** 2;
            // A progress bar along the bottom edge, and a diagonal band of the accent colour.
            const bar = y >= height - 3 && x < (width * (f + 1)) / count;
            pixels[y * width + x] = bar ? 2 : inDisc ? 1 : (x + y + f) % 24 < 3 ? 3 : 0;
          }
        }
        frames.push(pixels);
        if (msPerFrame > 0) await new Promise((resolve) => setTimeout(resolve, msPerFrame));
        await report(1 + Math.floor(((f + 1) * 89) / count), 'rendering frames');
      }
      await report(95, 'encoding');
      const bytes = encodeGif({ width, height, palette, frames, delayCs: Math.round(100 / FRAMES_PER_SECOND) });
      return { bytes, contentType: 'image/gif', extension: 'gif' };
    },
  };
}
