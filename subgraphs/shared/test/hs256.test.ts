import jwt from 'jsonwebtoken';
import { signHs256, verifyHs256 } from '../src/hs256';

const SECRET = 'a-secret-of-the-platform-that-is-long-enough';
const expected = { issuer: 'cameo', audience: 'users' };
const sign = (ttlSeconds = 60) => signHs256(SECRET, { viewer: 'u1' }, { ...expected, ttlSeconds });
/** The token with its payload replaced, keeping the original header and signature. */
const withPayload = (token: string, payload: object) => {
  const [header, , signature] = token.split('.');
  return `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
};

describe('HS256 tokens', () => {
  it('are standard JWTs: jsonwebtoken reads ours and we read its', () => {
    const ours = signHs256(SECRET, { viewer: 'u1' }, { ...expected, subject: 'user-1', ttlSeconds: 60 });
    expect(jwt.verify(ours, SECRET, { algorithms: ['HS256'], issuer: 'cameo', audience: 'users' })).toMatchObject({
      viewer: 'u1',
      sub: 'user-1',
    });
    const theirs = jwt.sign({ viewer: 'u2' }, SECRET, {
      algorithm: 'HS256',
      issuer: 'cameo',
      audience: 'users',
      subject: 'user-2',
      expiresIn: 60,
    });
    expect(verifyHs256(SECRET, theirs, expected)).toMatchObject({ viewer: 'u2', sub: 'user-2', iss: 'cameo', aud: 'users' });
  });

  it('refuse another secret, issuer or audience', () => {
    const token = sign();
    expect(verifyHs256(SECRET, token, expected)).toMatchObject({ viewer: 'u1' });
    expect(verifyHs256(`${SECRET}x`, token, expected)).toBeNull();
    expect(verifyHs256(SECRET, token, { ...expected, issuer: 'someone' })).toBeNull();
    expect(verifyHs256(SECRET, token, { ...expected, audience: 'feed' })).toBeNull();
  });

  it('refuse expired, not-yet-valid and tampered tokens', () => {
    const expired = jwt.sign({ iat: 1_000_000 }, SECRET, { algorithm: 'HS256', issuer: 'cameo', audience: 'users', expiresIn: 60 });
    expect(verifyHs256(SECRET, expired, expected)).toBeNull();
    const early = jwt.sign({}, SECRET, { algorithm: 'HS256', issuer: 'cameo', audience: 'users', expiresIn: 600, notBefore: 300 });
    expect(verifyHs256(SECRET, early, expected)).toBeNull();
    const token = sign();
    const claims = verifyHs256(SECRET, token, expected)!;
    expect(verifyHs256(SECRET, withPayload(token, { ...claims, viewer: 'someone-else' }), expected)).toBeNull();
  });

  it('refuse other algorithms, "none" included, and malformed input', () => {
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${sign().split('.')[1]}.`;
    expect(verifyHs256(SECRET, none, expected)).toBeNull();
    const hs512 = jwt.sign({}, SECRET, { algorithm: 'HS512', issuer: 'cameo', audience: 'users', expiresIn: 60 });
    expect(verifyHs256(SECRET, hs512, expected)).toBeNull();
    for (const junk of ['', 'a.b', 'a.b.c', '...', `${sign()}.extra`, 'ä.ö.ü']) expect(verifyHs256(SECRET, junk, expected)).toBeNull();
  });
});
