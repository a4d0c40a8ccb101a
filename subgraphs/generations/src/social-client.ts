import { callInternal, signInternalToken } from '@cameo/kernel/internal-call';

export interface SocialClient {
  /** The people `userId` has a block with, either way. */
  blockedWith(userId: string): Promise<Set<string>>;
}

/** The declared internal call from generations to the social subgraph. */
export function createSocialClient(socialBaseUrl: string | (() => string), platformSecret: string): SocialClient {
  const base = () => (typeof socialBaseUrl === 'function' ? socialBaseUrl() : socialBaseUrl);
  return {
    async blockedWith(userId) {
      const { blocked } = await callInternal<{ blocked: string[] }>(
        `${base()}/internal/blocks`,
        signInternalToken(platformSecret, 'generations', 'social'),
        { userId },
      );
      return new Set(blocked);
    },
  };
}
