/**
 * Typed configuration, read once from the environment and failing fast with a clear message.
 * Every variable the platform reads is named here (docker-compose.yml and .env.example mirror
 * this list; test/contract/compose.test.ts checks they agree).
 */

export type NodeEnv = 'development' | 'test' | 'production';

/** The subgraphs in the order of their default ports (4001, 4002, ...). */
export const SUBGRAPH_NAMES = ['users', 'generations', 'social', 'feed'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export const DEFAULT_GATEWAY_PORT = 4000;
export const DEFAULT_SUBGRAPH_PORTS: Record<SubgraphName, number> = { users: 4001, generations: 4002, social: 4003, feed: 4004 };

import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

// Only for development and tests: production refuses to start with any of these (see PLACEHOLDERS).
const DEV_JWT_SECRET = 'dev-only-session-secret-change-me';
const DEV_SECRETS = {
  INTERNAL_CALL_SECRET: 'dev-only-internal-call-secret-change-me',
  CURSOR_SECRET: 'dev-only-cursor-secret-change-me-please',
  MANIFEST_SECRET: 'dev-only-manifest-secret-change-me-please',
  ASSET_URL_SECRET: 'dev-only-asset-url-secret-change-me-please',
} as const;
// Ed25519 PKCS#8 DER is this prefix and the 32-byte seed: a fixed seed gives every dev process
// (npm start, tests, bench children) the same key pair without passing keys around.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const DEV_PROOF_SEED = createHash('sha256').update('cameo-dev-only-gateway-proof-key').digest();
const DEV_PROOF_PRIVATE_KEY = createPrivateKey({
  key: Buffer.concat([ED25519_PKCS8_PREFIX, DEV_PROOF_SEED]),
  format: 'der',
  type: 'pkcs8',
});
const DEV_PROOF_PUBLIC_KEY = createPublicKey(DEV_PROOF_PRIVATE_KEY);

/**
 * Values production refuses: the dev defaults above and the placeholders of .env.example
 * (test/contract/compose.test.ts keeps the two lists in step).
 */
export const PLACEHOLDERS: ReadonlySet<string> = new Set([
  DEV_JWT_SECRET,
  ...Object.values(DEV_SECRETS),
  'dev-only-gateway-secret-change-me',
  'replace-with-32-or-more-random-characters',
  'replace-with-another-32-or-more-random-characters',
  'replace-with-a-third-32-or-more-random-characters',
  'replace-with-a-fourth-32-or-more-random-characters',
  'replace-with-a-fifth-32-or-more-random-characters',
  'replace-with-the-gateway-proof-private-key-pem-or-base64-der',
  'replace-with-the-gateway-proof-public-key-pem-or-base64-der',
]);

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Source = Record<string, string | undefined>;

function nodeEnv(source: Source): NodeEnv {
  const value = source.NODE_ENV ?? 'development';
  if (value !== 'development' && value !== 'test' && value !== 'production') {
    throw new ConfigError(`NODE_ENV must be development, test or production (got "${value}")`);
  }
  return value;
}

function port(source: Source, name: string, fallback: number): number {
  const raw = source[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(`${name} must be a port number 0-65535 (got "${raw}")`);
  }
  return value;
}

function secret(source: Source, name: string, env: NodeEnv, devDefault: string): string {
  const value = source[name];
  if (value) {
    if (value.length < 32) throw new ConfigError(`${name} must be at least 32 characters`);
    return value;
  }
  if (env === 'production') throw new ConfigError(`${name} is required in production`);
  return devDefault;
}

function url(source: Source, name: string): string | undefined {
  const value = source[name];
  if (value === undefined || value === '') return undefined;
  try {
    new URL(value);
  } catch {
    throw new ConfigError(`${name} must be a URL (got "${value}")`);
  }
  return value;
}

/** Settings shared by every process of the platform. */
export interface CommonEnv {
  nodeEnv: NodeEnv;
  /** Signs and verifies viewers' session tokens (JWT, HS256). Default: a dev-only secret. */
  jwtSecret: string;
  /** PostgreSQL connection string. Default: none (`npm start` then runs an embedded Postgres). */
  databaseUrl: string | undefined;
  /** Redis connection string. Default: none (in-process pub/sub, events on PostgreSQL). */
  redisUrl: string | undefined;
  /**
   * EVENT_TRANSPORT: how domain events travel between subgraphs, `redis` (streams) or `postgres`
   * (the outbox tables). Default: redis when REDIS_URL is set, else postgres.
   */
  eventTransport: 'redis' | 'postgres' | undefined;
}

function eventTransport(source: Source, redisUrl: string | undefined): 'redis' | 'postgres' | undefined {
  const value = source.EVENT_TRANSPORT;
  if (value === undefined || value === '') return undefined;
  if (value !== 'redis' && value !== 'postgres') throw new ConfigError(`EVENT_TRANSPORT must be redis or postgres (got "${value}")`);
  if (value === 'redis' && !redisUrl) throw new ConfigError('EVENT_TRANSPORT=redis needs REDIS_URL');
  return value;
}

export function readCommonEnv(source: Source = process.env): CommonEnv {
  const env = nodeEnv(source);
  if (env === 'production') {
    const problems = productionSecretProblems(source);
    if (problems.length > 0) throw new ConfigError(`refusing to start: ${problems.join('; ')}`);
  }
  return {
    nodeEnv: env,
    jwtSecret: secret(source, 'JWT_SECRET', env, DEV_JWT_SECRET),
    databaseUrl: url(source, 'DATABASE_URL'),
    redisUrl: url(source, 'REDIS_URL'),
    eventTransport: eventTransport(source, url(source, 'REDIS_URL')),
  };
}

/**
 * The platform's keys, one per purpose, so that a service holds only what its job needs and a
 * leaked key opens one door. Each process asks readKeys for its own (see each index.ts).
 */
export interface PlatformKeys {
  /**
   * GATEWAY_PROOF_PRIVATE_KEY: Ed25519 private key (PEM, or base64 of PKCS#8 DER) with which
   * the gateway signs its proofs. Only the gateway holds it. Default: a dev-only key pair.
   */
  gatewayProofPrivateKey: KeyObject;
  /**
   * GATEWAY_PROOF_PUBLIC_KEY: the matching public key (PEM, or base64 of SPKI DER); subgraphs
   * verify proofs with it and cannot mint one. Default: the dev-only pair's.
   */
  gatewayProofPublicKey: KeyObject;
  /** INTERNAL_CALL_SECRET: signs and verifies service-to-service tokens (internal-call.ts). Default: a dev-only secret. */
  internalCallSecret: string;
  /** CURSOR_SECRET: signs the feed's pagination cursors (feed only). Default: a dev-only secret. */
  cursorSecret: string;
  /** MANIFEST_SECRET: signs provenance manifests (generations' worker). Default: a dev-only secret. */
  manifestSecret: string;
  /** ASSET_URL_SECRET: signs short-lived asset URLs (generations). Default: a dev-only secret. */
  assetUrlSecret: string;
}
export type KeyPurpose = keyof PlatformKeys;
export const ALL_KEY_PURPOSES: readonly KeyPurpose[] = [
  'gatewayProofPrivateKey',
  'gatewayProofPublicKey',
  'internalCallSecret',
  'cursorSecret',
  'manifestSecret',
  'assetUrlSecret',
];

const KEY_VARIABLES: Record<KeyPurpose, string> = {
  gatewayProofPrivateKey: 'GATEWAY_PROOF_PRIVATE_KEY',
  gatewayProofPublicKey: 'GATEWAY_PROOF_PUBLIC_KEY',
  internalCallSecret: 'INTERNAL_CALL_SECRET',
  cursorSecret: 'CURSOR_SECRET',
  manifestSecret: 'MANIFEST_SECRET',
  assetUrlSecret: 'ASSET_URL_SECRET',
};

type SecretPurpose = Exclude<KeyPurpose, 'gatewayProofPrivateKey' | 'gatewayProofPublicKey'>;

/**
 * What production refuses among the secrets that are set: JWT_SECRET missing or short, any
 * published placeholder or dev default, and one value used for two purposes.
 */
function productionSecretProblems(source: Source): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const name of ['JWT_SECRET', ...Object.values(KEY_VARIABLES)]) {
    const value = source[name];
    if (!value) {
      if (name === 'JWT_SECRET') problems.push('JWT_SECRET is required in production');
      continue;
    }
    if (PLACEHOLDERS.has(value)) problems.push(`${name} is a published placeholder`);
    else if (name === 'JWT_SECRET' && value.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
    const twin = seen.get(value);
    if (twin) problems.push(`${name} has the same value as ${twin}`);
    else seen.set(value, name);
  }
  return problems;
}

/** A key from PEM text or base64 DER (PKCS#8 private, SPKI public); must be Ed25519. */
export function parseProofKey(text: string, kind: 'private' | 'public'): KeyObject {
  // PEM in an env file often arrives with its newlines escaped.
  const pem = text.includes('-----BEGIN') ? text.replace(/\\n/g, '\n') : undefined;
  const der = Buffer.from(text, 'base64');
  const key =
    kind === 'private'
      ? createPrivateKey(pem ?? { key: der, format: 'der', type: 'pkcs8' })
      : createPublicKey(pem ?? { key: der, format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 key (${key.asymmetricKeyType})`);
  return key;
}

/**
 * Reads the keys for the given purposes. In production each must be set, must not be a published
 * placeholder, and no two purposes (nor JWT_SECRET) may share a value; every bad variable is
 * named in one ConfigError.
 */
export function readKeys<P extends KeyPurpose>(purposes: readonly P[], source: Source = process.env): Pick<PlatformKeys, P> {
  const env = nodeEnv(source);
  const problems = env === 'production' ? productionSecretProblems(source) : [];
  const keys: Partial<PlatformKeys> = {};
  for (const purpose of purposes) {
    const name = KEY_VARIABLES[purpose];
    const value = source[name];
    if (!value || PLACEHOLDERS.has(value)) {
      // A placeholder in production is already among the problems; elsewhere it means "default".
      if (env === 'production') {
        if (!value) problems.push(`${name} is required in production`);
      } else if (purpose === 'gatewayProofPrivateKey') keys.gatewayProofPrivateKey = DEV_PROOF_PRIVATE_KEY;
      else if (purpose === 'gatewayProofPublicKey') keys.gatewayProofPublicKey = DEV_PROOF_PUBLIC_KEY;
      else keys[purpose as SecretPurpose] = DEV_SECRETS[name as keyof typeof DEV_SECRETS];
      continue;
    }
    if (purpose === 'gatewayProofPrivateKey' || purpose === 'gatewayProofPublicKey') {
      try {
        const key = parseProofKey(value, purpose === 'gatewayProofPrivateKey' ? 'private' : 'public');
        if (env === 'production' && key.equals(purpose === 'gatewayProofPrivateKey' ? DEV_PROOF_PRIVATE_KEY : DEV_PROOF_PUBLIC_KEY)) {
          problems.push(`${name} is the published dev-only key`);
        }
        (keys as Record<string, KeyObject>)[purpose] = key;
      } catch (error) {
        problems.push(`${name} must be an Ed25519 key, PEM or base64 DER (${error instanceof Error ? error.message : String(error)})`);
      }
    } else if (value.length < 32) {
      problems.push(`${name} must be at least 32 characters`);
    } else {
      keys[purpose as SecretPurpose] = value;
    }
  }
  if (problems.length > 0) throw new ConfigError(`refusing to start: ${problems.join('; ')}`);
  return keys as Pick<PlatformKeys, P>;
}

/** `HOST`: the interface every server binds. Default: 127.0.0.1 (containers set 0.0.0.0). */
export function readHost(source: Source = process.env): string {
  return source.HOST || '127.0.0.1';
}

/** `GATEWAY_HOST`: the interface the gateway binds. Default: HOST. */
export function readGatewayHost(source: Source = process.env): string {
  return source.GATEWAY_HOST || readHost(source);
}

/**
 * `ADMIN_PORT`: where the gateway serves /metrics and /readyz in production, apart from the
 * public port. Default: 9090 in production; unset elsewhere (they stay on the main port).
 */
export function readAdminPort(source: Source = process.env): number | undefined {
  const env = nodeEnv(source);
  if (env !== 'production' && !source.ADMIN_PORT) return undefined;
  return port(source, 'ADMIN_PORT', 9090);
}

const envPrefix = (name: SubgraphName) => name.toUpperCase();

/** `USERS_PORT`: the port a subgraph listens on. Default: 4001 for users, and so on. */
export function readSubgraphPort(name: SubgraphName, source: Source = process.env): number {
  return port(source, `${envPrefix(name)}_PORT`, DEFAULT_SUBGRAPH_PORTS[name]);
}

/** `USERS_URL`: where the gateway reaches a subgraph. Default: http://127.0.0.1:<its port>/graphql. */
export function readSubgraphUrl(name: SubgraphName, source: Source = process.env): string {
  return url(source, `${envPrefix(name)}_URL`) ?? `http://127.0.0.1:${readSubgraphPort(name, source)}/graphql`;
}

/** `GATEWAY_PORT`: the gateway's port. Default: 4000. */
export function readGatewayPort(source: Source = process.env): number {
  return port(source, 'GATEWAY_PORT', DEFAULT_GATEWAY_PORT);
}

/** Limits of the gateway's subscriptions (graphql-ws, multipart HTTP and SSE: one budget). */
export interface SubscriptionEnv {
  /** SUBSCRIPTIONS_PER_CONNECTION: operations one WebSocket may have open. Default: 100. */
  perConnection: number;
  /** SUBSCRIPTIONS_PER_USER: operations one signed-in user may have open over all their WebSockets and HTTP streams on one gateway process. Default: 200. */
  perUser: number;
  /** SUBSCRIPTIONS_MAX: client subscriptions one gateway process serves. Default: 50000. */
  total: number;
  /** WS_CONNECTIONS_PER_ADDRESS: WebSockets and HTTP subscription streams one client address may hold open to one gateway process (beyond: HTTP 429). Default: 50. */
  perAddress: number;
  /** SUBSCRIPTION_CLIENT_BUFFER_BYTES: unsent bytes one WebSocket or HTTP stream may hold before it is closed (4008, or a SUBSCRIBER_OVERFLOW error part). Default: 1 MiB. */
  clientBufferBytes: number;
}

export function readSubscriptionEnv(source: Source = process.env): SubscriptionEnv {
  return {
    perConnection: positiveInt(source, 'SUBSCRIPTIONS_PER_CONNECTION', 100),
    perUser: positiveInt(source, 'SUBSCRIPTIONS_PER_USER', 200),
    total: positiveInt(source, 'SUBSCRIPTIONS_MAX', 50_000),
    perAddress: positiveInt(source, 'WS_CONNECTIONS_PER_ADDRESS', 50),
    clientBufferBytes: positiveInt(source, 'SUBSCRIPTION_CLIENT_BUFFER_BYTES', 1024 * 1024),
  };
}

/** Settings of the feed subgraph. */
export interface FeedEnv {
  /** FEED_TEEN_DAILY_CAP: feed items a teen account may be served per day. Default: 100. */
  teenDailyCap: number;
}

export function readFeedEnv(source: Source = process.env): FeedEnv {
  return { teenDailyCap: positiveInt(source, 'FEED_TEEN_DAILY_CAP', 100) };
}

/** RATE_LIMIT_USER_PER_MINUTE and RATE_LIMIT_IP_PER_MINUTE: requests per minute (defaults 600 and 1200). */
export function readRateLimits(source: Source = process.env) {
  return {
    perUserPerMinute: positiveInt(source, 'RATE_LIMIT_USER_PER_MINUTE', 600),
    perIpPerMinute: positiveInt(source, 'RATE_LIMIT_IP_PER_MINUTE', 1200),
  };
}

/** OPERATIONS_SAFELIST: `true` runs only the operations registered in clients/operations. Default: false. */
export function readSafelist(source: Source = process.env): boolean {
  const value = source.OPERATIONS_SAFELIST ?? 'false';
  if (value !== 'true' && value !== 'false') throw new ConfigError(`OPERATIONS_SAFELIST must be true or false (got "${value}")`);
  return value === 'true';
}

/**
 * PERSISTED_QUERY_MANIFEST: the Apollo persisted-query manifest of the registered operations.
 * Default: the committed clients/operations/persisted-query-manifest.json.
 */
export function readPersistedQueryManifest(source: Source = process.env): string | undefined {
  return source.PERSISTED_QUERY_MANIFEST || undefined;
}

/**
 * ENTITY_CACHE_TTL_SECONDS: how long the gateway keeps users' public entity fields (handles,
 * names) between requests; 0 turns the cache off. It is on only with REDIS_URL, where it hears
 * the events that invalidate it. Default: 60.
 */
export function readEntityCacheTtlSeconds(source: Source = process.env): number {
  const raw = source.ENTITY_CACHE_TTL_SECONDS;
  if (raw === undefined || raw === '') return 60;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 86_400)
    throw new ConfigError(`ENTITY_CACHE_TTL_SECONDS must be a whole number of seconds 0-86400 (got "${raw}")`);
  return value;
}

/** OTEL_TRACES_EXPORTER: `console` prints OpenTelemetry spans; `none` (default) exports nothing. */
export function readTracesExporter(source: Source = process.env): 'console' | 'none' {
  const value = source.OTEL_TRACES_EXPORTER || 'none';
  if (value !== 'console' && value !== 'none') throw new ConfigError(`OTEL_TRACES_EXPORTER must be console or none (got "${value}")`);
  return value;
}

/** CORS_ORIGINS: comma-separated browser origins allowed to call the gateway. Default: none. */
export function readCorsOrigins(source: Source = process.env): string[] {
  const raw = source.CORS_ORIGINS ?? '';
  return raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => {
      try {
        return new URL(origin).origin;
      } catch {
        throw new ConfigError(`CORS_ORIGINS must list origins like https://app.example.com (got "${origin}")`);
      }
    });
}

/** Requires DATABASE_URL: subgraph processes started on their own have no embedded fallback. */
export function requireDatabaseUrl(env: CommonEnv): string {
  if (!env.databaseUrl) throw new ConfigError('DATABASE_URL is required (npm start provides an embedded one)');
  return env.databaseUrl;
}

function positiveInt(source: Source, name: string, fallback: number): number {
  const raw = source[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(`${name} must be a whole number >= 1 (got "${raw}")`);
  return value;
}

/** Settings of the generations subgraph and its worker. */
export interface GenerationsEnv {
  /** GENERATIONS_FREE_DAILY_QUOTA: generations per rolling 24 h on the free plan. Default: 30. */
  freeDailyQuota: number;
  /** GENERATIONS_PRO_DAILY_QUOTA: the same on the pro plan. Default: 100. */
  proDailyQuota: number;
  /** GENERATIONS_MAX_CAMEOS: cameos one generation may cast. Default: 2. */
  maxCameos: number;
  /** ASSETS_DIR: where rendered videos and their provenance manifests are stored. Default: .cameo/assets. */
  assetsDir: string;
  /** VIDEO_MODEL: `local` (the built-in GIF renderer) or `openai` (the Videos API). Default: local. */
  videoModel: 'local' | 'openai';
  /** OPENAI_BASE_URL: the Videos API root. Default: https://api.openai.com/v1. */
  openAiBaseUrl: string;
  /** OPENAI_API_KEY: required when VIDEO_MODEL=openai. */
  openAiApiKey: string | undefined;
}

export function readGenerationsEnv(source: Source = process.env): GenerationsEnv {
  return {
    freeDailyQuota: positiveInt(source, 'GENERATIONS_FREE_DAILY_QUOTA', 30),
    proDailyQuota: positiveInt(source, 'GENERATIONS_PRO_DAILY_QUOTA', 100),
    maxCameos: positiveInt(source, 'GENERATIONS_MAX_CAMEOS', 2),
    assetsDir: source.ASSETS_DIR || '.cameo/assets',
    ...videoModel(source),
  };
}

function videoModel(source: Source) {
  const model = source.VIDEO_MODEL || 'local';
  if (model !== 'local' && model !== 'openai') throw new ConfigError(`VIDEO_MODEL must be local or openai (got "${model}")`);
  const openAiApiKey = source.OPENAI_API_KEY || undefined;
  if (model === 'openai' && !openAiApiKey) throw new ConfigError('OPENAI_API_KEY is required when VIDEO_MODEL=openai');
  return { videoModel: model, openAiBaseUrl: url(source, 'OPENAI_BASE_URL') ?? 'https://api.openai.com/v1', openAiApiKey } as const;
}
