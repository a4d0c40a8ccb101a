import { createHmac, timingSafeEqual } from 'node:crypto';
import { badInput } from '../../shared/src/errors';

/**
 * Opaque, tamper-checked cursors: base64url(JSON) + "." + an HMAC of it. A client can neither
 * read a position out of one nor forge another; anything altered is refused as bad input.
 */
export function signCursor(secret: string, payload: Record<string, unknown>): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(secret, body)}`;
}

export function readCursor<T extends Record<string, unknown>>(secret: string, cursor: string, valid: (value: Record<string, unknown>) => value is T): T {
  const [body, signature] = cursor.split('.');
  const expected = body ? mac(secret, body) : '';
  if (body && signature && signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
    try {
      const value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
      if (value && typeof value === 'object' && valid(value)) return value;
    } catch {
      // fall through
    }
  }
  throw badInput('after is not a cursor from this feed.', 'after');
}

const mac = (secret: string, body: string) => createHmac('sha256', `feed-cursor:${secret}`).update(body).digest('base64url').slice(0, 22);
