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
    UPLOAD_URL_SECRET: real(6),
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
