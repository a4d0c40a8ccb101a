import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { signHs256 } from '../src/hs256';
import { createSessionTokenVerifier, signSessionToken, verifySessionToken } from '../src/session-token';

/**
 * The gateway reads every request's session token through createSessionTokenVerifier, which
 * remembers the tokens it found valid: it must answer exactly as verifySessionToken does, stop
 * accepting a remembered token when it expires, and remember nothing a forger sends.
 */
const SECRET = 'session-token-test-secret';
const token = (userId = randomUUID(), sessionVersion = 0) => signSessionToken(SECRET, userId, sessionVersion);

describe('createSessionTokenVerifier', () => {
  it('answers as verifySessionToken does, for valid, forged, altered and foreign tokens, asked once or twice', () => {
    const valid = token();
    const candidates = fc.oneof(
      fc.constant(valid),
      fc.constant(signSessionToken('another-secret', randomUUID(), 0)),
      // Signed with the right secret for another audience: not a session token.
      fc.constant(signHs256(SECRET, {}, { issuer: 'cameo', audience: 'cameo-internal', subject: randomUUID(), ttlSeconds: 60 })),
      // A bad session version.
      fc.constant(signHs256(SECRET, { sv: -1 }, { issuer: 'cameo', audience: 'cameo-session', subject: randomUUID(), ttlSeconds: 60 })),
      // Already expired.
      fc.constant(signHs256(SECRET, { sv: 0 }, { issuer: 'cameo', audience: 'cameo-session', subject: randomUUID(), ttlSeconds: -1 })),
      // One character of the valid token changed, anywhere.
      fc
        .tuple(fc.nat({ max: valid.length - 1 }), fc.constantFrom(...'AbZ09-_.'))
        .filter(([at, character]) => valid[at] !== character)
        .map(([at, character]) => `${valid.slice(0, at)}${character}${valid.slice(at + 1)}`),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(candidates, { minLength: 1, maxLength: 8 }), (tokens) => {
        const verifier = createSessionTokenVerifier(SECRET);
        for (const candidate of [...tokens, ...tokens]) {
          expect(verifier.verify(candidate)).toEqual(verifySessionToken(SECRET, candidate));
        }
      }),
    );
  });

  it('names the token’s user and session version', () => {
    const userId = randomUUID();
    expect(createSessionTokenVerifier(SECRET).verify(token(userId, 3))).toEqual({ userId, sessionVersion: 3 });
  });

  it('refuses a remembered token once it has expired', () => {
    let now = Date.now();
    const verifier = createSessionTokenVerifier(SECRET, { now: () => now });
    const userId = randomUUID();
    const shortLived = signHs256(SECRET, { sv: 0 }, { issuer: 'cameo', audience: 'cameo-session', subject: userId, ttlSeconds: 60 });
    expect(verifier.verify(shortLived)).toEqual({ userId, sessionVersion: 0 });
    now += 61_000;
    expect(verifier.verify(shortLived)).toBeNull();
    // Forgotten, not merely refused once: still refused.
    expect(verifier.verify(shortLived)).toBeNull();
  });

  it('remembers valid tokens only, at most maxEntries of them', () => {
    const verifier = createSessionTokenVerifier(SECRET, { maxEntries: 1 });
    const first = token();
    const remembered = verifier.verify(first);
    // The same object again: it was remembered, not read again.
    expect(verifier.verify(first)).toBe(remembered);
    // Forged tokens take no place: the valid one stays remembered.
    for (let i = 0; i < 100; i++) expect(verifier.verify(signSessionToken('forger', randomUUID(), 0))).toBeNull();
    expect(verifier.verify(first)).toBe(remembered);
    // A second valid token takes the only place: the first is read again (a new object, the same session).
    verifier.verify(token());
    const again = verifier.verify(first);
    expect(again).not.toBe(remembered);
    expect(again).toEqual(remembered);
  });

  it('hands out sessions no caller can change for the next', () => {
    const verifier = createSessionTokenVerifier(SECRET);
    const userId = randomUUID();
    const valid = token(userId);
    const session = verifier.verify(valid)!;
    expect(() => Object.assign(session, { userId: randomUUID() })).toThrow(TypeError);
    expect(verifier.verify(valid)).toEqual({ userId, sessionVersion: 0 });
  });
});
