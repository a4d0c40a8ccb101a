import { hashPassword, needsRehash, passwordCostLog2, scryptCost, verifyPassword } from '../src/passwords';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery!', stored)).toBe(false);
  });

  it('salts: the same password hashes differently', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('refuses a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('whatever', 'md5$abc')).toBe(false);
  });
});

describe('cost', () => {
  it('is N=2^17 by default; PASSWORD_HASH_COST only counts in tests and stops production', () => {
    expect(passwordCostLog2({})).toBe(17);
    expect(passwordCostLog2({ NODE_ENV: 'production' })).toBe(17);
    expect(passwordCostLog2({ NODE_ENV: 'test', PASSWORD_HASH_COST: '14' })).toBe(14);
    expect(passwordCostLog2({ NODE_ENV: 'development', PASSWORD_HASH_COST: '14' })).toBe(17);
    expect(() => passwordCostLog2({ NODE_ENV: 'production', PASSWORD_HASH_COST: '14' })).toThrow(/only for tests/);
    expect(() => passwordCostLog2({ NODE_ENV: 'test', PASSWORD_HASH_COST: '40' })).toThrow(/10-20/);
  });

  it('old-cost hashes still verify and are marked for re-hashing; current ones are not', async () => {
    const old = await hashPassword('correct horse battery', scryptCost(12));
    expect(old).toMatch(/^scrypt\$4096\$8\$1\$/);
    expect(await verifyPassword('correct horse battery', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('correct horse battery'))).toBe(false);
  });

  it('refuses a stored hash naming an absurd cost instead of allocating it', async () => {
    const stored = await hashPassword('pw', scryptCost(12));
    expect(await verifyPassword('pw', stored.replace('$4096$', '$1073741824$'))).toBe(false);
  });
});
