import DataLoader from 'dataloader';
import type { BaseContext } from '@cameo/kernel/context';
import { checkConsent, type ConsentCheck, type ConsentOutcome } from './consent-service';
import type { UsersDb } from './db';
import type { SessionRevoked } from '@cameo/kernel/session-token';
import type { CameoVerifier } from './verifier';
import type { SignInThrottle } from './sign-in-throttle';

export interface UsersContext extends BaseContext {
  db: UsersDb;
  /** Signs session tokens at sign-up and sign-in. */
  jwtSecret: string;
  verifier: CameoVerifier;
  /** Slows password guessing per handle and per client address (every transport reaches signIn here). */
  signInThrottle: SignInThrottle;
  /** Tells every gateway, after the commit, that sessions of an account ended (session.revoked). */
  announceSessionsEnded: (message: SessionRevoked) => Promise<void>;
  /** Consent of (cameo, user) pairs, batched per request; reads only, records nothing. */
  consent: DataLoader<ConsentCheck, ConsentOutcome, string>;
}

export function buildUsersContext(
  base: BaseContext,
  services: Pick<UsersContext, 'db' | 'jwtSecret' | 'verifier' | 'announceSessionsEnded' | 'signInThrottle'>,
): UsersContext {
  return {
    ...base,
    ...services,
    consent: new DataLoader((checks: readonly ConsentCheck[]) => checkConsent(services.db, [...checks], { record: false }), {
      cacheKeyFn: (check) => `${check.cameoId}:${check.userId}`,
    }),
  };
}
