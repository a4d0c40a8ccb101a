import fc from 'fast-check';
import { diversify, isShown, parsePreferences, rank, scorePost, type Candidate, type ViewerSignals } from '../src/ranking';

const now = new Date('2026-11-26T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
const post = (id: string, over: Partial<Candidate> = {}): Candidate => ({
  id,
  creatorId: `creator-${id}`,
  publishedAt: hoursAgo(10),
  likes: 10,
  comments: 0,
  views: 0,
  remixes: 0,
  text: '',
  ...over,
});
const viewer = (over: Partial<ViewerSignals> = {}): ViewerSignals => ({
  now,
  following: new Set(),
  affinity: new Map(),
  lessOfCreator: new Map(),
  more: [],
  less: [],
  ...over,
});
const order = (candidates: Candidate[], signals = viewer()) => rank(candidates, signals).map((item) => item.candidate.id);

describe('decay', () => {
  it('ranks the same engagement lower as it ages, by gravity', () => {
    expect(order([post('old', { publishedAt: hoursAgo(40) }), post('new', { publishedAt: hoursAgo(1) })])).toEqual(['new', 'old']);
    const fresh = scorePost(post('a', { publishedAt: hoursAgo(8) }), viewer()).score;
    const older = scorePost(post('a', { publishedAt: hoursAgo(18) }), viewer()).score;
    // (18 + 2)^1.8 / (8 + 2)^1.8 = 2^1.8
    expect(fresh / older).toBeCloseTo(2 ** 1.8, 5);
  });

  it('lets much more engagement beat recency', () => {
    expect(order([post('quiet', { publishedAt: hoursAgo(7), likes: 1 }), post('hit', { publishedAt: hoursAgo(20), likes: 500 })])).toEqual([
      'hit',
      'quiet',
    ]);
  });

  it('counts comments and remixes above likes, views a little', () => {
    const base = scorePost(post('a', { likes: 0 }), viewer()).score;
    expect(scorePost(post('a', { likes: 0, comments: 1 }), viewer()).score).toBeCloseTo(base * 3, 5);
    expect(scorePost(post('a', { likes: 0, remixes: 1 }), viewer()).score).toBeCloseTo(base * 4, 5);
    expect(scorePost(post('a', { likes: 0, views: 20 }), viewer()).score).toBeCloseTo(base * 2, 5);
  });
});

describe('affinity and following', () => {
  it('ranks creators you engage with and follow higher, with reasons', () => {
    const signals = viewer({ affinity: new Map([['creator-b', 10]]), following: new Set(['creator-c']) });
    expect(order([post('a'), post('b'), post('c')], signals)).toEqual(['b', 'c', 'a']);
    expect(scorePost(post('b'), signals).reasons.map((reason) => reason.factor)).toContain('affinity');
    expect(scorePost(post('c'), signals).reasons.find((reason) => reason.factor === 'following')?.weight).toBe(1.5);
  });
});

describe('diversity', () => {
  it('never shows more than two in a row from one creator while others remain', () => {
    const items = ['a', 'a', 'a', 'a', 'b', 'c'].map((creatorId, i) => ({ id: String(i), creatorId }));
    expect(diversify(items).map((item) => item.creatorId)).toEqual(['a', 'a', 'b', 'a', 'a', 'c']);
  });

  it('keeps the order when it is already diverse, and lets a run grow only when no one else is left', () => {
    const diverse = ['a', 'b', 'a', 'b'].map((creatorId, i) => ({ id: String(i), creatorId }));
    expect(diversify(diverse)).toEqual(diverse);
    expect(diversify(['a', 'a', 'a'].map((creatorId, i) => ({ id: String(i), creatorId }))).map((item) => item.id)).toEqual([
      '0',
      '1',
      '2',
    ]);
  });

  it('applies to ranked output', () => {
    const star = ['1', '2', '3'].map((id) => post(id, { creatorId: 'star', likes: 1000 }));
    expect(rank([...star, post('x')], viewer()).map((item) => item.candidate.creatorId)).toEqual(['star', 'star', 'creator-x', 'star']);
  });
});

describe('feedback', () => {
  it('ranks a creator you asked to see less of lower each time you ask', () => {
    const once = scorePost(post('a'), viewer({ lessOfCreator: new Map([['creator-a', 1]]) })).score;
    const twice = scorePost(post('a'), viewer({ lessOfCreator: new Map([['creator-a', 2]]) })).score;
    const never = scorePost(post('a'), viewer()).score;
    expect(once).toBeCloseTo(never / 4, 5);
    expect(twice).toBeCloseTo(never / 16, 5);
  });
});

describe('steering', () => {
  it('reads more and less from plain words', () => {
    expect(parsePreferences('More cats and skateboarding, less politics. No horror movies!')).toEqual({
      more: ['cats', 'skateboarding'],
      less: ['politics', 'horror movies'],
    });
    expect(parsePreferences('show me street food, dogs; fewer pranks but lots of music')).toEqual({
      more: ['street food', 'dogs', 'music'],
      less: ['pranks'],
    });
    expect(parsePreferences('')).toEqual({ more: [], less: [] });
  });

  it('boosts what matches "more" and sinks what matches "less", singular or plural', () => {
    const signals = viewer(parsePreferences('more cats, less politics'));
    expect(
      order(
        [post('news', { text: 'politics tonight', likes: 50 }), post('plain', { likes: 20 }), post('cat', { text: 'my cat jumps' })],
        signals,
      ),
    ).toEqual(['cat', 'plain', 'news']);
    expect(scorePost(post('cat', { text: 'a cat' }), signals).reasons.find((reason) => reason.factor === 'more')?.detail).toBe(
      'you asked for more: cats',
    );
  });
});

describe('filters', () => {
  const filters = { excludedCreators: new Set(['blocked']), excludedPosts: new Set(['seen']) };
  it('never shows hidden posts, excluded creators or excluded posts', () => {
    expect(isShown({ id: 'p', creatorId: 'c', hidden: false }, filters)).toBe(true);
    expect(isShown({ id: 'p', creatorId: 'c', hidden: true }, filters)).toBe(false);
    expect(isShown({ id: 'p', creatorId: 'blocked', hidden: false }, filters)).toBe(false);
    expect(isShown({ id: 'seen', creatorId: 'c', hidden: false }, filters)).toBe(false);
  });
});

describe('a page ranks as explainRanking scores', () => {
  const creators = ['a', 'b', 'c', 'd'];
  const candidate = fc.record({
    id: fc.uuid(),
    creatorId: fc.constantFrom(...creators),
    publishedAt: fc.integer({ min: 0, max: 400 }).map((hours) => hoursAgo(hours / 4)),
    likes: fc.nat(1000),
    comments: fc.nat(50),
    views: fc.nat(5000),
    remixes: fc.nat(20),
    text: fc.constantFrom('', 'street food tonight', 'my cat jumps', 'cats and politics'),
  });
  const signals = fc.record({
    now: fc.constant(now),
    following: fc.subarray(creators).map((ids) => new Set(ids)),
    affinity: fc.array(fc.tuple(fc.constantFrom(...creators), fc.double({ min: 0, max: 20, noNaN: true }))).map((pairs) => new Map(pairs)),
    lessOfCreator: fc.array(fc.tuple(fc.constantFrom(...creators), fc.nat(3))).map((pairs) => new Map(pairs)),
    more: fc.subarray(['cats', 'street food']),
    less: fc.subarray(['politics']),
  });

  /** The rule as written before it was made cheap: the first item, unless that makes a run too long. */
  const diversifySpec = <T extends { creatorId: string }>(ranked: T[], maxRun = 2): T[] => {
    const pending = [...ranked];
    const out: T[] = [];
    while (pending.length) {
      const last = out.at(-1)?.creatorId;
      const tooLong = out.length >= maxRun && out.slice(-maxRun).every((item) => item.creatorId === last);
      const index = tooLong ? pending.findIndex((item) => item.creatorId !== last) : 0;
      out.push(...pending.splice(index === -1 ? 0 : index, 1));
    }
    return out;
  };

  it('gives every candidate the score scorePost gives it, in the order of those scores, diversified', () => {
    fc.assert(
      fc.property(fc.uniqueArray(candidate, { selector: (item) => item.id, maxLength: 40 }), signals, (candidates, viewerSignals) => {
        const ranked = rank(candidates, viewerSignals);
        for (const item of ranked) expect(item.score).toBe(scorePost(item.candidate, viewerSignals).score);
        const byScore = candidates
          .map((item) => ({ ...scorePost(item, viewerSignals), creatorId: item.creatorId }))
          .sort(
            (x, y) =>
              y.score - x.score ||
              y.candidate.publishedAt.getTime() - x.candidate.publishedAt.getTime() ||
              (x.candidate.id < y.candidate.id ? -1 : 1),
          );
        expect(ranked.map((item) => item.candidate.id)).toEqual(diversifySpec(byScore).map((item) => item.candidate.id));
      }),
    );
  });

  it('diversifies exactly as the rule says, for any run limit', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...creators), { maxLength: 60 }), fc.integer({ min: 1, max: 4 }), (owners, maxRun) => {
        const items = owners.map((creatorId, i) => ({ id: String(i), creatorId }));
        expect(diversify(items, maxRun)).toEqual(diversifySpec(items, maxRun));
      }),
    );
  });
});
