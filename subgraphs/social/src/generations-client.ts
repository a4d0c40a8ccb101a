import { callInternal, signInternalToken } from '@cameo/kernel/internal-call';

/** What generations tells other services about a video (see its /internal/generation-facts). */
export interface VideoFacts {
  id: string;
  creatorId: string;
  /** Published and not hidden: people may like, view and comment on it. */
  visible: boolean;
  remixOfId: string | null;
}

export interface GenerationsClient {
  facts(generationIds: string[]): Promise<Map<string, VideoFacts>>;
}

/** The declared internal call from social to the generations subgraph. */
export function createGenerationsClient(generationsBaseUrl: string, platformSecret: string): GenerationsClient {
  return {
    async facts(generationIds) {
      if (generationIds.length === 0) return new Map();
      const { generations } = await callInternal<{ generations: VideoFacts[] }>(
        `${generationsBaseUrl}/internal/generation-facts`,
        signInternalToken(platformSecret, 'social', 'generations'),
        { generationIds: [...new Set(generationIds)] },
      );
      return new Map(generations.map((video) => [video.id, video]));
    },
  };
}
