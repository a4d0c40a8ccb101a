/**
 * Typed configuration, read from the environment with zod schemas (env-fields.ts) and failing
 * fast with one message that names every bad variable. Every variable the platform reads is in
 * VARIABLES below (docker-compose.yml and .env.example mirror ENV_VARIABLES;
 * test/contract/compose.test.ts checks they agree).
 */

export type NodeEnv = 'development' | 'test' | 'production';

/** The subgraphs in the order of their default ports (4001, 4002, ...). */
export const SUBGRAPH_NAMES = ['users', 'generations', 'social', 'feed'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export const DEFAULT_GATEWAY_PORT = 4000;
export const DEFAULT_SUBGRAPH_PORTS: Record<SubgraphName, number> = { users: 4001, generations: 4002, social: 4003, feed: 4004 };
export const DEFAULT_WORKER_PORT = 4005;

import { z } from 'zod';
import {
  booleanField,
  boundedIntField,
  enumField,
  listField,
  originsField,
  portField,
  positiveIntField,
  secretField,
  textField,
  urlField,
} from './env-fields';
import { DEV_JWT_SECRET, keysFrom, productionSecretProblems, type KeyPurpose, type PlatformKeys } from './env-keys';

export { ALL_KEY_PURPOSES, PLACEHOLDERS, parseProofKey, type KeyPurpose, type PlatformKeys } from './env-keys';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Source = Record<string, string | undefined>;

const envPrefix = (name: SubgraphName) => name.toUpperCase();

/**
 * Every variable the platform reads, with the kind of value it holds (env-fields.ts). Each
 * reader below parses the variables it needs; validateEnv parses them all at start-up, so one
 * ConfigError names every bad variable at once.
 */
const VARIABLES = {
  NODE_ENV: enumField(['development', 'test', 'production']),
  JWT_SECRET: secretField(),
  GATEWAY_PROOF_PRIVATE_KEY: textField(),
  GATEWAY_PROOF_PUBLIC_KEY: textField(),
  INTERNAL_CALL_SECRET: secretField(),
  CURSOR_SECRET: secretField(),
  MANIFEST_SECRET: secretField(),
  ASSET_URL_SECRET: secretField(),
  DATABASE_URL: urlField(),
  REDIS_URL: urlField(),
  EVENT_TRANSPORT: enumField(['redis', 'postgres']),
  HOST: textField(),
  GATEWAY_HOST: textField(),
  ADMIN_PORT: portField(),
  GATEWAY_PORT: portField(),
  WORKER_PORT: portField(),
  SUBSCRIPTIONS_PER_CONNECTION: positiveIntField(100),
  SUBSCRIPTIONS_PER_USER: positiveIntField(200),
  SUBSCRIPTIONS_MAX: positiveIntField(50_000),
  WS_CONNECTIONS_PER_ADDRESS: positiveIntField(50),
  SUBSCRIPTION_CLIENT_BUFFER_BYTES: positiveIntField(1024 * 1024),
  FEED_TEEN_DAILY_CAP: positiveIntField(100),
  RATE_LIMIT_USER_PER_MINUTE: positiveIntField(600),
  RATE_LIMIT_IP_PER_MINUTE: positiveIntField(1200),
  OPERATIONS_SAFELIST: booleanField(),
  PERSISTED_QUERY_MANIFEST: textField(),
  ENTITY_CACHE_TTL_SECONDS: boundedIntField(0, 86_400, 60, 'must be a whole number of seconds 0-86400'),
  CORS_ORIGINS: originsField(),
  GENERATIONS_FREE_DAILY_QUOTA: positiveIntField(30),
  GENERATIONS_PRO_DAILY_QUOTA: positiveIntField(100),
  GENERATIONS_MAX_CAMEOS: positiveIntField(2),
  ASSETS_DIR: textField(),
  VIDEO_MODEL: enumField(['local', 'openai']),
  OPENAI_BASE_URL: urlField(),
  OPENAI_API_KEY: textField(),
  LOG_LEVEL: enumField(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  OTEL_SDK_DISABLED: booleanField(),
  OTEL_SERVICE_NAME: textField(),
  OTEL_TRACES_EXPORTER: listField(['otlp', 'console', 'none']),
  OTEL_EXPORTER_OTLP_ENDPOINT: urlField(),
  OTEL_EXPORTER_OTLP_PROTOCOL: enumField(['http/protobuf', 'http/json', 'grpc']),
};
type Variable = keyof typeof VARIABLES;
type Values<K extends Variable> = { [P in K]: z.output<(typeof VARIABLES)[P]> };

/** `USERS_PORT` and `USERS_URL` for each subgraph. */
const SUBGRAPH_VARIABLES: Record<string, z.ZodType> = Object.fromEntries(
  SUBGRAPH_NAMES.flatMap((name) => [
    [`${envPrefix(name)}_PORT`, portField()],
    [`${envPrefix(name)}_URL`, urlField()],
  ]),
);

/** The names of every variable the platform reads (.env.example and docker-compose.yml list them). */
export const ENV_VARIABLES: readonly string[] = [...Object.keys(VARIABLES), ...Object.keys(SUBGRAPH_VARIABLES)];

/** Values that must not be echoed into an error message. */
const SECRET_VARIABLES = new Set<string>([
  'JWT_SECRET',
  'GATEWAY_PROOF_PRIVATE_KEY',
  'INTERNAL_CALL_SECRET',
  'CURSOR_SECRET',
  'MANIFEST_SECRET',
  'ASSET_URL_SECRET',
  'OPENAI_API_KEY',
]);

/** "NAME must be ... (got "value")" for each issue zod found, secrets never echoed. */
function describe(issues: readonly z.core.$ZodIssue[], source: Source): string[] {
  return issues.map((issue) => {
    const name = String(issue.path[0]);
    const raw = source[name];
    const echo = SECRET_VARIABLES.has(name) || issue.message.includes('(got ') ? '' : ` (got "${raw}")`;
    return `${name} ${issue.message}${echo}`;
  });
}

/** Throws one ConfigError naming every problem, or returns. */
function refuseIfAny(problems: readonly string[]): void {
  if (problems.length > 0) throw new ConfigError(`refusing to start: ${[...new Set(problems)].join('; ')}`);
}

/** Parses `shape` from `source`, collecting what is wrong into `problems` instead of throwing. */
function parseInto<T>(shape: Record<string, z.ZodType>, source: Source, problems: string[]): T {
  const result = z.object(shape).safeParse(source);
  if (result.success) return result.data as T;
  problems.push(...describe(result.error.issues, source));
  return {} as T;
}

/** The named variables, parsed; every bad one is named in one ConfigError. */
function read<K extends Variable>(source: Source, names: readonly K[], extra: (values: Values<K>) => string[] = () => []): Values<K> {
  const problems: string[] = [];
  const shape = Object.fromEntries(names.map((name) => [name, VARIABLES[name]]));
  const values = parseInto<Values<K>>(shape, source, problems);
  if (problems.length === 0) problems.push(...extra(values));
  refuseIfAny(problems);
  return values;
}

function nodeEnv(source: Source): NodeEnv {
  return read(source, ['NODE_ENV']).NODE_ENV ?? 'development';
}

/** NODE_ENV: development (default), test or production. */
export const readNodeEnv = (source: Source = process.env): NodeEnv => nodeEnv(source);

/** Rules that join two variables. */
function crossProblems(values: Partial<Values<Variable>>): string[] {
  const problems: string[] = [];
  if (values.EVENT_TRANSPORT === 'redis' && !values.REDIS_URL) problems.push('EVENT_TRANSPORT=redis needs REDIS_URL');
  if (values.VIDEO_MODEL === 'openai' && !values.OPENAI_API_KEY) problems.push('OPENAI_API_KEY is required when VIDEO_MODEL=openai');
  return problems;
}

/**
 * Checks every variable the platform reads, at once: entry points call it first (runUntilSignal)
 * so that an operator sees all that is wrong in one message, not one variable per restart.
 * Whether a process's own keys are present is its readKeys call's business.
 */
export function validateEnv(source: Source = process.env): void {
  const problems: string[] = [];
  const values = parseInto<Values<Variable>>({ ...VARIABLES, ...SUBGRAPH_VARIABLES }, source, problems);
  problems.push(...crossProblems(values));
  if (values.NODE_ENV === 'production') problems.push(...productionSecretProblems(source));
  refuseIfAny(problems);
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

export function readCommonEnv(source: Source = process.env): CommonEnv {
  const values = read(source, ['NODE_ENV', 'JWT_SECRET', 'DATABASE_URL', 'REDIS_URL', 'EVENT_TRANSPORT'], (values) => [
    ...crossProblems(values),
    ...(values.NODE_ENV === 'production' ? productionSecretProblems(source) : []),
  ]);
  return {
    nodeEnv: values.NODE_ENV ?? 'development',
    jwtSecret: values.JWT_SECRET ?? DEV_JWT_SECRET,
    databaseUrl: values.DATABASE_URL,
    redisUrl: values.REDIS_URL,
    eventTransport: values.EVENT_TRANSPORT,
  };
}

/**
 * Reads the keys for the given purposes (env-keys.ts). In production each must be set, must not
 * be a published placeholder, and no two purposes (nor JWT_SECRET) may share a value; every bad
 * variable is named in one ConfigError.
 */
export function readKeys<P extends KeyPurpose>(purposes: readonly P[], source: Source = process.env): Pick<PlatformKeys, P> {
  const { keys, problems } = keysFrom(purposes, source, nodeEnv(source));
  refuseIfAny(problems);
  return keys;
}

/** `HOST`: the interface every server binds. Default: 127.0.0.1 (containers set 0.0.0.0). */
export function readHost(source: Source = process.env): string {
  return read(source, ['HOST']).HOST ?? '127.0.0.1';
}

/** `GATEWAY_HOST`: the interface the gateway binds. Default: HOST. */
export function readGatewayHost(source: Source = process.env): string {
  return read(source, ['GATEWAY_HOST']).GATEWAY_HOST ?? readHost(source);
}

/**
 * `ADMIN_PORT`: where the gateway serves /metrics and /readyz in production, apart from the
 * public port. Default: 9090 in production; unset elsewhere (they stay on the main port).
 */
export function readAdminPort(source: Source = process.env): number | undefined {
  const { NODE_ENV, ADMIN_PORT } = read(source, ['NODE_ENV', 'ADMIN_PORT']);
  return ADMIN_PORT ?? (NODE_ENV === 'production' ? 9090 : undefined);
}

/**
 * `WORKER_PORT`: where a worker process serves /metrics, /healthz and /readyz. Default: 4005.
 * (`npm start` runs its worker inside the platform process, which the other endpoints cover.)
 */
export function readWorkerPort(source: Source = process.env): number {
  return read(source, ['WORKER_PORT']).WORKER_PORT ?? DEFAULT_WORKER_PORT;
}

/** `USERS_PORT`: the port a subgraph listens on. Default: 4001 for users, and so on. */
export function readSubgraphPort(name: SubgraphName, source: Source = process.env): number {
  const variable = `${envPrefix(name)}_PORT`;
  const problems: string[] = [];
  const values = parseInto<Record<string, number | undefined>>({ [variable]: SUBGRAPH_VARIABLES[variable]! }, source, problems);
  refuseIfAny(problems);
  return values[variable] ?? DEFAULT_SUBGRAPH_PORTS[name];
}

/** `USERS_URL`: where the gateway reaches a subgraph. Default: http://127.0.0.1:<its port>/graphql. */
export function readSubgraphUrl(name: SubgraphName, source: Source = process.env): string {
  const variable = `${envPrefix(name)}_URL`;
  const problems: string[] = [];
  const values = parseInto<Record<string, string | undefined>>({ [variable]: SUBGRAPH_VARIABLES[variable]! }, source, problems);
  refuseIfAny(problems);
  return values[variable] ?? `http://127.0.0.1:${readSubgraphPort(name, source)}/graphql`;
}

/** `GATEWAY_PORT`: the gateway's port. Default: 4000. */
export function readGatewayPort(source: Source = process.env): number {
  return read(source, ['GATEWAY_PORT']).GATEWAY_PORT ?? DEFAULT_GATEWAY_PORT;
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
  const values = read(source, [
    'SUBSCRIPTIONS_PER_CONNECTION',
    'SUBSCRIPTIONS_PER_USER',
    'SUBSCRIPTIONS_MAX',
    'WS_CONNECTIONS_PER_ADDRESS',
    'SUBSCRIPTION_CLIENT_BUFFER_BYTES',
  ]);
  return {
    perConnection: values.SUBSCRIPTIONS_PER_CONNECTION,
    perUser: values.SUBSCRIPTIONS_PER_USER,
    total: values.SUBSCRIPTIONS_MAX,
    perAddress: values.WS_CONNECTIONS_PER_ADDRESS,
    clientBufferBytes: values.SUBSCRIPTION_CLIENT_BUFFER_BYTES,
  };
}

/** Settings of the feed subgraph. */
export interface FeedEnv {
  /** FEED_TEEN_DAILY_CAP: feed items a teen account may be served per day. Default: 100. */
  teenDailyCap: number;
}

export function readFeedEnv(source: Source = process.env): FeedEnv {
  return { teenDailyCap: read(source, ['FEED_TEEN_DAILY_CAP']).FEED_TEEN_DAILY_CAP };
}

/** RATE_LIMIT_USER_PER_MINUTE and RATE_LIMIT_IP_PER_MINUTE: requests per minute (defaults 600 and 1200). */
export function readRateLimits(source: Source = process.env) {
  const values = read(source, ['RATE_LIMIT_USER_PER_MINUTE', 'RATE_LIMIT_IP_PER_MINUTE']);
  return { perUserPerMinute: values.RATE_LIMIT_USER_PER_MINUTE, perIpPerMinute: values.RATE_LIMIT_IP_PER_MINUTE };
}

/** OPERATIONS_SAFELIST: `true` runs only the operations registered in clients/operations. Default: false. */
export function readSafelist(source: Source = process.env): boolean {
  return read(source, ['OPERATIONS_SAFELIST']).OPERATIONS_SAFELIST ?? false;
}

/**
 * PERSISTED_QUERY_MANIFEST: the Apollo persisted-query manifest of the registered operations.
 * Default: the committed clients/operations/persisted-query-manifest.json.
 */
export function readPersistedQueryManifest(source: Source = process.env): string | undefined {
  return read(source, ['PERSISTED_QUERY_MANIFEST']).PERSISTED_QUERY_MANIFEST;
}

/**
 * ENTITY_CACHE_TTL_SECONDS: how long the gateway keeps users' public entity fields (handles,
 * names) between requests; 0 turns the cache off. It is on only with REDIS_URL, where it hears
 * the events that invalidate it. Default: 60.
 */
export function readEntityCacheTtlSeconds(source: Source = process.env): number {
  return read(source, ['ENTITY_CACHE_TTL_SECONDS']).ENTITY_CACHE_TTL_SECONDS;
}

/** LOG_LEVEL: pino's level (fatal ... trace, or silent). Default: info; warn under NODE_ENV=test. */
export function readLogLevel(source: Source = process.env): string {
  const { NODE_ENV, LOG_LEVEL } = read(source, ['NODE_ENV', 'LOG_LEVEL']);
  return LOG_LEVEL ?? (NODE_ENV === 'test' ? 'warn' : 'info');
}

/** OpenTelemetry settings we act on; the SDK reads the other OTEL_* variables itself. */
export interface TelemetryEnv {
  /** OTEL_SDK_DISABLED=true: no SDK at all (no spans, no trace context sent on). Default: false. */
  disabled: boolean;
  /** OTEL_SERVICE_NAME: overrides the process's own service.name. */
  serviceName: string | undefined;
  /**
   * OTEL_TRACES_EXPORTER: otlp, console or none (comma-separated for several). Default: none —
   * unlike the SDK's own default (otlp), so a laptop without a collector logs no export errors.
   */
  tracesExporters: ('otlp' | 'console')[];
}

/** OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_EXPORTER_OTLP_PROTOCOL are validated here and read by the exporter. */
export function readTelemetryEnv(source: Source = process.env): TelemetryEnv {
  const values = read(source, [
    'OTEL_SDK_DISABLED',
    'OTEL_SERVICE_NAME',
    'OTEL_TRACES_EXPORTER',
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    'OTEL_EXPORTER_OTLP_PROTOCOL',
  ]);
  const exporters = values.OTEL_TRACES_EXPORTER ?? [];
  return {
    disabled: values.OTEL_SDK_DISABLED ?? false,
    serviceName: values.OTEL_SERVICE_NAME,
    tracesExporters: exporters.includes('none') ? [] : [...new Set(exporters.filter((name) => name !== 'none'))],
  };
}

/** CORS_ORIGINS: comma-separated browser origins allowed to call the gateway. Default: none. */
export function readCorsOrigins(source: Source = process.env): string[] {
  return read(source, ['CORS_ORIGINS']).CORS_ORIGINS ?? [];
}

/** Requires DATABASE_URL: subgraph processes started on their own have no embedded fallback. */
export function requireDatabaseUrl(env: CommonEnv): string {
  if (!env.databaseUrl) throw new ConfigError('DATABASE_URL is required (npm start provides an embedded one)');
  return env.databaseUrl;
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
  const values = read(
    source,
    [
      'GENERATIONS_FREE_DAILY_QUOTA',
      'GENERATIONS_PRO_DAILY_QUOTA',
      'GENERATIONS_MAX_CAMEOS',
      'ASSETS_DIR',
      'VIDEO_MODEL',
      'OPENAI_BASE_URL',
      'OPENAI_API_KEY',
    ],
    crossProblems,
  );
  return {
    freeDailyQuota: values.GENERATIONS_FREE_DAILY_QUOTA,
    proDailyQuota: values.GENERATIONS_PRO_DAILY_QUOTA,
    maxCameos: values.GENERATIONS_MAX_CAMEOS,
    assetsDir: values.ASSETS_DIR ?? '.cameo/assets',
    videoModel: values.VIDEO_MODEL ?? 'local',
    openAiBaseUrl: values.OPENAI_BASE_URL ?? 'https://api.openai.com/v1',
    openAiApiKey: values.OPENAI_API_KEY,
  };
}
