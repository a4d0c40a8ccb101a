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

// Only for development and tests: production refuses to start without real secrets.
const DEV_JWT_SECRET = 'dev-only-session-secret-change-me';
const DEV_GATEWAY_SECRET = 'dev-only-gateway-secret-change-me';

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
  /** Signs the gateway's proof that subgraphs require on every request. Default: a dev-only secret. */
  gatewaySecret: string;
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
  return {
    nodeEnv: env,
    jwtSecret: secret(source, 'JWT_SECRET', env, DEV_JWT_SECRET),
    gatewaySecret: secret(source, 'GATEWAY_SECRET', env, DEV_GATEWAY_SECRET),
    databaseUrl: url(source, 'DATABASE_URL'),
    redisUrl: url(source, 'REDIS_URL'),
    eventTransport: eventTransport(source, url(source, 'REDIS_URL')),
  };
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

/** Limits of the gateway's subscriptions (graphql-ws). */
export interface SubscriptionEnv {
  /** SUBSCRIPTIONS_PER_CONNECTION: operations one WebSocket may have open. Default: 100. */
  perConnection: number;
  /** SUBSCRIPTIONS_PER_USER: operations one signed-in user may have open over all their WebSockets on one gateway process. Default: 200. */
  perUser: number;
  /** SUBSCRIPTIONS_MAX: client subscriptions one gateway process serves. Default: 50000. */
  total: number;
  /** WS_CONNECTIONS_PER_ADDRESS: WebSockets one client address may hold open to one gateway process (beyond: HTTP 429 at the upgrade). Default: 50. */
  perAddress: number;
  /** SUBSCRIPTION_CLIENT_BUFFER_BYTES: unsent bytes one WebSocket may hold before it is closed (4008). Default: 1 MiB. */
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
 * ENTITY_CACHE_TTL_SECONDS: how long the gateway keeps users' public entity fields (handles,
 * names) between requests; 0 turns the cache off. It is on only with REDIS_URL, where it hears
 * the events that invalidate it. Default: 60.
 */
export function readEntityCacheTtlSeconds(source: Source = process.env): number {
  const raw = source.ENTITY_CACHE_TTL_SECONDS;
  if (raw === undefined || raw === '') return 60;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 86_400) throw new ConfigError(`ENTITY_CACHE_TTL_SECONDS must be a whole number of seconds 0-86400 (got "${raw}")`);
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
