import { ConfigError, readEntityCacheTtlSeconds } from '../src/env';

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
