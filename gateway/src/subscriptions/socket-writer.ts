import type { Writable } from 'node:stream';
import { WebSocket } from 'ws';

/**
 * Every message written to one socket within one turn of the event loop goes out as one buffer
 * in one write. One event reaches all of a connection's subscriptions in the same turn, so ten
 * subscriptions cost one write of ten frames instead of ten trips through ws's sender (a header
 * buffer, two queued writes and a copy each), which at 50,000 subscribers was a large share of
 * the gateway's time and garbage.
 *
 * Frames are RFC 6455 server frames (final, text, unmasked) built here; this is safe because the
 * server negotiates no extension (perMessageDeflate is off, so ws never holds frames back) and
 * every data message of the socket goes through this writer, so they stay in order. ws's own
 * control frames (ping, close) may fall between two turns' writes, as the protocol allows.
 * Messages still waiting when the socket starts closing are dropped: nothing may follow a close
 * frame.
 */
export interface SocketWriter {
  /**
   * Queues one text message for this turn's write: `head` followed by `tail` when given (a
   * `next` message is its subscription's id prefix and the event's shared payload, copied as
   * they are: no string is built or encoded per message).
   */
  write(head: Buffer, tail?: Buffer): void;
  /** Bytes queued for this turn's write. */
  pendingBytes(): number;
}

export function createSocketWriter(socket: WebSocket): SocketWriter {
  const raw = (socket as unknown as { _socket: Writable })._socket;
  let heads: Buffer[] = [];
  let tails: (Buffer | undefined)[] = [];
  let pendingBytes = 0;
  const flush = () => {
    const [messages, rests] = [heads, tails];
    [heads, tails, pendingBytes] = [[], [], 0];
    if (socket.readyState !== WebSocket.OPEN) return;
    let size = 0;
    for (let i = 0; i < messages.length; i++) {
      const length = messages[i]!.length + (rests[i]?.length ?? 0);
      size += headerLength(length) + length;
    }
    const buffer = Buffer.allocUnsafe(size);
    let offset = 0;
    for (let i = 0; i < messages.length; i++) {
      const [head, tail] = [messages[i]!, rests[i]];
      offset = writeHeader(buffer, offset, head.length + (tail?.length ?? 0));
      buffer.set(head, offset);
      offset += head.length;
      if (tail) {
        buffer.set(tail, offset);
        offset += tail.length;
      }
    }
    raw.write(buffer);
  };
  return {
    write: (head, tail) => {
      if (heads.length === 0) process.nextTick(flush);
      heads.push(head);
      tails.push(tail);
      pendingBytes += head.length + (tail?.length ?? 0);
    },
    pendingBytes: () => pendingBytes,
  };
}

/** FIN and opcode 1 (text). */
const FINAL_TEXT = 0x81;

const headerLength = (length: number) => (length < 126 ? 2 : length < 65_536 ? 4 : 10);

/** Writes an unmasked frame header for a payload of `length` bytes; returns the offset after it. */
function writeHeader(buffer: Buffer, offset: number, length: number): number {
  buffer[offset] = FINAL_TEXT;
  if (length < 126) {
    buffer[offset + 1] = length;
    return offset + 2;
  }
  if (length < 65_536) {
    buffer[offset + 1] = 126;
    buffer.writeUInt16BE(length, offset + 2);
    return offset + 4;
  }
  buffer[offset + 1] = 127;
  buffer.writeBigUInt64BE(BigInt(length), offset + 2);
  return offset + 10;
}
