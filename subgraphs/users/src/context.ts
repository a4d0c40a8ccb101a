import type { BaseContext } from '../../shared/src/context';
import type { UsersDb } from './db';

export interface UsersContext extends BaseContext {
  db: UsersDb;
  /** Signs session tokens at sign-up and sign-in. */
  jwtSecret: string;
}
