/**
 * The cameo consent rule: the single place that decides whether a user may use a cameo.
 * Pure, so every policy x relationship x state combination is unit-tested; the facts it needs
 * are loaded in batches by consent-service.ts.
 */
export type ConsentPolicy = 'ONLY_ME' | 'APPROVED' | 'MUTUALS' | 'EVERYONE';
export type CameoStatus = 'AWAITING_RECORDING' | 'PENDING_REVIEW' | 'VERIFIED' | 'REJECTED';
export type AgeBand = 'TEEN' | 'ADULT';

export interface ConsentFacts {
  /** Null when the cameo does not exist (never did, or was deleted). */
  cameo: { ownerId: string; status: CameoStatus; policy: ConsentPolicy; ownerAgeBand: AgeBand } | null;
  userId: string;
  /**
   * The user is a live account. False for an id that never existed and for a deleted account
   * (deleteAccount removes the row): a session that outlived its account decides nothing.
   */
  userExists: boolean;
  /** The owner granted this user explicitly (APPROVED policy). */
  granted: boolean;
  /** Owner and user follow each other (from the social graph projection). */
  mutual: boolean;
  /** Either one blocks the other. */
  blocked: boolean;
}

export const ConsentReason = {
  OWNER: 'OWNER',
  EVERYONE: 'EVERYONE',
  APPROVED: 'APPROVED',
  MUTUALS: 'MUTUALS',
  UNKNOWN_USER: 'UNKNOWN_USER',
  CAMEO_NOT_FOUND: 'CAMEO_NOT_FOUND',
  CAMEO_NOT_VERIFIED: 'CAMEO_NOT_VERIFIED',
  BLOCKED: 'BLOCKED',
  ONLY_OWNER: 'ONLY_OWNER',
  NOT_APPROVED: 'NOT_APPROVED',
  NOT_MUTUALS: 'NOT_MUTUALS',
  /** What anyone but the owner hears for any refusal: the owner's policy is theirs alone. */
  NOT_ALLOWED: 'NOT_ALLOWED',
} as const;
export type ConsentReason = (typeof ConsentReason)[keyof typeof ConsentReason];

export interface ConsentDecision {
  allowed: boolean;
  reason: ConsentReason;
}

const allow = (reason: ConsentReason): ConsentDecision => ({ allowed: true, reason });
const refuse = (reason: ConsentReason): ConsentDecision => ({ allowed: false, reason });

/** A teen's cameo is never open to everyone; a stored EVERYONE is read as MUTUALS. */
export function effectivePolicy(policy: ConsentPolicy, ownerAgeBand: AgeBand): ConsentPolicy {
  return policy === 'EVERYONE' && ownerAgeBand === 'TEEN' ? 'MUTUALS' : policy;
}

export function decideConsent(facts: ConsentFacts): ConsentDecision {
  const { cameo } = facts;
  // Who asks comes first: an unknown or deleted account may use nothing, its own cameos included.
  if (!facts.userExists) return refuse(ConsentReason.UNKNOWN_USER);
  if (!cameo) return refuse(ConsentReason.CAMEO_NOT_FOUND);
  // Nobody, the owner included, may use a likeness that has not been verified.
  if (cameo.status !== 'VERIFIED') return refuse(ConsentReason.CAMEO_NOT_VERIFIED);
  if (facts.userId === cameo.ownerId) return allow(ConsentReason.OWNER);
  // A block always wins, over grants and over EVERYONE.
  if (facts.blocked) return refuse(ConsentReason.BLOCKED);
  switch (effectivePolicy(cameo.policy, cameo.ownerAgeBand)) {
    case 'ONLY_ME':
      return refuse(ConsentReason.ONLY_OWNER);
    case 'APPROVED':
      return facts.granted ? allow(ConsentReason.APPROVED) : refuse(ConsentReason.NOT_APPROVED);
    case 'MUTUALS':
      return facts.mutual ? allow(ConsentReason.MUTUALS) : refuse(ConsentReason.NOT_MUTUALS);
    case 'EVERYONE':
      return allow(ConsentReason.EVERYONE);
  }
}

const BREADTH: Record<ConsentPolicy, number> = { ONLY_ME: 0, APPROVED: 1, MUTUALS: 1, EVERYONE: 2 };

/**
 * Whether a policy change can take consent away from someone who had it: anything but a move
 * to a strictly broader policy. APPROVED and MUTUALS admit different people, so a move between
 * them revokes too.
 */
export function policyChangeRevokes(from: ConsentPolicy, to: ConsentPolicy): boolean {
  if (from === to) return false;
  return BREADTH[to] <= BREADTH[from];
}
