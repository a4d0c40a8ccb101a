import { decideConsent, policyChangeRevokes, type ConsentFacts, type ConsentPolicy } from '../src/consent';

const OWNER = 'owner';
const OTHER = 'other';
const POLICIES: ConsentPolicy[] = ['ONLY_ME', 'APPROVED', 'MUTUALS', 'EVERYONE'];

type Relationship = 'owner' | 'approved' | 'mutual' | 'stranger' | 'blocked-approved-mutual';
const RELATIONSHIPS: Record<Relationship, Omit<ConsentFacts, 'cameo'>> = {
  owner: { userId: OWNER, userExists: true, granted: false, mutual: false, blocked: false },
  approved: { userId: OTHER, userExists: true, granted: true, mutual: false, blocked: false },
  mutual: { userId: OTHER, userExists: true, granted: false, mutual: true, blocked: false },
  stranger: { userId: OTHER, userExists: true, granted: false, mutual: false, blocked: false },
  'blocked-approved-mutual': { userId: OTHER, userExists: true, granted: true, mutual: true, blocked: true },
};

const verified = (policy: ConsentPolicy, ownerAgeBand: 'TEEN' | 'ADULT' = 'ADULT') =>
  ({ ownerId: OWNER, status: 'VERIFIED', policy, ownerAgeBand }) as const;

/** Expected reason for each policy (rows) x relationship (columns), verified adult cameo. */
const EXPECTED: Record<ConsentPolicy, Record<Relationship, string>> = {
  ONLY_ME: { owner: 'OWNER', approved: 'ONLY_OWNER', mutual: 'ONLY_OWNER', stranger: 'ONLY_OWNER', 'blocked-approved-mutual': 'BLOCKED' },
  APPROVED: {
    owner: 'OWNER',
    approved: 'APPROVED',
    mutual: 'NOT_APPROVED',
    stranger: 'NOT_APPROVED',
    'blocked-approved-mutual': 'BLOCKED',
  },
  MUTUALS: { owner: 'OWNER', approved: 'NOT_MUTUALS', mutual: 'MUTUALS', stranger: 'NOT_MUTUALS', 'blocked-approved-mutual': 'BLOCKED' },
  EVERYONE: { owner: 'OWNER', approved: 'EVERYONE', mutual: 'EVERYONE', stranger: 'EVERYONE', 'blocked-approved-mutual': 'BLOCKED' },
};
const ALLOWING = new Set(['OWNER', 'APPROVED', 'MUTUALS', 'EVERYONE']);

describe('decideConsent on a verified adult cameo', () => {
  for (const policy of POLICIES) {
    for (const [relationship, facts] of Object.entries(RELATIONSHIPS) as [Relationship, Omit<ConsentFacts, 'cameo'>][]) {
      const reason = EXPECTED[policy][relationship];
      it(`${policy} x ${relationship} -> ${reason}`, () => {
        expect(decideConsent({ ...facts, cameo: verified(policy) })).toEqual({ allowed: ALLOWING.has(reason), reason });
      });
    }
  }
});

describe('decideConsent by cameo state', () => {
  it.each(['AWAITING_RECORDING', 'PENDING_REVIEW', 'REJECTED'] as const)('refuses everyone, owner included, while %s', (status) => {
    for (const facts of Object.values(RELATIONSHIPS)) {
      expect(decideConsent({ ...facts, cameo: { ...verified('EVERYONE'), status } })).toEqual({
        allowed: false,
        reason: 'CAMEO_NOT_VERIFIED',
      });
    }
  });

  it('refuses a deleted (missing) cameo', () => {
    for (const facts of Object.values(RELATIONSHIPS)) {
      expect(decideConsent({ ...facts, cameo: null })).toEqual({ allowed: false, reason: 'CAMEO_NOT_FOUND' });
    }
  });

  it('reads a revoked policy as it now stands: a later check under ONLY_ME refuses the former grantee', () => {
    const grantee = RELATIONSHIPS.approved;
    expect(decideConsent({ ...grantee, cameo: verified('APPROVED') }).allowed).toBe(true);
    expect(decideConsent({ ...grantee, cameo: verified('ONLY_ME') })).toEqual({ allowed: false, reason: 'ONLY_OWNER' });
    expect(decideConsent({ ...grantee, granted: false, cameo: verified('APPROVED') })).toEqual({
      allowed: false,
      reason: 'NOT_APPROVED',
    });
  });
});

describe('decideConsent for an unknown or deleted user', () => {
  const STATES = [
    ['a verified cameo', (policy: ConsentPolicy) => verified(policy)],
    ['an unverified cameo', (policy: ConsentPolicy) => ({ ...verified(policy), status: 'PENDING_REVIEW' as const })],
    ['no cameo', () => null],
  ] as const;
  for (const policy of POLICIES) {
    for (const [state, cameo] of STATES) {
      it(`refuses every relationship, owner included, under ${policy} on ${state}: UNKNOWN_USER`, () => {
        for (const facts of Object.values(RELATIONSHIPS)) {
          expect(decideConsent({ ...facts, userExists: false, cameo: cameo(policy) })).toEqual({ allowed: false, reason: 'UNKNOWN_USER' });
        }
      });
    }
  }

  it("refuses a teen owner's own cameo too once the account is gone", () => {
    expect(decideConsent({ ...RELATIONSHIPS.owner, userExists: false, cameo: verified('MUTUALS', 'TEEN') }).reason).toBe('UNKNOWN_USER');
  });
});

describe("decideConsent on a teen's cameo", () => {
  it('never opens it to everyone: a stored EVERYONE behaves as MUTUALS', () => {
    expect(decideConsent({ ...RELATIONSHIPS.stranger, cameo: verified('EVERYONE', 'TEEN') })).toEqual({
      allowed: false,
      reason: 'NOT_MUTUALS',
    });
    expect(decideConsent({ ...RELATIONSHIPS.mutual, cameo: verified('EVERYONE', 'TEEN') })).toEqual({
      allowed: true,
      reason: 'MUTUALS',
    });
  });

  it('keeps every other policy as written', () => {
    expect(decideConsent({ ...RELATIONSHIPS.approved, cameo: verified('APPROVED', 'TEEN') }).reason).toBe('APPROVED');
    expect(decideConsent({ ...RELATIONSHIPS.owner, cameo: verified('ONLY_ME', 'TEEN') }).reason).toBe('OWNER');
    expect(decideConsent({ ...RELATIONSHIPS['blocked-approved-mutual'], cameo: verified('MUTUALS', 'TEEN') }).reason).toBe('BLOCKED');
  });
});

describe('policyChangeRevokes', () => {
  it.each([
    ['EVERYONE', 'MUTUALS', true],
    ['EVERYONE', 'ONLY_ME', true],
    ['APPROVED', 'MUTUALS', true],
    ['MUTUALS', 'APPROVED', true],
    ['APPROVED', 'ONLY_ME', true],
    ['ONLY_ME', 'APPROVED', false],
    ['MUTUALS', 'EVERYONE', false],
    ['APPROVED', 'APPROVED', false],
  ] as const)('%s -> %s revokes: %s', (from, to, revokes) => {
    expect(policyChangeRevokes(from, to)).toBe(revokes);
  });
});
