import { buildCandidateSet, CANDIDATE_SET_TTL_MS, dropCandidateSets as dropSets } from '@cameo/feed/candidate-set';
import { createDb } from '@cameo/feed/db';
import { log } from './platform';

/**
 * The For You candidate sets of the run's viewers, as a running platform holds them for people
 * who come back: a set is gathered on a viewer's first For You page and kept by the events for
 * CANDIDATE_SET_TTL_MS (candidate-set.ts), so on a platform in use most first pages read a set
 * and a few gather one. Left to chance, the bench measured whatever earlier runs had left:
 * on a fresh seed every For You first page gathered (the feed alone: p50 41 ms, against 11 ms
 * with a set), on a database benched an hour before most read a set. So each run builds, with
 * the feed's own code, the set of every viewer who has none or one that could expire during
 * the run; `dropCandidateSets` measures the other case, a viewer's first visit, on purpose.
 */

/** A set younger than this outlives any run (a run is under half an hour). */
const FRESH_FOR_MS = CANDIDATE_SET_TTL_MS - 60 * 60_000;
/** Sets gathered at once: the gather is one PostgreSQL backend's work, and the machine has two cores. */
const BUILDERS = 3;

export async function keepCandidateSets(databaseUrl: string, viewerIds: string[]): Promise<void> {
  const db = createDb(databaseUrl, BUILDERS);
  try {
    const fresh = await db.$queryRaw<{ viewer_id: string }[]>`
      SELECT viewer_id::text FROM "feed"."candidate_set"
      WHERE viewer_id = ANY(${viewerIds}::uuid[]) AND built_at > ${new Date(Date.now() - FRESH_FOR_MS)}`;
    const have = new Set(fresh.map((row) => row.viewer_id));
    const missing = viewerIds.filter((id) => !have.has(id));
    if (missing.length === 0) return;
    log(`gathering the For You candidate sets of ${missing.length} of the ${viewerIds.length} viewers (they have none, or an old one)`);
    const started = performance.now();
    let next = 0;
    const builder = async () => {
      while (next < missing.length) await buildCandidateSet(db, missing[next++]!);
    };
    await Promise.all(Array.from({ length: BUILDERS }, builder));
    log(`  gathered in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.$disconnect();
  }
}

/** Drops the viewers' sets (and so their candidates): their next For You first page gathers, as a first visit does. */
export async function dropCandidateSets(databaseUrl: string, viewerIds: string[]): Promise<void> {
  const db = createDb(databaseUrl, 1);
  try {
    await dropSets(db, viewerIds);
  } finally {
    await db.$disconnect();
  }
}
