import type { Client } from 'graphql-ws';
import { createDb, type SocialDb } from '@cameo/social/db';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql } from '@cameo/test-helpers/generated';
import type { CreateCommentInput } from '@cameo/test-helpers/generated/graphql';
import { codes, ok, request, until, requestAs } from '@cameo/test-helpers/graphql';
import { startStack, type TestStack } from '@cameo/test-helpers/stack';
import { collect, wsClient } from '@cameo/test-helpers/subscriptions';
import { publishedVideo, signUp, verifiedCameo, type TestUser } from '@cameo/test-helpers/users';

const SOCIAL_FOLLOW2 = graphql(`
  mutation SocialFollow2($id: ID!) {
    follow(userId: $id) {
      id
    }
  }
`);
const SOCIAL_GENERATION = graphql(`
  query SocialGeneration($id: ID!) {
    generation(id: $id) {
      id
    }
  }
`);
const SOCIAL_LIKE_GENERATION2 = graphql(`
  mutation SocialLikeGeneration2($id: ID!) {
    likeGeneration(id: $id) {
      id
    }
  }
`);
const SOCIAL_DELETE_COMMENT = graphql(`
  mutation SocialDeleteComment($id: ID!) {
    deleteComment(id: $id)
  }
`);
const SOCIAL_GENERATION7 = graphql(`
  query SocialGeneration7($id: ID!) {
    generation(id: $id) {
      commentCount
    }
  }
`);
const SOCIAL_CREATE_COMMENT3 = graphql(`
  mutation SocialCreateComment3($input: CreateCommentInput!) {
    createComment(input: $input) {
      id
    }
  }
`);
const SOCIAL_FOLLOW3 = graphql(`
  mutation SocialFollow3($id: ID!) {
    follow(userId: $id) {
      id
    }
  }
`);

/** The social graph through the gateway, with Redis carrying events to users' consent projection. */
let database: TestDatabase;
let stack: TestStack;
let social: SocialDb;
let ada: TestUser, bob: TestUser, cy: TestUser, teen: TestUser;
let bobCameo: string;
let adaVideo: string;
const sockets: Client[] = [];

const gql = requestAs(() => stack.gatewayUrl);

const relation = async (viewer: TestUser, other: TestUser) =>
  (
    await ok(
      gql(
        viewer,
        graphql(`
          query SocialUser($id: ID!) {
            user(id: $id) {
              isFollowedByViewer
              followsViewer
              isMutual
              followerCount
              followingCount
            }
          }
        `),
        {
          id: other.id,
        },
      ),
    )
  ).user;
/** Whether users lets `user` use the cameo now (its owner's restrictions show only then). */
const mayUse = async (user: TestUser, cameoId: string) =>
  (
    await ok(
      gql(
        user,
        graphql(`
          query SocialCameo($id: ID!) {
            cameo(id: $id) {
              restrictions {
                text
              }
            }
          }
        `),
        { id: cameoId },
      ),
    )
  ).cameo?.restrictions != null;
const createWithCameo = (user: TestUser, cameoId: string, key: string) =>
  gql(
    user,
    graphql(`
      mutation SocialCreateGeneration($input: CreateGenerationInput!) {
        createGeneration(input: $input) {
          id
        }
      }
    `),
    {
      input: { prompt: 'us at the beach', seconds: 1, cameoIds: [cameoId], idempotencyKey: key },
    },
  );

beforeAll(async () => {
  database = await createTestDatabase('e2e_social');
  stack = await startStack(database.url, { redis: true });
  social = createDb(database.url, 2);
  const fifteen = new Date(Date.now() - 15 * 365.25 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  [ada, bob, cy, teen] = await Promise.all([
    signUp(stack.gatewayUrl, 'ada'),
    signUp(stack.gatewayUrl, 'bob'),
    signUp(stack.gatewayUrl, 'cyd'),
    signUp(stack.gatewayUrl, 'teen', { birthDate: fifteen }),
  ]);
  bobCameo = await verifiedCameo(stack.gatewayUrl, bob);
  await ok(
    gql(
      bob,
      graphql(`
        mutation SocialSetCameoPolicy($id: ID!) {
          setCameoPolicy(cameoId: $id, input: { policy: MUTUALS }) {
            id
          }
        }
      `),
      { id: bobCameo },
    ),
  );
  adaVideo = await publishedVideo(stack.gatewayUrl, ada, 'ada’s first video');
});
afterAll(async () => {
  await Promise.all(sockets.map(async (socket) => socket.dispose()));
  await social?.$disconnect();
  await stack?.stop();
  await database?.drop();
});

describe('follows, mutuals and blocks', () => {
  it('follow both ways -> mutual -> a MUTUALS cameo is usable; block -> not usable, follows gone, content hidden both ways', async () => {
    expect(codes(await createWithCameo(ada, bobCameo, 'before'))).toEqual(['CAMEO_CONSENT_REQUIRED']);

    await ok(
      gql(
        ada,
        graphql(`
          mutation SocialFollow($id: ID!) {
            follow(userId: $id) {
              isFollowedByViewer
            }
          }
        `),
        { id: bob.id },
      ),
    );
    expect(await relation(ada, bob)).toEqual({
      isFollowedByViewer: true,
      followsViewer: false,
      isMutual: false,
      followerCount: 1,
      followingCount: 0,
    });
    await ok(gql(bob, SOCIAL_FOLLOW2, { id: ada.id }));
    expect(await relation(ada, bob)).toEqual({
      isFollowedByViewer: true,
      followsViewer: true,
      isMutual: true,
      followerCount: 1,
      followingCount: 1,
    });
    const followers = await ok(
      gql(
        ada,
        graphql(`
          query SocialUser2($id: ID!) {
            user(id: $id) {
              followers(first: 10) {
                totalCount
                edges {
                  node {
                    handle
                  }
                }
              }
            }
          }
        `),
        { id: bob.id },
      ),
    );
    expect(followers.user!.followers).toEqual({ totalCount: 1, edges: [{ node: { handle: 'ada' } }] });

    // users learns the follows from social's events; the cameo becomes usable once it has.
    await until('mutual consent', () => mayUse(ada, bobCameo));
    expect((await createWithCameo(ada, bobCameo, 'mutual')).errors).toBeUndefined();

    await ok(
      gql(
        bob,
        graphql(`
          mutation SocialCreateComment($input: CreateCommentInput!) {
            createComment(input: $input) {
              id
            }
          }
        `),
        {
          input: { generationId: adaVideo, body: 'nice one' },
        },
      ),
    );
    const bobVideo = await publishedVideo(stack.gatewayUrl, bob, 'bob’s video');

    await ok(
      gql(
        ada,
        graphql(`
          mutation SocialBlock($id: ID!) {
            block(userId: $id) {
              isBlockedByViewer
            }
          }
        `),
        { id: bob.id },
      ),
    );
    expect(await relation(ada, bob)).toMatchObject({ isFollowedByViewer: false, followsViewer: false, isMutual: false, followerCount: 0 });
    expect(await relation(bob, ada)).toMatchObject({ isMutual: false, followerCount: 0, followingCount: 0 });
    await until('consent withdrawn by the block', async () => !(await mayUse(ada, bobCameo)));
    expect(codes(await createWithCameo(ada, bobCameo, 'after-block'))).toEqual(['CAMEO_CONSENT_REQUIRED']);

    // Content is hidden both ways: videos, comments, and no new interaction.
    expect((await ok(gql(bob, SOCIAL_GENERATION, { id: adaVideo }))).generation).toBeNull();
    expect((await ok(gql(ada, SOCIAL_GENERATION, { id: bobVideo }))).generation).toBeNull();
    expect(
      (
        await ok(
          gql(
            ada,
            graphql(`
              query SocialUser3($id: ID!) {
                user(id: $id) {
                  generations {
                    edges {
                      node {
                        id
                      }
                    }
                  }
                }
              }
            `),
            { id: bob.id },
          ),
        )
      ).user!.generations.edges,
    ).toEqual([]);
    const comments = await ok(
      gql(
        ada,
        graphql(`
          query SocialGeneration2($id: ID!) {
            generation(id: $id) {
              commentCount
              comments {
                edges {
                  node {
                    body
                  }
                }
              }
            }
          }
        `),
        { id: adaVideo },
      ),
    );
    expect(comments.generation!.comments.edges).toEqual([]);
    expect(
      codes(
        await gql(
          bob,
          graphql(`
            mutation SocialLikeGeneration($id: ID!) {
              likeGeneration(id: $id) {
                id
              }
            }
          `),
          { id: adaVideo },
        ),
      ),
    ).toEqual(['BLOCKED']);
    expect(codes(await gql(bob, SOCIAL_FOLLOW2, { id: ada.id }))).toEqual(['BLOCKED']);
    // cy, unrelated, still sees everything.
    expect(
      (
        await ok(
          gql(
            cy,
            graphql(`
              query SocialGeneration3($id: ID!) {
                generation(id: $id) {
                  comments {
                    edges {
                      node {
                        body
                      }
                    }
                  }
                }
              }
            `),
            { id: adaVideo },
          ),
        )
      ).generation!.comments.edges,
    ).toEqual([{ node: { body: 'nice one' } }]);

    await ok(
      gql(
        ada,
        graphql(`
          mutation SocialUnblock($id: ID!) {
            unblock(userId: $id) {
              isBlockedByViewer
            }
          }
        `),
        { id: bob.id },
      ),
    );
    expect((await ok(gql(bob, SOCIAL_GENERATION, { id: adaVideo }))).generation).toEqual({ id: adaVideo });
  });

  it('mutes without telling', async () => {
    const { mute } = await ok(
      gql(
        ada,
        graphql(`
          mutation SocialMute($id: ID!) {
            mute(userId: $id) {
              isMutedByViewer
              isFollowedByViewer
            }
          }
        `),
        { id: cy.id },
      ),
    );
    expect(mute).toEqual({ isMutedByViewer: true, isFollowedByViewer: false });
    expect((await relation(cy, ada))!.followerCount).toBe(0);
    expect(
      (
        await ok(
          gql(
            ada,
            graphql(`
              mutation SocialUnmute($id: ID!) {
                unmute(userId: $id) {
                  isMutedByViewer
                }
              }
            `),
            { id: cy.id },
          ),
        )
      ).unmute,
    ).toEqual({
      isMutedByViewer: false,
    });
  });
});

describe('likes', () => {
  it('counts 200 concurrent likes from distinct users exactly; a second like from one user changes nothing', async () => {
    const video = await publishedVideo(stack.gatewayUrl, cy, 'a popular video');
    const fans: TestUser[] = [];
    for (let i = 0; i < 200; i += 20) {
      const batch = await Promise.all(Array.from({ length: 20 }, (_, j) => signUp(stack.gatewayUrl, `fan${i + j}`)));
      // Each fan's session checked once now, 20 at a time: the 200 likes below test social's
      // counting, not 200 first session checks at once (on a slow machine some of those took
      // longer than the gateway's 2 s and were answered SERVICE_UNAVAILABLE).
      await Promise.all(batch.map((fan) => ok(request(stack.gatewayUrl, '{ me { id } }', { token: fan.token }))));
      fans.push(...batch);
    }
    const results = await Promise.all(fans.map((fan) => gql(fan, SOCIAL_LIKE_GENERATION2, { id: video })));
    expect(results.filter((result) => result.errors)).toEqual([]);
    const count = async (viewer: TestUser) =>
      (
        await ok(
          gql(
            viewer,
            graphql(`
              query SocialGeneration4($id: ID!) {
                generation(id: $id) {
                  likeCount
                  viewerHasLiked
                }
              }
            `),
            { id: video },
          ),
        )
      ).generation;
    expect(await count(cy)).toEqual({ likeCount: 200, viewerHasLiked: false });
    await Promise.all([0, 1].map(() => ok(gql(fans[0]!, SOCIAL_LIKE_GENERATION2, { id: video }))));
    expect(await count(fans[0]!)).toEqual({ likeCount: 200, viewerHasLiked: true });
    await ok(
      gql(
        fans[0]!,
        graphql(`
          mutation SocialUnlikeGeneration($id: ID!) {
            unlikeGeneration(id: $id) {
              id
            }
          }
        `),
        { id: video },
      ),
    );
    expect(await count(fans[0]!)).toEqual({ likeCount: 199, viewerHasLiked: false });
    expect(await social.like.count({ where: { generationId: video } })).toBe(199);
    // 200 sign-ups (scrypt) take most of a minute on a slow machine.
  }, 150_000);
});

it('counts each viewer once, however often they watch', async () => {
  const view = (user: TestUser) =>
    ok(
      gql(
        user,
        graphql(`
          mutation SocialRecordView($id: ID!) {
            recordView(id: $id) {
              viewCount
            }
          }
        `),
        { id: adaVideo },
      ),
    );
  const before = (await ok(
    gql(
      ada,
      graphql(`
        query SocialGeneration5($id: ID!) {
          generation(id: $id) {
            viewCount
          }
        }
      `),
      { id: adaVideo },
    ),
  ))!.generation!.viewCount;
  await view(cy);
  await view(cy);
  expect((await view(teen)).recordView.viewCount).toBe(before + 2);
});

describe('comments', () => {
  it('threads one level deep; the author or the video’s creator may delete', async () => {
    const comment = (user: TestUser, input: Omit<CreateCommentInput, 'generationId'>) =>
      ok(
        gql(
          user,
          graphql(`
            mutation SocialCreateComment2($input: CreateCommentInput!) {
              createComment(input: $input) {
                id
                parentId
              }
            }
          `),
          {
            input: { generationId: adaVideo, ...input },
          },
        ),
      );
    const top = (await comment(cy, { body: 'first!' })).createComment;
    const reply = (await comment(ada, { body: 'thanks', parentId: top.id })).createComment;
    const replyToReply = (await comment(cy, { body: 'you are welcome', parentId: reply.id })).createComment;
    expect(replyToReply.parentId).toBe(top.id);
    const thread = await ok(
      gql(
        cy,
        graphql(`
          query SocialGeneration6($id: ID!) {
            generation(id: $id) {
              comments(first: 1) {
                edges {
                  node {
                    body
                    replies {
                      edges {
                        node {
                          body
                          author {
                            handle
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        `),
        { id: adaVideo },
      ),
    );
    expect(thread.generation!.comments.edges[0]!.node).toEqual({
      body: 'first!',
      replies: {
        edges: [{ node: { body: 'thanks', author: { handle: 'ada' } } }, { node: { body: 'you are welcome', author: { handle: 'cyd' } } }],
      },
    });
    expect(codes(await gql(bob, SOCIAL_DELETE_COMMENT, { id: top.id }))).toEqual(['FORBIDDEN']);
    const before = (await ok(gql(ada, SOCIAL_GENERATION7, { id: adaVideo })))!.generation!.commentCount;
    // The video's creator removes someone else's comment, and its replies with it.
    expect((await ok(gql(ada, SOCIAL_DELETE_COMMENT, { id: top.id }))).deleteComment).toBe(top.id);
    expect((await ok(gql(ada, SOCIAL_GENERATION7, { id: adaVideo })))!.generation!.commentCount).toBe(before - 3);
  });

  it('an adult may comment on a teen’s video only once the teen follows them', async () => {
    const teenVideo = await publishedVideo(stack.gatewayUrl, teen, 'my skateboard');
    const attempt = () =>
      gql(cy, SOCIAL_CREATE_COMMENT3, {
        input: { generationId: teenVideo, body: 'cool' },
      });
    expect(codes(await attempt())).toEqual(['TEEN_PROTECTED']);
    await ok(gql(teen, SOCIAL_FOLLOW3, { id: cy.id }));
    expect((await attempt()).errors).toBeUndefined();
  });
});

describe('bad input changes nothing', () => {
  it('answers stable codes with no write', async () => {
    const rows = async () => ({
      follows: await social.follow.count(),
      comments: await social.comment.count(),
      likes: await social.like.count(),
      notifications: await social.notification.count(),
      outbox: await social.outboxEvent.count(),
    });
    const before = await rows();
    expect(codes(await gql(ada, SOCIAL_FOLLOW3, { id: ada.id }))).toEqual(['CANNOT_TARGET_SELF']);
    expect(codes(await gql(ada, SOCIAL_FOLLOW3, { id: '00000000-0000-4000-8000-000000000000' }))).toEqual(['NOT_FOUND']);
    const tooLong = await gql(cy, SOCIAL_CREATE_COMMENT3, {
      input: { generationId: adaVideo, body: 'x'.repeat(501) },
    });
    expect(codes(tooLong)).toEqual(['BAD_USER_INPUT']);
    expect(tooLong.errors![0]!.extensions!.field).toBe('body');
    expect(codes(await gql(cy, SOCIAL_LIKE_GENERATION2, { id: '00000000-0000-4000-8000-000000000000' }))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(cy, SOCIAL_LIKE_GENERATION2, { id: 'not-an-id' }))).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(
        await request(
          stack.gatewayUrl,
          graphql(`
            mutation SocialFollow4($id: ID!) {
              follow(userId: $id) {
                id
              }
            }
          `),
          { variables: { id: bob.id } },
        ),
      ),
    ).toEqual(['UNAUTHENTICATED']);
    expect(await rows()).toEqual(before);
  });
});

describe('notifications', () => {
  it('lists follows, likes and comments, delivers them live through the gateway, and marks them read', async () => {
    const socket = wsClient(stack.gatewayUrl, cy.token);
    sockets.push(socket);
    const live = collect(
      socket,
      graphql(`
        subscription SocialNotificationReceived {
          notificationReceived {
            kind
            actor {
              handle
            }
            video {
              id
            }
          }
        }
      `),
    );
    await until('subscribed', async () => stack.subscriptionStats().subscriptions > 0);
    const cyVideo = await publishedVideo(stack.gatewayUrl, cy, 'notify me');
    await ok(gql(bob, SOCIAL_FOLLOW3, { id: cy.id }));
    await ok(gql(bob, SOCIAL_LIKE_GENERATION2, { id: cyVideo }));
    const received = () => live.results.map((result) => result.data!.notificationReceived);
    await until('the like, live', async () => received().some((notification) => notification.kind === 'LIKE'));
    expect(received().at(-1)).toEqual({ kind: 'LIKE', actor: { handle: 'bob' }, video: { id: cyVideo } });
    live.unsubscribe();

    const list = await ok(
      gql(
        cy,
        graphql(`
          query SocialUnreadNotificationCount {
            unreadNotificationCount
            notifications(first: 2) {
              edges {
                node {
                  kind
                  read
                  actor {
                    handle
                  }
                }
              }
            }
          }
        `),
      ),
    );
    expect(list.notifications.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { kind: 'LIKE', read: false, actor: { handle: 'bob' } },
      { kind: 'NEW_FOLLOWER', read: false, actor: { handle: 'bob' } },
    ]);
    expect(
      (
        await ok(
          gql(
            cy,
            graphql(`
              mutation SocialMarkNotificationsRead {
                markNotificationsRead
              }
            `),
          ),
        )
      ).markNotificationsRead,
    ).toBe(list.unreadNotificationCount);
    expect(
      (
        await ok(
          gql(
            cy,
            graphql(`
              query SocialUnreadNotificationCount2 {
                unreadNotificationCount
              }
            `),
          ),
        )
      ).unreadNotificationCount,
    ).toBe(0);
  });

  it('tells a creator their video was remixed; remixes and remixOf link both ways', async () => {
    const remix = await publishedVideo(stack.gatewayUrl, cy, 'my take on ada’s video', { remixOf: adaVideo });
    const lineage = await ok(
      gql(
        bob,
        graphql(`
          query SocialGeneration8($id: ID!, $remix: ID!) {
            source: generation(id: $id) {
              remixes {
                edges {
                  node {
                    id
                    creator {
                      handle
                    }
                  }
                }
              }
            }
            remix: generation(id: $remix) {
              remixOf {
                id
              }
            }
          }
        `),
        { id: adaVideo, remix },
      ),
    );
    expect(lineage.source!.remixes.edges).toEqual([{ node: { id: remix, creator: { handle: 'cyd' } } }]);
    expect(lineage.remix!.remixOf).toEqual({ id: adaVideo });
    const notice = await until('remix notification', async () => {
      const list = await ok(
        gql(
          ada,
          graphql(`
            query SocialNotifications {
              notifications(first: 10) {
                edges {
                  node {
                    kind
                    actor {
                      handle
                    }
                    video {
                      id
                    }
                  }
                }
              }
            }
          `),
        ),
      );
      return list.notifications.edges.find((edge: { node: { kind: string } }) => edge.node.kind === 'REMIX');
    });
    expect(notice.node).toEqual({ kind: 'REMIX', actor: { handle: 'cyd' }, video: { id: remix } });
  });

  it('tells a cameo’s owner they were cast (from generations’ events)', async () => {
    // The block ended both follows; they follow each other again.
    await ok(gql(ada, SOCIAL_FOLLOW3, { id: bob.id }));
    await ok(gql(bob, SOCIAL_FOLLOW3, { id: ada.id }));
    await until('mutual again', () => mayUse(ada, bobCameo));
    expect((await createWithCameo(ada, bobCameo, 'cast-me')).errors).toBeUndefined();
    const cast = await until('cast notification', async () => {
      const list = await ok(
        gql(
          bob,
          graphql(`
            query SocialNotifications2 {
              notifications(first: 5) {
                edges {
                  node {
                    kind
                    actor {
                      handle
                    }
                  }
                }
              }
            }
          `),
        ),
      );
      return list.notifications.edges.find((edge: { node: { kind: string } }) => edge.node.kind === 'CAST');
    });
    expect(cast.node).toEqual({ kind: 'CAST', actor: { handle: 'ada' } });
  });
});
