import type { BaseContext } from '@cameo/kernel/context';
import type { PubSub } from '@cameo/kernel/pubsub';
import type { SocialDb } from './db';
import type { GenerationsClient } from './generations-client';
import { createLoaders, type SocialLoaders } from './loaders';
import type { UsersClient } from './users-client';

/** Services the social subgraph's resolvers and consumers share. */
export interface SocialServices {
  db: SocialDb;
  users: UsersClient;
  generations: GenerationsClient;
  pubsub: PubSub;
  /** Signs this subgraph's cursors (cursorKey(CURSOR_SECRET)). */
  cursorKey: Buffer;
}

export interface SocialContext extends BaseContext, SocialServices {
  /** Per-request batching: one query per kind of fact, whatever the page size. */
  loaders: SocialLoaders;
}

export const buildContext = (base: BaseContext, services: SocialServices): SocialContext => ({
  ...base,
  ...services,
  loaders: createLoaders(services.db, base.viewer?.userId ?? null),
});
