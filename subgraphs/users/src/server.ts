import type { SubgraphStartOptions } from '@cameo/kernel/subgraph-options';
import type { PlatformKeys } from '@cameo/kernel/env';
import { createLogger } from '@cameo/kernel/logger';
import { databaseCheck } from '@cameo/kernel/readiness';
import { serveSubgraph, type RunningServer } from '@cameo/kernel/serve';
import { buildUsersContext } from './context';
import { createDb } from './db';
import { mountInternalRoutes } from './internal-routes';
import { transportForSubgraph } from '@cameo/kernel/event-transport';
import { schema } from './schema';
import { startSocialProjection } from './social-projection';
import type { CameoVerifier } from './verification/verifier';
import { chooseVerifier } from './verification/choose-verifier';
import { startVerificationRunner, type VerificationRunnerOptions } from './verification/runner';
import { createUploadUrlSigner } from './uploads/upload-urls';
import { mountUploadRoute, recordingUploadStore } from './uploads/upload-route';
import { readCameoVerifierEnv, readObjectStorageEnv, type ObjectStorageEnv } from '@cameo/kernel/env';
import { createObjectStorage } from '@cameo/kernel/object-storage/from-env';
import { createPubSub, type PubSub } from '@cameo/kernel/pubsub';
import { announceSessionsEnded } from './sessions';
import { currentCost } from './passwords';
import { createSignInThrottle, type SignInThrottleOptions } from './sign-in-throttle';
import { RECORDINGS_PER_DAY } from './verification/recording-attempts';

export interface StartUsersOptions extends SubgraphStartOptions {
  jwtSecret: string;
  /** Verifies gateway proofs (public key only) and internal service tokens. */
  keys: Pick<PlatformKeys, 'gatewayProofPublicKey' | 'internalCallSecret' | 'uploadUrlSecret'>;
  /** Where recordings are stored (OBJECT_STORAGE, ASSETS_DIR, S3_*). Default: the folder .cameo/assets. */
  objectStorage?: ObjectStorageEnv;
  /** Default: the one CAMEO_VERIFIER names (see chooseVerifier), read from process.env. */
  verifier?: CameoVerifier;
  /** The verification runner's timing (tests shorten the lease). */
  verificationRunner?: VerificationRunnerOptions;
  /**
   * The live bus on which `session.revoked` goes to the gateways. Default: createPubSub(redisUrl)
   * — Redis pub/sub, or an in-process bus of its own that no gateway hears, so a process running
   * users and a gateway together without Redis (npm start) must pass the gateway's bus here.
   */
  pubsub?: PubSub;
  /** Sign-in throttle limits (see SignInThrottleOptions for defaults); its counters use redisUrl. */
  signInThrottle?: Omit<SignInThrottleOptions, 'redisUrl' | 'prefix'>;
  /** Recordings an account may send to verification in 24 hours. Default: RECORDINGS_PER_DAY (5). */
  recordingsPerDay?: number;
}

/** Starts the users subgraph; the caller owns the returned server's lifetime. */
export async function start(options: StartUsersOptions): Promise<RunningServer> {
  const logger = createLogger('users');
  currentCost(); // a bad PASSWORD_HASH_COST fails here, not at the first sign-up
  const signInThrottle = createSignInThrottle({ ...options.signInThrottle, redisUrl: options.redisUrl, prefix: options.eventNamespace });
  const db = createDb(options.databaseUrl, options.db);
  const pubsub = options.pubsub ?? createPubSub(options.redisUrl);
  const verifier = options.verifier ?? chooseVerifier(readCameoVerifierEnv(), logger);
  const objectStorage = options.objectStorage ?? readObjectStorageEnv({});
  const storage = createObjectStorage(objectStorage);
  const uploadUrls = createUploadUrlSigner(options.keys.uploadUrlSecret);
  const recordingsPerDay = options.recordingsPerDay ?? RECORDINGS_PER_DAY;
  let stopUploads = () => {};
  const verification = startVerificationRunner({ db, storage, verifier, logger }, options.verificationRunner);
  const events = transportForSubgraph('users', db, options, (error) =>
    logger.error(`events: ${error instanceof Error ? error.message : String(error)}`),
  );
  events.startRelay(db);
  startSocialProjection(db, events);
  const server = await serveSubgraph({
    name: 'users',
    schema,
    start: options,
    logger,
    readiness: [databaseCheck(() => db.$queryRaw`SELECT 1`)],
    routes: (app) => {
      mountInternalRoutes(app, db, options.keys.internalCallSecret);
      const store = recordingUploadStore(objectStorage);
      mountUploadRoute(
        app,
        { db, storage, store, signer: uploadUrls, logger, recordingsPerDay, onFinished: verification.kick },
        (stop) => (stopUploads = stop),
      );
    },
    buildContext: (base) =>
      buildUsersContext(base, {
        db,
        jwtSecret: options.jwtSecret,
        uploadUrls,
        storage,
        signInThrottle,
        recordingsPerDay,
        announceSessionsEnded: (message) => announceSessionsEnded(pubsub, logger, message),
      }),
  });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await verification.stop();
      stopUploads();
      await events.close();
      await signInThrottle.close();
      if (!options.pubsub) await pubsub.close();
      await db.$disconnect();
    },
  };
}
