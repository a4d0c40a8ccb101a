/**
 * The one interface every video model sits behind: the local renderer (default) and the
 * OpenAI Videos API contract.
 */
export type Aspect = 'PORTRAIT' | 'LANDSCAPE' | 'SQUARE';

export interface RenderRequest {
  generationId: string;
  prompt: string;
  seconds: number;
  aspect: Aspect;
  /** The owners' restrictions for every cameo cast, passed to the model as instructions. */
  restrictions: { text: string; tags: string[] }[];
}

export interface RenderedVideo {
  bytes: Uint8Array;
  contentType: string;
  /** File extension, without the dot. */
  extension: string;
}

/**
 * Reports progress (0-100) with a stage label. It throws when the generation must stop
 * (cancelled, consent revoked), which ends the render.
 */
export type ProgressReporter = (progress: number, stage: string) => Promise<void>;

export interface VideoModelAdapter {
  /** Named in every output's provenance. */
  readonly model: string;
  render(request: RenderRequest, report: ProgressReporter): Promise<RenderedVideo>;
}
