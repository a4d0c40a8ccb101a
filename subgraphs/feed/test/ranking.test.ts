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
