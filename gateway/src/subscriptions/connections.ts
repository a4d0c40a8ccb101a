import type { SessionGuard } from '../sessions';

/**
 * The open subscription connections of every transport — graphql-ws sockets, multipart HTTP
 * responses and SSE responses — counted in one place, so one budget holds across all three:
 * WS_CONNECTIONS_PER_ADDRESS connections per client address, SUBSCRIPTIONS_PER_USER operations
 * per signed-in account, and an ended session (signOutEverywhere, a deleted account) ends every
 * connection of that account however it came in.
 */
export interface LiveConnection {
  viewerId: string;
  sessionVersion?: number;
  /** Operations open on this connection (a socket: any number; an HTTP stream: one). */
  openOperations(): number;
  /** The account's session ended: close the transport's way (4401 on a socket, an error part on a stream). */
  endSession(): void;
}

export interface ConnectionLimits {
  /** Connections one client address may hold open. */
  perAddress: number;
}

export class ConnectionRegistry {
  private readonly byAddress = new Map<string, number>();
  private readonly byUser = new Map<string, Set<LiveConnection>>();
  private readonly stopHearing: () => void;

  constructor(
    private readonly limits: ConnectionLimits,
    sessions: SessionGuard,
  ) {
    this.stopHearing = sessions.onEnded(({ userId, sessionVersion }) => {
      for (const connection of [...(this.byUser.get(userId) ?? [])]) {
        if (sessionVersion === null || (connection.sessionVersion ?? 0) < sessionVersion) connection.endSession();
      }
    });
  }

  /**
   * Takes one of the address's places; returns the function that gives it back (call it once,
   * however the connection ends), or null when the address holds `perAddress` already.
   */
  openAddress(address: string): (() => void) | null {
    const open = this.byAddress.get(address) ?? 0;
    if (open >= this.limits.perAddress) return null;
    this.byAddress.set(address, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.byAddress.get(address) ?? 1) - 1;
      if (left > 0) this.byAddress.set(address, left);
      else this.byAddress.delete(address);
    };
  }

  /** Counts a signed-in connection until the returned function is called. */
  track(connection: LiveConnection): () => void {
    const open = this.byUser.get(connection.viewerId) ?? new Set();
    this.byUser.set(connection.viewerId, open);
    open.add(connection);
    return () => {
      open.delete(connection);
      if (open.size === 0 && this.byUser.get(connection.viewerId) === open) this.byUser.delete(connection.viewerId);
    };
  }

  /** Operations the account has open over all its connections, on every transport. */
  openByUser(userId: string): number {
    let open = 0;
    for (const connection of this.byUser.get(userId) ?? []) open += connection.openOperations();
    return open;
  }

  stop(): void {
    this.stopHearing();
  }
}
