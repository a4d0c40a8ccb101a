import type { BaseContext } from '@cameo/kernel/context';
import type { FeedClients } from './clients';
import type { FeedDb } from './db';

export interface FeedSettings {
  /** Items a teen account may be served per day (FEED_TEEN_DAILY_CAP). */
  teenDailyCap: number;
  /** Signs cursors: cursorKey(CURSOR_SECRET). */
  cursorKey: Buffer;
}

export interface FeedServices {
  db: FeedDb;
  clients: FeedClients;
  settings: FeedSettings;
}

export interface FeedContext extends BaseContext, FeedServices {}
