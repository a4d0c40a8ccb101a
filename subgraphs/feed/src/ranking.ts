/**
 * For You ranking: pure functions, no I/O, so every rule is unit-tested on its own.
 *
 * score = engagement / (age + 2h)^GRAVITY          (Hacker News' gravity: attention decays)
 *       × affinity × following × freshness          (people you engage with, follow; new posts)
 *       × feedback × steering                       ("see less like this"; your words)
 * then at most MAX_RUN posts in a row from one creator.
 */

export const GRAVITY = 1.8;
/** Most posts in a row from one creator. */
export const MAX_RUN = 2;

export interface Candidate {
  id: string;
  creatorId: string;
  publishedAt: Date;
  likes: number;
  comments: number;
  views: number;
  remixes: number;
  /** Caption and prompt: what steering matches against. */
  text: string;
}

export interface ViewerSignals {
  now: Date;
  following: ReadonlySet<string>;
  /** Engagement with each creator (likes 1, comments 2, views 0.2, summed). */
  affinity: ReadonlyMap<string, number>;
  /** "See less like this" count per creator. */
  lessOfCreator: ReadonlyMap<string, number>;
  /** Steering terms read from the viewer's own words. */
  more: readonly string[];
  less: readonly string[];
}

export interface Reason {
  factor: 'engagement' | 'age' | 'affinity' | 'following' | 'freshness' | 'feedback' | 'more' | 'less';
  /** The multiplier (or, for engagement, the raw points) this factor contributed. */
  weight: number;
  detail: string;
}

export interface Scored {
  candidate: Candidate;
  score: number;
  reasons: Reason[];
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** Whole words of a text, lower-cased, for steering. */
export const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** A term matches a text when all its words are in it ("street food" needs both). */
const matches = (term: string, textWords: Set<string>) =>
  [...words(term)].every((word) => textWords.has(word) || textWords.has(`${word}s`) || textWords.has(word.replace(/s$/, '')));

export function scorePost(candidate: Candidate, viewer: ViewerSignals): Scored {
  const reasons: Reason[] = [];
  return { candidate, score: score(candidate, viewer, reasons), reasons };
}

/**
 * The one scoring rule. With `reasons` null it only multiplies: a first page ranks ~600
 * candidates and reads no reason, and building their strings was most of its ranking time.
 * (`reasons?.push(…)` does not evaluate its argument when there is no list.)
 */
function score(candidate: Candidate, viewer: ViewerSignals, reasons: Reason[] | null): number {
  const engagement = candidate.likes + 2 * candidate.comments + 3 * candidate.remixes + 0.05 * candidate.views + 1;
  reasons?.push({
    factor: 'engagement',
    weight: round(engagement),
    detail: `${candidate.likes} likes, ${candidate.comments} comments, ${candidate.remixes} remixes, ${candidate.views} views`,
  });
  const ageHours = Math.max(0, (viewer.now.getTime() - candidate.publishedAt.getTime()) / 3_600_000);
  const decay = 1 / (ageHours + 2) ** GRAVITY;
  reasons?.push({ factor: 'age', weight: round(decay), detail: `posted ${Math.round(ageHours)} h ago` });
  let score = engagement * decay;

  const affinity = viewer.affinity.get(candidate.creatorId) ?? 0;
  if (affinity > 0) {
    const weight = 1 + Math.min(affinity, 10) / 5;
    score *= weight;
    reasons?.push({ factor: 'affinity', weight: round(weight), detail: 'you often engage with this creator' });
  }
  if (viewer.following.has(candidate.creatorId)) {
    score *= 1.5;
    reasons?.push({ factor: 'following', weight: 1.5, detail: 'you follow this creator' });
  }
  if (ageHours < 6) {
    score *= 1.3;
    reasons?.push({ factor: 'freshness', weight: 1.3, detail: 'posted in the last 6 hours' });
  }
  const less = viewer.lessOfCreator.get(candidate.creatorId) ?? 0;
  if (less > 0) {
    const weight = 0.25 ** less;
    score *= weight;
    reasons?.push({ factor: 'feedback', weight: round(weight), detail: `you asked to see less like this ${less} time(s)` });
  }
  // Most viewers steer nothing: their candidates' words are never split.
  if (viewer.more.length === 0 && viewer.less.length === 0) return score;
  const text = words(candidate.text);
  const wanted = viewer.more.filter((term) => matches(term, text));
  if (wanted.length) {
    score *= 2;
    reasons?.push({ factor: 'more', weight: 2, detail: `you asked for more: ${wanted.join(', ')}` });
  }
  const unwanted = viewer.less.filter((term) => matches(term, text));
  if (unwanted.length) {
    score *= 0.1;
    reasons?.push({ factor: 'less', weight: 0.1, detail: `you asked for less: ${unwanted.join(', ')}` });
  }
  return score;
}

/**
 * Reorders a ranked list so no creator has more than `maxRun` posts in a row: when the next
 * post would make a longer run, the best-ranked post by someone else goes first. Only when no
 * one else is left does a run grow.
 */
export function diversify<T extends { creatorId: string }>(ranked: readonly T[], maxRun = MAX_RUN): T[] {
  const taken = new Uint8Array(ranked.length);
  const out: T[] = [];
  // The first item not yet placed, and the creator and length of the run that ends `out`.
  let head = 0;
  let runCreator: string | null = null;
  let runLength = 0;
  while (out.length < ranked.length) {
    while (taken[head]) head++;
    let index = head;
    if (runCreator !== null && runLength >= maxRun) {
      for (let i = head; i < ranked.length; i++) {
        if (!taken[i] && ranked[i]!.creatorId !== runCreator) {
          index = i;
          break;
        }
      }
    }
    const item = ranked[index]!;
    taken[index] = 1;
    out.push(item);
    if (item.creatorId === runCreator) runLength++;
    else {
      runCreator = item.creatorId;
      runLength = 1;
    }
  }
  return out;
}

/** A candidate's place in a ranking: its score, without the reasons (see explainRanking for those). */
export interface Ranked {
  candidate: Candidate;
  creatorId: string;
  score: number;
}

/** Scores, sorts (score, then newer, then id for a total order) and diversifies. */
export function rank(candidates: readonly Candidate[], viewer: ViewerSignals): Ranked[] {
  const scored = candidates.map((candidate) => ({ candidate, creatorId: candidate.creatorId, score: score(candidate, viewer, null) }));
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      b.candidate.publishedAt.getTime() - a.candidate.publishedAt.getTime() ||
      (a.candidate.id < b.candidate.id ? -1 : 1),
  );
  return diversify(scored);
}

export interface PostState {
  id: string;
  creatorId: string;
  hidden: boolean;
}

export interface Filters {
  /** Blocked either way, or muted by the viewer. */
  excludedCreators: ReadonlySet<string>;
  /** Seen or "see less": For You never repeats them. */
  excludedPosts: ReadonlySet<string>;
}

/** What may be shown at all: never hidden posts (consent withdrawn, removed) or excluded people. */
export const isShown = (post: PostState, filters: Filters) =>
  !post.hidden && !filters.excludedCreators.has(post.creatorId) && !filters.excludedPosts.has(post.id);

const INTENT: Record<string, 'more' | 'less'> = {
  more: 'more',
  lots: 'more',
  love: 'more',
  like: 'more',
  want: 'more',
  show: 'more',
  plenty: 'more',
  less: 'less',
  fewer: 'less',
  no: 'less',
  not: 'less',
  without: 'less',
  stop: 'less',
  hate: 'less',
  avoid: 'less',
  skip: 'less',
};
const FILLER = new Set([
  'me',
  'of',
  'the',
  'a',
  'an',
  'some',
  'please',
  'videos',
  'video',
  'stuff',
  'content',
  'posts',
  'about',
  'with',
  'i',
  'my',
  'feed',
  'to',
  'see',
  'in',
  'on',
  'any',
  'more',
  'less',
]);

/** Longest preferences text, in characters. */
export const PREFERENCES_MAX = 500;

/**
 * Reads steering from plain words: "more cats and skateboarding, less politics, no horror".
 * Clauses split on punctuation and "but"; a clause's intent is its first intent word (more,
 * lots, love, show / less, fewer, no, not, without, stop, avoid, skip) and carries on to the
 * next clause when that one names none ("more cats, dogs"). Terms are what remains, split on
 * "and"/"or", filler words dropped ("videos", "about", "please", …).
 */
export function parsePreferences(text: string): { more: string[]; less: string[] } {
  const result = { more: new Set<string>(), less: new Set<string>() };
  let intent: 'more' | 'less' = 'more';
  for (const clause of text.toLowerCase().split(/[.,;:!?\n]+|\bbut\b/)) {
    const tokens = clause.match(/[\p{L}\p{N}']+/gu) ?? [];
    const found = tokens.find((token) => INTENT[token]);
    if (found) intent = INTENT[found]!;
    const rest = tokens.filter((token) => !INTENT[token]);
    for (const term of rest.join(' ').split(/\b(?:and|or)\b/)) {
      const kept = term.split(/\s+/).filter((word) => word && !FILLER.has(word));
      if (kept.length) result[intent].add(kept.join(' '));
    }
  }
  for (const term of result.more) if (result.less.has(term)) result.more.delete(term);
  return { more: [...result.more].slice(0, 20), less: [...result.less].slice(0, 20) };
}
