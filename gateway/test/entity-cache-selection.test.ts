import { CACHED_ENTITIES, VIEWER_BOUND } from '../src/entity-cache/rules';
import { requestShape } from '../src/entity-cache/selection';

// Raw GraphQL text on purpose: these are the gateway's own `_entities` fetches to a subgraph, not
// operations of the public schema that the typed documents are checked against.

const users = CACHED_ENTITIES.users!;
const entities = (selection: string) =>
  `query Feed__users__1($representations:[_Any!]!){_entities(representations:$representations){${selection}}}`;

describe('which subgraph requests the entity cache may answer', () => {
  it('the planner’s requests for public user and cameo fields, with the types they reach', () => {
    expect(requestShape(entities('...on User{handle displayName}'), users)).toEqual({
      kind: 'cacheable',
      rootTypes: new Set(['User']),
      nestedTypes: new Set(),
      perViewer: false,
    });
    expect(requestShape(entities('__typename ...on Cameo{id owner{handle __typename}}'), users)).toEqual({
      kind: 'cacheable',
      rootTypes: new Set(['Cameo']),
      nestedTypes: new Set(['User']),
      perViewer: false,
    });
  });

  it('social’s requests for a video’s counts, and whether the viewer liked it, kept per viewer', () => {
    const social = CACHED_ENTITIES.social!;
    const videos = (selection: string) =>
      `query Feed__social__3($representations:[_Any!]!){_entities(representations:$representations){${selection}}}`;
    expect(requestShape(videos('...on Generation{likeCount commentCount}'), social)).toEqual({
      kind: 'cacheable',
      rootTypes: new Set(['Generation']),
      nestedTypes: new Set(),
      perViewer: false,
    });
    expect(requestShape(videos('...on Generation{likeCount commentCount viewerHasLiked}'), social)).toEqual({
      kind: 'cacheable',
      rootTypes: new Set(['Generation']),
      nestedTypes: new Set(),
      perViewer: true,
    });
    // Comments are filtered by who asks (blocks), and change with no event of theirs.
    expect(requestShape(videos('...on Generation{likeCount comments{edges{node{body}}}}'), social)).toEqual({ kind: 'other' });
  });

  it('generations’ requests for a video, kept per viewer whatever they select: it answers a video only to whom may see it', () => {
    const generations = CACHED_ENTITIES.generations!;
    const videos = (selection: string) =>
      `query Feed__generations__2($representations:[_Any!]!){_entities(representations:$representations){${selection}}}`;
    for (const selection of ['...on Generation{videoUrl}', '...on Generation{id}', '...on Generation{caption publishedAt}']) {
      expect(requestShape(videos(selection), generations, VIEWER_BOUND.generations)).toEqual({
        kind: 'cacheable',
        rootTypes: new Set(['Generation']),
        nestedTypes: new Set(),
        perViewer: true,
      });
    }
    // Status and progress change with no durable event.
    expect(requestShape(videos('...on Generation{videoUrl status}'), generations, VIEWER_BOUND.generations)).toEqual({ kind: 'other' });
  });

  it.each([
    ['a field only its owner sees', entities('...on User{handle plan}')],
    ['a field that depends on the viewer', entities('...on Cameo{restrictions{text}}')],
    ['a field that changes without an event', entities('...on Cameo{status}')],
    ['a viewer-dependent field under a cached one', entities('...on Cameo{owner{handle ageBand}}')],
    ['a type not listed', entities('...on Generation{videoUrl}')],
    ['a directive', entities('...on User{handle @include(if: $show)}')],
    ['an argument', entities('...on User{handle(upper: true)}')],
    ['a named fragment', `${entities('...UserFields')} fragment UserFields on User{handle}`],
    ['a root field other than _entities', 'query { me { handle } }'],
    ['another variable', 'query ($representations:[_Any!]!, $x: Int){_entities(representations:$representations){...on User{handle}}}'],
    ['a document that does not parse', '{'],
  ])('not %s', (_what, query) => {
    expect(requestShape(query, users)).toEqual({ kind: 'other' });
  });

  it('tells mutations apart: they drop the viewer’s own entity', () => {
    expect(requestShape('mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }', users)).toEqual({
      kind: 'mutation',
    });
  });
});
