import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GraphQLFormattedError } from 'graphql';
import type { StreamFollower, StreamHub } from '@cameo/kernel/events';
import type { GatewayContext } from '../context';
import type { GatewayMetrics } from '../metrics';
import { copyAnswer } from './copy';
import {
  CACHED_ENTITIES,
  HEARD_FROM,
  KEPT_AT_MOST_MS,
  PER_VIEWER,
  VIEWER_BOUND,
  invalidations,
  viewerEntity,
  viewerInvalidations,
} from './rules';
import { requestShape, type RequestShape } from './selection';

/**
 * The gateway's entity cache: answers `_entities` requests for the fields rules.ts lists (the
 * same for every viewer, or the viewer's own and then kept per viewer) from memory, and sends
 * the subgraph only the representations it has not seen.
 *
 * Correct because every cached field changes only with a domain event, and the cache drops an
 * entity when its event arrives on the subgraph's stream (and a viewer's answers when an event
 * changes what the subgraph shows them, rules.ts). It caches nothing for a subgraph while it
 * cannot hear every stream its answers depend on (Redis lost: it may have missed events, so it
 * empties itself), never stores an answer fetched before an invalidation that arrived while the
 * fetch was out, and when a mutation is sent on a viewer's behalf drops their own entity and
 * answers, and lets their reads of that subgraph skip the cache for a few seconds (their change
 * shows before its event). Answers expire after `ttlMs` (or a subgraph's KEPT_AT_MOST_MS)
 * whatever happens.
 */
export interface EntityCacheOptions {
  /** The domain-event streams (on Redis) whose events drop answers; shared with the session guard. */
  streams: StreamHub;
  /** How long an answer is kept at most. Default: 60 s. */
  ttlMs?: number;
  /** Answers kept at most, over all subgraphs; the oldest go first. Default: 200,000. */
  maxEntries?: number;
}

/** A subgraph request made for a client's operation (not a health check or schema load). */
type Process = Extract<GraphQLDataSourceProcessOptions<GatewayContext>, { incomingRequestContext: unknown }>;
type Send = (options: Process) => Promise<GatewayGraphQLResponse>;

// @apollo/gateway does not export GraphQLDataSourceRequestKind: the variant is told by its fields.
export const isIncomingOperation = (options: GraphQLDataSourceProcessOptions<GatewayContext>): options is Process =>
  'incomingRequestContext' in options;

/** Distinct subgraph documents remembered per subgraph (a plan's fetches repeat); more start afresh. */
const MAX_DOCUMENTS = 1_000;

/** A cacheable document of one subgraph. */
interface Selection {
  kind: 'cacheable';
  /** Part of every entry's key: answers to other documents are other entries. */
  id: number;
  rootTypes: Set<string>;
  nestedTypes: Set<string>;
  /** Bumped when a nested entity changes: this selection's older entries are stale. */
  generation: number;
  /** Selects a field of the viewer's own: answers are kept per viewer. */
  perViewer: boolean;
}

type Document = Exclude<RequestShape, { kind: 'cacheable' }> | Selection;

interface Entry {
  /** The cache's own copy, never handed out (see copyAnswer). */
  answer: unknown;
  expiresAt: number;
  generation: number;
  /** A per-viewer answer's entity and viewer epochs when it was stored (see createEntityCache). */
  entityEpoch?: number;
  viewerEpoch?: number;
}

/**
 * How long a viewer's reads of a subgraph skip the cache, and store nothing, after a mutation of
 * theirs to it: their change to an answer everyone shares (a video's comment count) shows on
 * their next request, before its event drops the answer for everyone (about a quarter second
 * later). The same after a block of theirs, until the subgraph has heard of it on the live bus.
 */
const READ_YOUR_WRITES_MS = 10_000;
/** Subgraphs some of whose cached answers are the viewer's own. */
const PER_VIEWER_SUBGRAPHS = new Set(
  Object.entries(CACHED_ENTITIES)
    .filter(
      ([subgraph, types]) =>
        (VIEWER_BOUND[subgraph]?.size ?? 0) > 0 || Object.values(types).some((fields) => Object.values(fields).includes(PER_VIEWER)),
    )
    .map(([subgraph]) => subgraph),
);
/** Viewers remembered in that window at most; past it, the expired are forgotten first. */
const MAX_RECENT_WRITERS = 10_000;

export interface EntityCache {
  /** Answers one subgraph request, from memory where it can. */
  process(subgraph: string, options: Process, send: Send): Promise<GatewayGraphQLResponse>;
  /** Whether it hears every subgraph's events now, and so answers from memory. */
  isLive(): boolean;
  /** Cached answers now (tests and benchmarks read it). */
  size(): number;
  stop(): Promise<void>;
}

export function createEntityCache(options: EntityCacheOptions, metrics: GatewayMetrics): EntityCache {
  const ttlMs = options.ttlMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 200_000;
  const keptFor = (subgraph: string) => Math.min(ttlMs, KEPT_AT_MOST_MS[subgraph] ?? ttlMs);
  const entries = new Map<string, Entry>();
  // By subgraph, by document text. A forgotten document's entries are never read again: they
  // age out with the oldest.
  const documents = new Map<string, Map<string, Document>>();
  let nextSelectionId = 0;
  // Counts every invalidation of a subgraph's answers (and of all of them, a clear): an answer
  // fetched across one is not stored. Per subgraph, so a video's event from generations does
  // not spoil social's answers in flight.
  const changes = new Map<string, number>();
  let clears = 0;
  const changesOf = (subgraph: string) => `${clears}:${changes.get(subgraph) ?? 0}`;
  const noteChange = (subgraph: string) => changes.set(subgraph, (changes.get(subgraph) ?? 0) + 1);
  // A per-viewer answer is keyed by its viewer too, so an entity's answers cannot be found to be
  // deleted: its event bumps the entity's epoch instead, a mutation sent for a viewer bumps the
  // viewer's, and an answer stored under another epoch is not read. Epochs come from one counter,
  // so a value is never given twice. An epoch last bumped more than `ttlMs` ago is forgotten
  // (every answer stored before that bump has expired; one stored since merely misses once),
  // oldest first, when there are more than `maxEntries`.
  const entityEpochs = new Map<string, { epoch: number; at: number }>();
  const viewerEpochs = new Map<string, { epoch: number; at: number }>();
  let lastEpoch = 0;
  const epochOf = (epochs: typeof entityEpochs, key: string) => epochs.get(key)?.epoch ?? 0;
  const bump = (epochs: typeof entityEpochs, key: string) => {
    const now = Date.now();
    const next = { epoch: ++lastEpoch, at: now };
    // Re-inserted: the map is in order of last bump.
    epochs.delete(key);
    epochs.set(key, next);
    for (const [oldest, { at }] of epochs) {
      if (epochs.size <= maxEntries || at > now - ttlMs) break;
      epochs.delete(oldest);
    }
    if (epochs.size > maxEntries) clear();
  };
  const entityEpochKey = (subgraph: string, typename: string, id: string) => `${subgraph}\u0000${typename}:${id}`;
  const viewerEpochKey = (subgraph: string, viewerId: string | null) => `${subgraph}\u0000${viewerId ?? ''}`;

  const keyOf = (selection: Selection, typename: string, id: string, viewerId: string | null) =>
    selection.perViewer ? `${selection.id}\u0000${typename}:${id}\u0000${viewerId ?? ''}` : `${selection.id}\u0000${typename}:${id}`;

  const invalidate = (subgraph: string, typename: string, id: string) => {
    noteChange(subgraph);
    let perViewer = false;
    for (const document of documents.get(subgraph)?.values() ?? []) {
      if (document.kind !== 'cacheable') continue;
      if (document.rootTypes.has(typename)) {
        if (document.perViewer) perViewer = true;
        else entries.delete(keyOf(document, typename, id, null));
      }
      if (document.nestedTypes.has(typename)) document.generation++;
    }
    if (perViewer) bump(entityEpochs, entityEpochKey(subgraph, typename, id));
  };
  /**
   * A mutation sent for the viewer (or an event such as a block) may change any of their own
   * answers from this subgraph (all dropped), and answers everyone shares (theirs skip the cache
   * for READ_YOUR_WRITES_MS).
   */
  const writtenUntil = new Map<string, number>();
  const forgetViewer = (subgraph: string, viewerId: string) => {
    noteChange(subgraph);
    const key = viewerEpochKey(subgraph, viewerId);
    if (PER_VIEWER_SUBGRAPHS.has(subgraph)) bump(viewerEpochs, key);
    writtenUntil.delete(key);
    if (writtenUntil.size >= MAX_RECENT_WRITERS) {
      const now = Date.now();
      for (const [other, until] of writtenUntil) if (until <= now) writtenUntil.delete(other);
      if (writtenUntil.size >= MAX_RECENT_WRITERS) writtenUntil.delete(writtenUntil.keys().next().value!);
    }
    writtenUntil.set(key, Date.now() + READ_YOUR_WRITES_MS);
  };
  const clear = () => {
    clears++;
    entries.clear();
    entityEpochs.clear();
    viewerEpochs.clear();
  };

  // One follower per stream some cached subgraph's answers depend on.
  const followers = new Map<string, StreamFollower>();
  for (const stream of new Set(Object.keys(CACHED_ENTITIES).flatMap((subgraph) => HEARD_FROM[subgraph] ?? []))) {
    followers.set(
      stream,
      options.streams.follow(stream, {
        handle: (event) => {
          for (const stale of invalidations[stream]?.(event) ?? []) invalidate(stream, stale.typename, stale.id);
          for (const stale of viewerInvalidations[stream]?.(event) ?? []) forgetViewer(stale.subgraph, stale.viewerId);
        },
        onGap: clear,
      }),
    );
  }
  /** Whether every stream whose events drop this subgraph's answers is heard now. */
  const hears = (subgraph: string) => {
    const streams = HEARD_FROM[subgraph] ?? [];
    return streams.length > 0 && streams.every((stream) => followers.get(stream)?.isLive());
  };

  const documentOf = (subgraph: string, query: string): Document => {
    let known = documents.get(subgraph);
    if (!known || known.size >= MAX_DOCUMENTS) documents.set(subgraph, (known = new Map()));
    let document = known.get(query);
    if (!document) {
      const shape = requestShape(query, CACHED_ENTITIES[subgraph]!, VIEWER_BOUND[subgraph]);
      document = shape.kind === 'cacheable' ? { ...shape, id: nextSelectionId++, generation: 0 } : shape;
      known.set(query, document);
    }
    return document;
  };

  const answerFromCache = async (subgraph: string, selection: Selection, options: Process, send: Send): Promise<GatewayGraphQLResponse> => {
    const representations = options.request.variables?.representations;
    const keys = Array.isArray(representations) ? representations.map((representation) => entityKey(representation, selection)) : [];
    if (keys.length === 0 || keys.some((key) => key === null)) {
      metrics.observeEntityCacheBypass(subgraph, 'uncacheable');
      return send(options);
    }
    const now = Date.now();
    const viewerId = 'viewerId' in options.context ? (options.context.viewerId ?? null) : null;
    const viewerEpoch = epochOf(viewerEpochs, viewerEpochKey(subgraph, viewerId));
    const justWrote = (writtenUntil.get(viewerEpochKey(subgraph, viewerId)) ?? 0) > now;
    const entityEpoch = (typename: string, id: string) => epochOf(entityEpochs, entityEpochKey(subgraph, typename, id));
    const answers: unknown[] = new Array(keys.length);
    // The representations not answered from memory, once each, and where each place's answer is.
    const sent: unknown[] = [];
    const sentKeys = new Map<string, number>();
    // The entity of each answer sent, for its epoch when stored.
    const sentEntities = new Map<string, { typename: string; id: string }>();
    const sentAt = new Map<number, number>();
    keys.forEach((key, index) => {
      const entryKey = keyOf(selection, key!.typename, key!.id, viewerId);
      const entry = entries.get(entryKey);
      if (
        entry &&
        !justWrote &&
        entry.expiresAt > now &&
        entry.generation === selection.generation &&
        (!selection.perViewer || (entry.viewerEpoch === viewerEpoch && entry.entityEpoch === entityEpoch(key!.typename, key!.id)))
      ) {
        answers[index] = copyAnswer(entry.answer);
        return;
      }
      let position = sentKeys.get(entryKey);
      if (position === undefined) {
        position = sent.push(representations[index]) - 1;
        sentKeys.set(entryKey, position);
        sentEntities.set(entryKey, key!);
      }
      sentAt.set(index, position);
    });
    metrics.observeEntityCache(subgraph, keys.length - sentAt.size, sentAt.size);
    if (sent.length === 0) return { data: { _entities: answers } };

    const changesAtSend = changesOf(subgraph);
    const generationAtSend = selection.generation;
    const response = await send({
      ...options,
      request: { ...options.request, variables: { ...options.request.variables, representations: sent } },
    });
    const received = response.data?._entities;
    const errors = spreadErrors(response.errors, sentAt);
    if (!Array.isArray(received) || received.length !== sent.length) return { ...response, errors };

    // An error names the answer it spoils by its place; one that names none spoils them all.
    const failed = new Set(response.errors?.map((error) => error.path?.[1]));
    // Nothing is stored for a viewer in their window after a write or a block: an answer may
    // still be the old one (social's count before its event, generations' before it heard the block).
    const store =
      ![...failed].some((position) => typeof position !== 'number') &&
      !justWrote &&
      changesOf(subgraph) === changesAtSend &&
      selection.generation === generationAtSend &&
      hears(subgraph);
    if (store) {
      for (const [entryKey, position] of sentKeys) {
        if (received[position] === null || failed.has(position)) continue;
        // Re-inserted, not overwritten: eviction takes the oldest first.
        entries.delete(entryKey);
        const entry: Entry = { answer: copyAnswer(received[position]), expiresAt: now + keptFor(subgraph), generation: generationAtSend };
        if (selection.perViewer) {
          // Unchanged since the send (no invalidation happened: `changes` says so).
          const { typename, id } = sentEntities.get(entryKey)!;
          Object.assign(entry, { viewerEpoch, entityEpoch: entityEpoch(typename, id) });
        }
        entries.set(entryKey, entry);
      }
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    }
    // Each place gets its own object: the gateway merges later fetches into them.
    const handedOut = new Set<number>();
    for (const [index, position] of sentAt) {
      answers[index] = handedOut.has(position) ? copyAnswer(received[position]) : received[position];
      handedOut.add(position);
    }
    return { ...response, data: { ...response.data, _entities: answers }, errors };
  };

  return {
    process: async (subgraph, options, send) => {
      if (!CACHED_ENTITIES[subgraph]) return send(options);
      const document = documentOf(subgraph, options.request.query ?? '');
      if (document.kind === 'mutation') {
        const typename = viewerEntity[subgraph];
        const viewerId = 'viewerId' in options.context ? options.context.viewerId : undefined;
        if (!viewerId) return send(options);
        const forget = () => {
          if (typename) invalidate(subgraph, typename, viewerId);
          forgetViewer(subgraph, viewerId);
        };
        // Before, so no read racing the mutation stores the old value; after, for one that did.
        forget();
        try {
          return await send(options);
        } finally {
          forget();
        }
      }
      if (document.kind !== 'cacheable') return send(options);
      if (!hears(subgraph)) {
        metrics.observeEntityCacheBypass(subgraph, 'not_live');
        return send(options);
      }
      return answerFromCache(subgraph, document, options, send);
    },
    isLive: () => [...followers.values()].every((follower) => follower.isLive()),
    size: () => entries.size,
    stop: async () => {
      await Promise.all([...followers.values()].map((follower) => follower.stop()));
      clear();
    },
  };
}

/** A representation the cache can key: exactly `{ __typename, id }` of a type the document selects. */
function entityKey(representation: unknown, selection: Selection): { typename: string; id: string } | null {
  if (typeof representation !== 'object' || representation === null) return null;
  const { __typename: typename, id } = representation as Record<string, unknown>;
  // Nothing but the two (counted, not copied without them: this runs for every entity of a page).
  if (typeof typename !== 'string' || typeof id !== 'string' || Object.keys(representation).length !== 2) return null;
  return selection.rootTypes.has(typename) ? { typename, id } : null;
}

/** Errors of the request sent, at the places of the original request they answer. */
function spreadErrors(errors: readonly GraphQLFormattedError[] | undefined, sentAt: Map<number, number>) {
  if (!errors) return undefined;
  return errors.flatMap((error) => {
    const [field, position, ...rest] = error.path ?? [];
    if (field !== '_entities' || typeof position !== 'number') return [error];
    return [...sentAt].filter(([, at]) => at === position).map(([index]) => ({ ...error, path: [field, index, ...rest] }));
  });
}
