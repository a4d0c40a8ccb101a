import type { EventTransportKind } from './event-transport';
import type { DbOptions } from './prisma';

/** What every subgraph's `start()` takes; each subgraph's options extend these with its own. */
export interface SubgraphStartOptions {
  /** 0 picks a free port (tests). */
  port: number;
  databaseUrl: string;
  /** Default: 0.0.0.0. */
  host?: string;
  /** Redis for live events and, with the redis transport, domain events. Default: none (in-process, events on PostgreSQL). */
  redisUrl?: string;
  /** How domain events travel (see event-transport.ts). Default: redis with a redisUrl, else postgres. */
  eventTransport?: EventTransportKind;
  /** Namespace of domain-event streams (see eventStream); tests isolate stacks with it. Default: "cameo". */
  eventNamespace?: string;
  /** The API's pool size and statement counting (tests assert how many statements a request costs). */
  db?: DbOptions;
}
