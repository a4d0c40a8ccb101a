import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ALL_KEY_PURPOSES,
  ConfigError,
  PLACEHOLDERS,
  readAdminPort,
  readCommonEnv,
  readGatewayHost,
  readHost,
  readEntityCacheTtlSeconds,
  readKeys,
  readGenerationsEnv,
  readLogLevel,
  readTelemetryEnv,
  readWorkerPort,
  validateEnv,
} from '../src/env';

describe('ENTITY_CACHE_TTL_SECONDS', () => {
  it('defaults to 60 s, takes whole seconds and 0 for off', () => {
    expect(readEntityCacheTtlSeconds({})).toBe(60);
    expect(readEntityCacheTtlSeconds({ ENTITY_CACHE_TTL_SECONDS: '' })).toBe(60);
    expect(readEntityCacheTtlSeconds({ ENTITY_CACHE_TTL_SECONDS: '5' })).toBe(5);
    expect(readEntityCacheTtlSeconds({ ENTITY_CACHE_TTL_SECONDS: '0' })).toBe(0);
  });

  it.each(['-1', '1.5', 'soon', '86401'])('refuses %s with a message naming the variable', (value) => {
    expect(() => readEntityCacheTtlSeconds({ ENTITY_CACHE_TTL_SECONDS: value })).toThrow(ConfigError);
    expect(() => readEntityCacheTtlSeconds({ ENTITY_CACHE_TTL_SECONDS: value })).toThrow(/ENTITY_CACHE_TTL_SECONDS/);
  });
});

describe('keys per purpose in production', () => {
  const real = (n: number) => `a-real-secret-of-enough-length-number-${n}`;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const good = {
    NODE_ENV: 'production',
    JWT_SECRET: real(1),
    INTERNAL_CALL_SECRET: real(2),
    CURSOR_SECRET: real(3),
    MANIFEST_SECRET: real(4),
    ASSET_URL_SECRET: real(5),
    GATEWAY_PROOF_PRIVATE_KEY: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    GATEWAY_PROOF_PUBLIC_KEY: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };

  it('accepts real, distinct values (PEM or base64 DER keys)', () => {
    expect(readCommonEnv(good).jwtSecret).toBe(real(1));
    const keys = readKeys(ALL_KEY_PURPOSES, good);
    expect(keys.gatewayProofPublicKey.equals(publicKey)).toBe(true);
    expect(keys.gatewayProofPrivateKey.equals(privateKey)).toBe(true);
  });

  it('refuses the dev defaults, the .env.example placeholders and repeats, naming every bad variable at once', () => {
    const dev = readKeys(ALL_KEY_PURPOSES, { NODE_ENV: 'test' });
    const bad = {
      ...good,
      JWT_SECRET: 'replace-with-32-or-more-random-characters',
      CURSOR_SECRET: 'dev-only-cursor-secret-change-me-please',
      MANIFEST_SECRET: real(2),
      GATEWAY_PROOF_PUBLIC_KEY: dev.gatewayProofPublicKey.export({ format: 'pem', type: 'spki' }).toString(),
    };
    const error = (() => {
      try {
        readKeys(ALL_KEY_PURPOSES, bad);
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    for (const name of [
      'JWT_SECRET',
      'CURSOR_SECRET',
      'MANIFEST_SECRET has the same value as INTERNAL_CALL_SECRET',
      'GATEWAY_PROOF_PUBLIC_KEY',
    ]) {
      expect(error!.message).toContain(name);
    }
    expect(() => readCommonEnv(bad)).toThrow(/JWT_SECRET.*CURSOR_SECRET/);
  });

  it('refuses every .env.example placeholder', () => {
    const example = readFileSync(path.join(__dirname, '../../../.env.example'), 'utf8');
    const placeholders = [...example.matchAll(/^(\w+)=(replace-with-\S+)$/gm)];
    expect(placeholders.length).toBeGreaterThanOrEqual(7);
    for (const [, name, value] of placeholders) {
      expect(PLACEHOLDERS.has(value!)).toBe(true);
      expect(() => readKeys(ALL_KEY_PURPOSES, { ...good, [name!]: value })).toThrow(new RegExp(`${name} is a published placeholder`));
    }
  });

  it('requires every key a process asks for, and only those', () => {
    expect(() => readKeys(['cursorSecret'], { NODE_ENV: 'production', JWT_SECRET: real(1) })).toThrow(/CURSOR_SECRET is required/);
    expect(readKeys(['cursorSecret'], { NODE_ENV: 'production', JWT_SECRET: real(1), CURSOR_SECRET: real(3) })).toEqual({
      cursorSecret: real(3),
    });
  });
});

describe('where servers listen', () => {
  it('binds loopback unless HOST or GATEWAY_HOST say otherwise', () => {
    expect(readHost({})).toBe('127.0.0.1');
    expect(readGatewayHost({})).toBe('127.0.0.1');
    expect(readGatewayHost({ HOST: '0.0.0.0' })).toBe('0.0.0.0');
    expect(readGatewayHost({ HOST: '0.0.0.0', GATEWAY_HOST: '127.0.0.1' })).toBe('127.0.0.1');
  });

  it('moves /metrics and /readyz to ADMIN_PORT in production only', () => {
    expect(readAdminPort({})).toBeUndefined();
    expect(readAdminPort({ NODE_ENV: 'production' })).toBe(9090);
    expect(readAdminPort({ NODE_ENV: 'production', ADMIN_PORT: '9100' })).toBe(9100);
  });
});

describe('every bad variable at once', () => {
  it('names all three bad variables of a reader in one ConfigError, echoing values but never secrets', () => {
    const error = (() => {
      try {
        readGenerationsEnv({ GENERATIONS_FREE_DAILY_QUOTA: 'lots', GENERATIONS_MAX_CAMEOS: '0', VIDEO_MODEL: 'sora' });
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.message).toContain('GENERATIONS_FREE_DAILY_QUOTA must be a whole number >= 1 (got "lots")');
    expect(error!.message).toContain('GENERATIONS_MAX_CAMEOS must be a whole number >= 1 (got "0")');
    expect(error!.message).toContain('VIDEO_MODEL must be local or openai (got "sora")');
  });

  it('validates every variable the platform reads in one pass (what entry points run first)', () => {
    expect(() => validateEnv({})).not.toThrow();
    const bad = {
      GATEWAY_PORT: '70000',
      REDIS_URL: 'not a url',
      LOG_LEVEL: 'loud',
      FEED_URL: 'nope',
      INTERNAL_CALL_SECRET: 'short-secret',
    };
    let message = '';
    try {
      validateEnv(bad);
    } catch (caught) {
      expect(caught).toBeInstanceOf(ConfigError);
      message = (caught as Error).message;
    }
    for (const name of Object.keys(bad)) expect(message).toContain(name);
    expect(message).not.toContain('short-secret');
  });

  it('keeps the rules that join two variables', () => {
    expect(() => readCommonEnv({ EVENT_TRANSPORT: 'redis' })).toThrow(/EVENT_TRANSPORT=redis needs REDIS_URL/);
    expect(() => readGenerationsEnv({ VIDEO_MODEL: 'openai' })).toThrow(/OPENAI_API_KEY is required when VIDEO_MODEL=openai/);
    expect(readGenerationsEnv({ VIDEO_MODEL: 'openai', OPENAI_API_KEY: 'sk-test' }).videoModel).toBe('openai');
  });
});

describe('logs, traces and the worker port', () => {
  it('reads LOG_LEVEL (quiet by default under test), OTEL_* and WORKER_PORT', () => {
    expect(readLogLevel({})).toBe('info');
    expect(readLogLevel({ NODE_ENV: 'test' })).toBe('warn');
    expect(readLogLevel({ NODE_ENV: 'test', LOG_LEVEL: 'debug' })).toBe('debug');
    expect(readTelemetryEnv({})).toEqual({ disabled: false, serviceName: undefined, tracesExporters: [] });
    expect(readTelemetryEnv({ OTEL_TRACES_EXPORTER: 'otlp, console', OTEL_SERVICE_NAME: 'edge', OTEL_SDK_DISABLED: 'true' })).toEqual({
      disabled: true,
      serviceName: 'edge',
      tracesExporters: ['otlp', 'console'],
    });
    expect(() => readTelemetryEnv({ OTEL_TRACES_EXPORTER: 'jaeger', OTEL_EXPORTER_OTLP_PROTOCOL: 'carrier-pigeon' })).toThrow(
      /OTEL_TRACES_EXPORTER.*OTEL_EXPORTER_OTLP_PROTOCOL/,
    );
    expect(readWorkerPort({})).toBe(4005);
    expect(readWorkerPort({ WORKER_PORT: '0' })).toBe(0);
  });
});
