import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { badInput } from './errors';

/**
 * Opaque, signed cursors bound to who asked and for what: base64url(JSON) + "." + an HMAC over
 * the body, the viewer's id and the connection (field and arguments). A client can neither read
 * a position out of one, forge one, nor replay one under another account or on another list:
 * all of that is BAD_USER_INPUT, never an error from the database.
 */
export interface CursorScope {
  /** The viewer the page was served to (null when anonymous). */
  viewerId: string | null;
  /** The list: field name and the arguments that pick its rows, e.g. `User.followers:<id>`. */
  connection: string;
}

/** The signing key, derived from CURSOR_SECRET (a secret of its own, see env.ts). */
export function cursorKey(cursorSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', cursorSecret, 'cameo', 'cameo cursor v1', 32));
}

export function signCursor(key: Buffer, scope: CursorScope, payload: unknown): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(key, scope, body)}`;
}

/** The payload of a cursor this key signed for this scope and `valid` accepts; BAD_USER_INPUT otherwise. */
export function readCursor<T>(
  key: Buffer,
  scope: CursorScope,
  cursor: string,
  valid: (value: unknown) => value is T,
  argument = 'after',
): T {
  const [body, signature, extra] = cursor.split('.');
  if (body && signature && extra === undefined) {
    const expected = Buffer.from(mac(key, scope, body));
    const given = Buffer.from(signature);
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      try {
        const value: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
        if (valid(value)) return value;
      } catch {
        // fall through
      }
    }
  }
  throw badInput(`${argument} is not a cursor from this list.`, argument);
}

const mac = (key: Buffer, scope: CursorScope, body: string) =>
  createHmac('sha256', key)
    .update(JSON.stringify([scope.viewerId, scope.connection, body]))
    .digest('base64url')
    .slice(0, 27);

/** A keyset position: a row's creation time and its uuid (the tie-breaker). */
export interface KeysetPosition {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isKeyset = (value: unknown): value is [string, string] =>
  Array.isArray(value) &&
  value.length === 2 &&
  typeof value[0] === 'string' &&
  typeof value[1] === 'string' &&
  !Number.isNaN(new Date(value[0]).getTime()) &&
  UUID.test(value[1]);

/** A signed cursor for a keyset position (lists ordered by creation time, then id). */
export const signKeysetCursor = (key: Buffer, scope: CursorScope, position: KeysetPosition) =>
  signCursor(key, scope, [position.createdAt.toISOString(), position.id]);

/** The position a keyset cursor names; BAD_USER_INPUT for anything this key did not sign for this scope. */
export function readKeysetCursor(key: Buffer, scope: CursorScope, cursor: string): KeysetPosition {
  const [createdAt, id] = readCursor(key, scope, cursor, isKeyset);
  return { createdAt: new Date(createdAt), id };
}
