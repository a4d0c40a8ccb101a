import DataLoader from 'dataloader';
import type { BaseContext } from '@cameo/kernel/context';
import { checkConsent, type ConsentCheck, type ConsentOutcome } from './consent-service';
import type { UsersDb } from './db';
import type { SessionRevoked } from '@cameo/kernel/session-token';
import type { ObjectStorage } from '@cameo/kernel/object-storage/object-storage';
import type { UploadUrlSigner } from './uploads/upload-urls';
import type { SignInThrottle } from './sign-in-throttle';

export interface UsersContext extends BaseContext {
  db: UsersDb;
  /** Signs session tokens at sign-up and sign-in. */
  jwtSecret: string;
  /** Signs each cameo's recording upload URL for its owner. */
  uploadUrls: UploadUrlSigner;
  /** Where recordings are stored (deleting a cameo purges its recording). */
  storage: ObjectStorage;
  /** Slows password guessing per handle and per client address (every transport reaches signIn here). */
  signInThrottle: SignInThrottle;
  /** Recordings an account may send to verification in 24 hours (verification/recording-attempts.ts). */
  recordingsPerDay: number;
  /** Tells every gateway, after the commit, that sessions of an account ended (session.revoked). */
  announceSessionsEnded: (message: SessionRevoked) => Promise<void>;
  /** Consent of (cameo, user) pairs, batched per request; reads only, records nothing. */
  consent: DataLoader<ConsentCheck, ConsentOutcome, string>;
}

export function buildUsersContext(
  base: BaseContext,
  services: Pick<
    UsersContext,
    'db' | 'jwtSecret' | 'uploadUrls' | 'storage' | 'announceSessionsEnded' | 'signInThrottle' | 'recordingsPerDay'
  >,
): UsersContext {
  return {
    ...base,
    ...services,
    consent: new DataLoader((checks: readonly ConsentCheck[]) => checkConsent(services.db, [...checks], { record: false }), {
      cacheKeyFn: (check) => `${check.cameoId}:${check.userId}`,
    }),
  };
}
