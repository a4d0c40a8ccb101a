import type { BaseContext } from '@cameo/kernel/context';
import type { PubSub } from '@cameo/kernel/pubsub';
import type { GenerationsDb } from './db';
import type { GenerationJobs } from './queue';
import type { QuotaLimits } from './quota';
import type { UsersClient } from './users-client';
import type { AssetUrlSigner } from './asset-urls';
import type { SocialClient } from './social-client';
import type { AssetStorage } from './rendering/storage';
import type { GenerationLoader } from './generation-loader';

/** Services the generations subgraph and its worker share. */
export interface GenerationsServices {
  db: GenerationsDb;
  users: UsersClient;
  jobs: GenerationJobs;
  pubsub: PubSub;
  quotas: QuotaLimits;
  maxCameos: number;
  /** Names the adapter's model in rows created now. */
  model: string;
}

export interface GenerationsContext extends BaseContext, GenerationsServices {
  /**
   * The people the viewer has a block with (either way), asked of social once per request and
   * only when someone else's video is at stake. Their videos are hidden from the viewer.
   */
  blockedWithViewer(): Promise<ReadonlySet<string>>;
  /** Social, asked directly where a memoized answer could be stale (each event of a long subscription). */
  social: SocialClient;
  /** Rendered files: moved to quarantine when a video is hidden. */
  storage: AssetStorage;
  /** Signs videoUrl and manifestUrl for the viewer. */
  assetUrls: AssetUrlSigner;
  /** Signs this subgraph's cursors: cursorKey(CURSOR_SECRET). */
  cursorKey: Buffer;
  /** Generations with their cast's owners, by id, batched per request (entities). */
  generationById: GenerationLoader;
}
