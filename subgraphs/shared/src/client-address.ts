import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { GATEWAY_PROOF_HEADER } from './gateway-proof';
import { purposeKey } from './purpose-key';

/**
 * The client's network address, as the gateway saw it, for rules that count per address (the
 * sign-in throttle). Sent beside the gateway proof as `<address>.<mac>`, the MAC binding it to
 * that very proof token: a subgraph trusts it only on a request whose proof it has verified, and
 * a captured proof cannot be replayed with another address.
 */
export const CLIENT_ADDRESS_HEADER = 'x-cameo-client-address';

const mac = (gatewaySecret: string, proofToken: string, address: string) =>
  createHmac('sha256', purposeKey(gatewaySecret, 'client-address')).update(`${proofToken}\n${address}`).digest('base64url');

/** The header value for a request carrying `proofToken`. */
export function signClientAddress(gatewaySecret: string, proofToken: string, address: string): string {
  return `${address}.${mac(gatewaySecret, proofToken, address)}`;
}

/** The address a request's signed header names, or undefined when missing or not signed for its proof. */
export function clientAddressFrom(req: IncomingMessage, gatewaySecret: string): string | undefined {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const proof = first(req.headers[GATEWAY_PROOF_HEADER]);
  const header = first(req.headers[CLIENT_ADDRESS_HEADER]);
  if (!proof || !header) return undefined;
  const dot = header.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const address = header.slice(0, dot);
  const expected = Buffer.from(mac(gatewaySecret, proof, address));
  const given = Buffer.from(header.slice(dot + 1));
  return given.length === expected.length && timingSafeEqual(given, expected) ? address : undefined;
}
