/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n        query RevocationsGeneration($id: ID!) {\n          generation(id: $id) {\n            id\n          }\n        }\n      ": typeof types.RevocationsGenerationDocument,
    "\n          mutation RevocationsGrantCameoAccess($id: ID!, $h: String!) {\n            grantCameoAccess(cameoId: $id, handle: $h) {\n              id\n            }\n          }\n        ": typeof types.RevocationsGrantCameoAccessDocument,
    "\n        mutation RevocationsRevokeCameoAccess($id: ID!, $u: ID!) {\n          revokeCameoAccess(cameoId: $id, userId: $u) {\n            id\n          }\n        }\n      ": typeof types.RevocationsRevokeCameoAccessDocument,
    "\n            query RevocationsCameo($id: ID!) {\n              cameo(id: $id) {\n                policyVersion\n              }\n            }\n          ": typeof types.RevocationsCameoDocument,
    "\n  mutation UsersAuthSignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        id\n        handle\n        displayName\n      }\n    }\n  }\n": typeof types.UsersAuthSignUpDocument,
    "\n  mutation UsersAuthSignIn($handle: String!, $password: String!) {\n    signIn(handle: $handle, password: $password) {\n      token\n      user {\n        handle\n      }\n    }\n  }\n": typeof types.UsersAuthSignInDocument,
    "\n  query AssetVisibilityRedisGeneration($id: ID!) {\n    generation(id: $id) {\n      id\n      status\n      hidden\n      videoUrl\n      provenance {\n        manifestUrl\n      }\n    }\n  }\n": typeof types.AssetVisibilityRedisGenerationDocument,
    "\n          mutation AssetVisibilityRedisCreateGeneration($input: CreateGenerationInput!) {\n            createGeneration(input: $input) {\n              id\n            }\n          }\n        ": typeof types.AssetVisibilityRedisCreateGenerationDocument,
    "\n        subscription AssetVisibilityRedisGenerationProgress($id: ID!) {\n          generationProgress(id: $id) {\n            status\n            generation {\n              prompt\n              videoUrl\n            }\n          }\n        }\n      ": typeof types.AssetVisibilityRedisGenerationProgressDocument,
    "\n          mutation AssetVisibilityRedisBlock($id: ID!) {\n            block(userId: $id) {\n              isBlockedByViewer\n            }\n          }\n        ": typeof types.AssetVisibilityRedisBlockDocument,
    "\n        mutation AssetVisibilityRedisPublishGeneration($id: ID!) {\n          publishGeneration(id: $id, caption: \"look\") {\n            id\n          }\n        }\n      ": typeof types.AssetVisibilityRedisPublishGenerationDocument,
    "\n        mutation AssetVisibilityRedisSetCameoPolicy2($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {\n            id\n          }\n        }\n      ": typeof types.AssetVisibilityRedisSetCameoPolicy2Document,
    "\n  mutation AssetVisibilityCreateGeneration2($input: CreateGenerationInput!) {\n    createGeneration(input: $input) {\n      id\n    }\n  }\n": typeof types.AssetVisibilityCreateGeneration2Document,
    "\n  query AssetVisibilityGeneration($id: ID!) {\n    generation(id: $id) {\n      id\n      status\n      videoUrl\n      provenance {\n        manifestUrl\n      }\n    }\n  }\n": typeof types.AssetVisibilityGenerationDocument,
    "\n      mutation AssetVisibilityPublishGeneration($id: ID!) {\n        publishGeneration(id: $id, caption: \"look\") {\n          id\n          publishedAt\n        }\n      }\n    ": typeof types.AssetVisibilityPublishGenerationDocument,
    "\n          mutation AssetVisibilityBlock($id: ID!) {\n            block(userId: $id) {\n              isBlockedByViewer\n            }\n          }\n        ": typeof types.AssetVisibilityBlockDocument,
    "\n          subscription AssetVisibilityGenerationProgress($id: ID!) {\n            generationProgress(id: $id) {\n              progress\n              generation {\n                prompt\n                caption\n                videoUrl\n              }\n            }\n          }\n        ": typeof types.AssetVisibilityGenerationProgressDocument,
    "\n          mutation AssetVisibilityRemoveCameoAppearance($g: ID!, $c: ID!) {\n            removeCameoAppearance(generationId: $g, cameoId: $c) {\n              hidden\n            }\n          }\n        ": typeof types.AssetVisibilityRemoveCameoAppearanceDocument,
    "\n        mutation AssetVisibilityCreateGeneration($input: CreateGenerationInput!) {\n          createGeneration(input: $input) {\n            id\n          }\n        }\n      ": typeof types.AssetVisibilityCreateGenerationDocument,
    "\n        mutation AssetVisibilitySetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {\n            id\n          }\n        }\n      ": typeof types.AssetVisibilitySetCameoPolicyDocument,
    "\n            query AssetVisibilityGeneration2($id: ID!) {\n              generation(id: $id) {\n                publishedAt\n              }\n            }\n          ": typeof types.AssetVisibilityGeneration2Document,
    "\n        mutation AuthSignUp {\n          signUp(input: { handle: \"linus\", displayName: \"Linus\", password: \"just for fun\" }) {\n            token\n            user {\n              id\n              handle\n            }\n          }\n        }\n      ": typeof types.AuthSignUpDocument,
    "\n        mutation AuthSignIn {\n          signIn(handle: \"@LINUS\", password: \"just for fun\") {\n            token\n          }\n        }\n      ": typeof types.AuthSignInDocument,
    "\n        mutation AuthSignIn2 {\n          signIn(handle: \"linus\", password: \"wrong password\") {\n            token\n          }\n        }\n      ": typeof types.AuthSignIn2Document,
    "\n        mutation BenchBaselinesSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n            id\n          }\n        }\n      ": typeof types.BenchBaselinesSetCameoPolicyDocument,
    "\n        mutation BenchBaselinesFollow($id: ID!) {\n          follow(userId: $id) {\n            id\n          }\n        }\n      ": typeof types.BenchBaselinesFollowDocument,
    "\n        mutation BenchBaselinesLikeGeneration($id: ID!) {\n          likeGeneration(id: $id) {\n            id\n          }\n        }\n      ": typeof types.BenchBaselinesLikeGenerationDocument,
    "\n  mutation CameoBadInputSetCameoPolicy($id: ID!) {\n    setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n      id\n    }\n  }\n": typeof types.CameoBadInputSetCameoPolicyDocument,
    "\n            mutation CameoBadInputSignUp {\n              signUp(input: { handle: \"no spaces\", displayName: \"X\", password: \"password123\" }) {\n                token\n              }\n            }\n          ": typeof types.CameoBadInputSignUpDocument,
    "\n            mutation CameoBadInputSignUp2 {\n              signUp(input: { handle: \"ALICE\", displayName: \"X\", password: \"password123\" }) {\n                token\n              }\n            }\n          ": typeof types.CameoBadInputSignUp2Document,
    "\n            mutation CameoBadInputSignUp3($d: String!) {\n              signUp(input: { handle: \"kiddo\", displayName: \"K\", password: \"password123\", birthDate: $d }) {\n                token\n              }\n            }\n          ": typeof types.CameoBadInputSignUp3Document,
    "\n            mutation CameoBadInputStartCameoVerification2 {\n              startCameoVerification(input: { kind: PERSON }) {\n                id\n              }\n            }\n          ": typeof types.CameoBadInputStartCameoVerification2Document,
    "\n            mutation CameoBadInputGrantCameoAccess($id: ID!) {\n              grantCameoAccess(cameoId: $id, handle: \"alice\") {\n                id\n              }\n            }\n          ": typeof types.CameoBadInputGrantCameoAccessDocument,
    "\n            mutation CameoBadInputGrantCameoAccess2($id: ID!) {\n              grantCameoAccess(cameoId: $id, handle: \"ghost\") {\n                id\n              }\n            }\n          ": typeof types.CameoBadInputGrantCameoAccess2Document,
    "\n            mutation CameoBadInputDeleteCameo($id: ID!) {\n              deleteCameo(cameoId: $id)\n            }\n          ": typeof types.CameoBadInputDeleteCameoDocument,
    "\n            mutation CameoBadInputSetCameoPolicy2 {\n              setCameoPolicy(cameoId: \"00000000-0000-0000-0000-000000000000\", input: { policy: EVERYONE }) {\n                id\n              }\n            }\n          ": typeof types.CameoBadInputSetCameoPolicy2Document,
    "\n            mutation CameoBadInputSetCameoPolicy3($id: ID!, $t: String!) {\n              setCameoPolicy(cameoId: $id, input: { policy: EVERYONE, restrictionsText: $t }) {\n                id\n              }\n            }\n          ": typeof types.CameoBadInputSetCameoPolicy3Document,
    "\n            mutation CameoBadInputUpdateProfile {\n              updateProfile(input: { bio: \"new bio\", avatarUrl: \"http://example.com/a.png\" }) {\n                id\n              }\n            }\n          ": typeof types.CameoBadInputUpdateProfileDocument,
    "\n            mutation CameoBadInputDeleteAccount {\n              deleteAccount(password: \"not my password\")\n            }\n          ": typeof types.CameoBadInputDeleteAccountDocument,
    "\n      mutation CameoConsentSetCameoPolicy($id: ID!, $input: SetCameoPolicyInput!) {\n        setCameoPolicy(cameoId: $id, input: $input) {\n          policy\n          policyVersion\n        }\n      }\n    ": typeof types.CameoConsentSetCameoPolicyDocument,
    "\n      query CameoConsent($id: ID!) {\n        cameoConsent(cameoId: $id) {\n          allowed\n          reason\n        }\n      }\n    ": typeof types.CameoConsentDocument,
    "\n      mutation CameoConsentGrantCameoAccess($id: ID!, $h: String!) {\n        grantCameoAccess(cameoId: $id, handle: $h) {\n          id\n        }\n      }\n    ": typeof types.CameoConsentGrantCameoAccessDocument,
    "\n      mutation CameoConsentGrantCameoAccess2($id: ID!) {\n        grantCameoAccess(cameoId: $id, handle: \"blocked\") {\n          id\n        }\n      }\n    ": typeof types.CameoConsentGrantCameoAccess2Document,
    "\n        mutation CameoConsentRevokeCameoAccess($id: ID!, $u: ID!) {\n          revokeCameoAccess(cameoId: $id, userId: $u) {\n            policyVersion\n          }\n        }\n      ": typeof types.CameoConsentRevokeCameoAccessDocument,
    "\n        mutation CameoConsentDeleteCameo($id: ID!) {\n          deleteCameo(cameoId: $id)\n        }\n      ": typeof types.CameoConsentDeleteCameoDocument,
    "\n          query CameoConsent2($id: ID!) {\n            cameoConsent(cameoId: $id) {\n              allowed\n              reason\n              restrictions {\n                text\n              }\n            }\n          }\n        ": typeof types.CameoConsent2Document,
    "\n        mutation CameoConsentStartCameoVerification {\n          startCameoVerification(input: { kind: PET, name: \"Pending\" }) {\n            id\n          }\n        }\n      ": typeof types.CameoConsentStartCameoVerificationDocument,
    "\n    query CameoConsentCameo($id: ID!) {\n      cameo(id: $id) {\n        name\n        owner {\n          handle\n        }\n        verificationPhrase\n        uploadUrl\n        recording {\n          sizeBytes\n        }\n        policy\n        approvedUsers {\n          handle\n        }\n        restrictions {\n          text\n          tags\n        }\n      }\n    }\n  ": typeof types.CameoConsentCameoDocument,
    "\n        mutation CameoConsentSetCameoPolicy2($id: ID!) {\n          setCameoPolicy(\n            cameoId: $id\n            input: { policy: APPROVED, restrictionsText: \"No sports brands\", restrictionTags: [NO_POLITICAL_CONTENT] }\n          ) {\n            id\n          }\n        }\n      ": typeof types.CameoConsentSetCameoPolicy2Document,
    "\n        mutation CameoConsentGrantCameoAccess3($id: ID!) {\n          grantCameoAccess(cameoId: $id, handle: \"approved\") {\n            id\n          }\n        }\n      ": typeof types.CameoConsentGrantCameoAccess3Document,
    "\n  mutation ConsentInvariantSetCameoPolicy($id: ID!, $p: ConsentPolicy!) {\n    setCameoPolicy(cameoId: $id, input: { policy: $p }) {\n      id\n    }\n  }\n": typeof types.ConsentInvariantSetCameoPolicyDocument,
    "\n  mutation ConsentInvariantCreateGeneration($input: CreateGenerationInput!) {\n    createGeneration(input: $input) {\n      id\n    }\n  }\n": typeof types.ConsentInvariantCreateGenerationDocument,
    "\n  mutation ConsentInvariantPublishGeneration($id: ID!) {\n    publishGeneration(id: $id, caption: \"look\") {\n      id\n    }\n  }\n": typeof types.ConsentInvariantPublishGenerationDocument,
    "\n  query ConsentInvariantGeneration3($id: ID!) {\n    generation(id: $id) {\n      id\n      videoUrl\n    }\n  }\n": typeof types.ConsentInvariantGeneration3Document,
    "\n  subscription ConsentInvariantGenerationProgress($id: ID!) {\n    generationProgress(id: $id) {\n      status\n      generation {\n        id\n      }\n    }\n  }\n": typeof types.ConsentInvariantGenerationProgressDocument,
    "\n                mutation ConsentInvariantUnblock($id: ID!) {\n                  unblock(userId: $id) {\n                    id\n                  }\n                }\n              ": typeof types.ConsentInvariantUnblockDocument,
    "\n                mutation ConsentInvariantUnfollow($id: ID!) {\n                  unfollow(userId: $id) {\n                    id\n                  }\n                }\n              ": typeof types.ConsentInvariantUnfollowDocument,
    "\n            query ConsentInvariantCameoConsent($id: ID!) {\n              cameoConsent(cameoId: $id) {\n                allowed\n              }\n            }\n          ": typeof types.ConsentInvariantCameoConsentDocument,
    "\n                query ConsentInvariantGeneration($id: ID!) {\n                  generation(id: $id) {\n                    status\n                    videoUrl\n                  }\n                }\n              ": typeof types.ConsentInvariantGenerationDocument,
    "\n                  query ConsentInvariantCameoConsent2($id: ID!) {\n                    cameoConsent(cameoId: $id) {\n                      allowed\n                      reason\n                    }\n                  }\n                ": typeof types.ConsentInvariantCameoConsent2Document,
    "\n                    query ConsentInvariantFeed($k: FeedKind!) {\n                      feed(kind: $k, first: 50) {\n                        edges {\n                          node {\n                            id\n                          }\n                        }\n                      }\n                    }\n                  ": typeof types.ConsentInvariantFeedDocument,
    "\n                  query ConsentInvariantGeneration2($id: ID!) {\n                    generation(id: $id) {\n                      id\n                    }\n                  }\n                ": typeof types.ConsentInvariantGeneration2Document,
    "\n                    query ConsentInvariantGeneration4($id: ID!) {\n                      generation(id: $id) {\n                        videoUrl\n                      }\n                    }\n                  ": typeof types.ConsentInvariantGeneration4Document,
    "\n                        mutation ConsentInvariantGrantCameoAccess($id: ID!, $h: String!) {\n                          grantCameoAccess(cameoId: $id, handle: $h) {\n                            id\n                          }\n                        }\n                      ": typeof types.ConsentInvariantGrantCameoAccessDocument,
    "\n                        mutation ConsentInvariantRevokeCameoAccess($id: ID!, $u: ID!) {\n                          revokeCameoAccess(cameoId: $id, userId: $u) {\n                            id\n                          }\n                        }\n                      ": typeof types.ConsentInvariantRevokeCameoAccessDocument,
    "\n                  mutation ConsentInvariantDeleteCameo($id: ID!) {\n                    deleteCameo(cameoId: $id)\n                  }\n                ": typeof types.ConsentInvariantDeleteCameoDocument,
    "\n                  mutation ConsentInvariantDeleteAccount {\n                    deleteAccount(password: \"password123\")\n                  }\n                ": typeof types.ConsentInvariantDeleteAccountDocument,
    "\n        query ConsentRevocationRedisGeneration($id: ID!) {\n          generation(id: $id) {\n            id\n            hidden\n          }\n        }\n      ": typeof types.ConsentRevocationRedisGenerationDocument,
    "\n        mutation ConsentRevocationRedisSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n            id\n          }\n        }\n      ": typeof types.ConsentRevocationRedisSetCameoPolicyDocument,
    "\n        mutation ConsentRevocationRedisBlock($id: ID!) {\n          block(userId: $id) {\n            id\n          }\n        }\n      ": typeof types.ConsentRevocationRedisBlockDocument,
    "\n            query ConsentRevocationRedisCameoConsent($id: ID!) {\n              cameoConsent(cameoId: $id) {\n                allowed\n              }\n            }\n          ": typeof types.ConsentRevocationRedisCameoConsentDocument,
    "\n  query EntityCacheFeed {\n    feed(kind: FOLLOWING, first: 10) {\n      edges {\n        node {\n          id\n          creator {\n            handle\n            displayName\n          }\n          cameos {\n            owner {\n              handle\n              displayName\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.EntityCacheFeedDocument,
    "\n        mutation EntityCacheSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n            id\n          }\n        }\n      ": typeof types.EntityCacheSetCameoPolicyDocument,
    "\n        mutation EntityCacheFollow($id: ID!) {\n          follow(userId: $id) {\n            id\n          }\n        }\n      ": typeof types.EntityCacheFollowDocument,
    "\n          mutation EntityCacheUpdateProfile {\n            updateProfile(input: { displayName: \"Bob the Builder\" }) {\n              id\n            }\n          }\n        ": typeof types.EntityCacheUpdateProfileDocument,
    "\n          mutation EntityCacheUpdateProfile2 {\n            updateProfile(input: { displayName: \"Ada L.\" }) {\n              id\n            }\n          }\n        ": typeof types.EntityCacheUpdateProfile2Document,
    "\n    query EntityCacheFeed2 {\n      feed(kind: FOR_YOU, first: 10) {\n        edges {\n          node {\n            id\n            creator {\n              handle\n              plan\n            }\n          }\n        }\n      }\n    }\n  ": typeof types.EntityCacheFeed2Document,
    "\n  mutation EntityStatementsFollow($id: ID!) {\n    follow(userId: $id) {\n      id\n    }\n  }\n": typeof types.EntityStatementsFollowDocument,
    "\n  mutation EntityStatementsLike($id: ID!) {\n    likeGeneration(id: $id) {\n      id\n    }\n  }\n": typeof types.EntityStatementsLikeDocument,
    "\n  query EntityStatementsFeed($kind: FeedKind!, $first: Int) {\n    feed(kind: $kind, first: $first) {\n      edges {\n        cursor\n        node {\n          id\n          caption\n          publishedAt\n          creator {\n            handle\n            displayName\n          }\n          cameos {\n            owner {\n              handle\n            }\n          }\n          video {\n            videoUrl\n            likeCount\n            commentCount\n            viewerHasLiked\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.EntityStatementsFeedDocument,
    "\n  mutation FeedFollow($id: ID!) {\n    follow(userId: $id) {\n      id\n    }\n  }\n": typeof types.FeedFollowDocument,
    "\n  query Feed2($after: String) {\n    feed(kind: FOR_YOU, after: $after) {\n      edges {\n        cursor\n      }\n    }\n  }\n": typeof types.Feed2Document,
    "\n  query Feed($kind: FeedKind!, $first: Int, $after: String) {\n    feed(kind: $kind, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          caption\n          creator {\n            handle\n          }\n          cameos {\n            owner {\n              handle\n            }\n          }\n          video {\n            videoUrl\n            likeCount\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.FeedDocument,
    "\n        query FeedFeed2($kind: FeedKind!, $first: Int, $after: String) {\n          feed(kind: $kind, first: $first, after: $after) {\n            edges {\n              node {\n                id\n              }\n            }\n            pageInfo {\n              hasNextPage\n              endCursor\n            }\n          }\n        }\n      ": typeof types.FeedFeed2Document,
    "\n        mutation FeedSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n            id\n          }\n        }\n      ": typeof types.FeedSetCameoPolicyDocument,
    "\n        mutation FeedLikeGeneration($id: ID!) {\n          likeGeneration(id: $id) {\n            id\n          }\n        }\n      ": typeof types.FeedLikeGenerationDocument,
    "\n          query FeedExplainRanking($id: ID!) {\n            explainRanking(postId: $id) {\n              shown\n              reasons {\n                factor\n                detail\n              }\n            }\n          }\n        ": typeof types.FeedExplainRankingDocument,
    "\n          mutation FeedSetFeedPreferences {\n            setFeedPreferences(text: \"more cats, less boats\") {\n              more\n              less\n            }\n          }\n        ": typeof types.FeedSetFeedPreferencesDocument,
    "\n          query FeedExplainRanking2($id: ID!) {\n            explainRanking(postId: $id) {\n              reasons {\n                factor\n                detail\n              }\n            }\n          }\n        ": typeof types.FeedExplainRanking2Document,
    "\n              mutation FeedSeeLessLikeThis($id: ID!) {\n                seeLessLikeThis(postId: $id)\n              }\n            ": typeof types.FeedSeeLessLikeThisDocument,
    "\n          mutation FeedBlock($id: ID!) {\n            block(userId: $id) {\n              id\n            }\n          }\n        ": typeof types.FeedBlockDocument,
    "\n          mutation FeedUnblock($id: ID!) {\n            unblock(userId: $id) {\n              id\n            }\n          }\n        ": typeof types.FeedUnblockDocument,
    "\n          mutation FeedSetCameoPolicy2($id: ID!) {\n            setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {\n              id\n            }\n          }\n        ": typeof types.FeedSetCameoPolicy2Document,
    "\n            query Feed3 {\n              feed(kind: FOR_YOU, first: 51) {\n                edges {\n                  cursor\n                }\n              }\n            }\n          ": typeof types.Feed3Document,
    "\n            query Feed4 {\n              feed(kind: FOLLOWING) {\n                edges {\n                  cursor\n                }\n              }\n            }\n          ": typeof types.Feed4Document,
    "\n          mutation FeedReuseLike($id: ID!) {\n            likeGeneration(id: $id) {\n              id\n            }\n          }\n        ": typeof types.FeedReuseLikeDocument,
    "\n          mutation FeedReuseSeeLess($id: ID!) {\n            seeLessLikeThis(postId: $id)\n          }\n        ": typeof types.FeedReuseSeeLessDocument,
    "\n          mutation FeedReuseSteer {\n            setFeedPreferences(text: \"more sunsets\") {\n              more\n            }\n          }\n        ": typeof types.FeedReuseSteerDocument,
    "\n        query GenerationOpenaiGeneration($id: ID!) {\n          generation(id: $id) {\n            status\n            progress\n            errorReason\n            videoUrl\n            model\n            provenance {\n              cameoOwners {\n                handle\n              }\n              model\n            }\n          }\n        }\n      ": typeof types.GenerationOpenaiGenerationDocument,
    "\n      mutation GenerationOpenaiSetCameoPolicy($id: ID!) {\n        setCameoPolicy(cameoId: $id, input: { policy: EVERYONE, restrictionTags: [NO_POLITICAL_CONTENT] }) {\n          id\n        }\n      }\n    ": typeof types.GenerationOpenaiSetCameoPolicyDocument,
    "\n      mutation GenerationOpenaiCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    ": typeof types.GenerationOpenaiCreateGenerationDocument,
    "\n      mutation GenerationOpenaiCreateGeneration2 {\n        createGeneration(input: { prompt: \"please FAIL\", seconds: 4 }) {\n          id\n        }\n      }\n    ": typeof types.GenerationOpenaiCreateGeneration2Document,
    "\n      mutation GenerationRedisCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    ": typeof types.GenerationRedisCreateGenerationDocument,
    "\n        mutation GenerationRedisRevokeCameoAccess($id: ID!, $u: ID!) {\n          revokeCameoAccess(cameoId: $id, userId: $u) {\n            id\n          }\n        }\n      ": typeof types.GenerationRedisRevokeCameoAccessDocument,
    "\n        mutation GenerationRedisGrantCameoAccess($id: ID!) {\n          grantCameoAccess(cameoId: $id, handle: \"creator\") {\n            id\n          }\n        }\n      ": typeof types.GenerationRedisGrantCameoAccessDocument,
    "\n      mutation GenerationRevokeEmbeddedSetCameoPolicy($id: ID!) {\n        setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n          id\n        }\n      }\n    ": typeof types.GenerationRevokeEmbeddedSetCameoPolicyDocument,
    "\n      mutation GenerationRevokeEmbeddedCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    ": typeof types.GenerationRevokeEmbeddedCreateGenerationDocument,
    "\n      mutation GenerationRevokeEmbeddedSetCameoPolicy2($id: ID!) {\n        setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {\n          id\n        }\n      }\n    ": typeof types.GenerationRevokeEmbeddedSetCameoPolicy2Document,
    "\n  query Generation3($id: ID!) {\n    generation(id: $id) {\n      id\n    }\n  }\n": typeof types.Generation3Document,
    "\n  mutation GenerationRemoveCameoAppearance($g: ID!, $c: ID!) {\n    removeCameoAppearance(generationId: $g, cameoId: $c) {\n      hidden\n    }\n  }\n": typeof types.GenerationRemoveCameoAppearanceDocument,
    "\n  mutation GenerationCancelGeneration($id: ID!) {\n    cancelGeneration(id: $id) {\n      status\n    }\n  }\n": typeof types.GenerationCancelGenerationDocument,
    "\n  mutation GenerationCreateGeneration($input: CreateGenerationInput!) {\n    createGeneration(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.GenerationCreateGenerationDocument,
    "\n        query Generation($id: ID!) {\n          generation(id: $id) {\n            status\n            progress\n          }\n        }\n      ": typeof types.GenerationDocument,
    "\n        query Generation2($id: ID!) {\n          generation(id: $id) {\n            videoUrl\n            watermark\n            creator {\n              handle\n            }\n            cameos {\n              id\n              owner {\n                handle\n              }\n            }\n            provenance {\n              creator {\n                handle\n              }\n              cameoOwners {\n                handle\n                displayName\n              }\n              model\n              promptSha256\n              manifestUrl\n            }\n          }\n        }\n      ": typeof types.Generation2Document,
    "\n      query GenerationCameo($id: ID!) {\n        cameo(id: $id) {\n          appearances(first: 10) {\n            edges {\n              node {\n                id\n                prompt\n              }\n            }\n            pageInfo {\n              hasNextPage\n            }\n          }\n        }\n      }\n    ": typeof types.GenerationCameoDocument,
    "\n        mutation GenerationPublishGeneration($id: ID!) {\n          publishGeneration(id: $id, caption: \"dawn patrol\") {\n            publishedAt\n            caption\n          }\n        }\n      ": typeof types.GenerationPublishGenerationDocument,
    "\n            mutation GenerationRetryGeneration($id: ID!) {\n              retryGeneration(id: $id) {\n                status\n              }\n            }\n          ": typeof types.GenerationRetryGenerationDocument,
    "\n        mutation GenerationRetryGeneration2($id: ID!) {\n          retryGeneration(id: $id) {\n            status\n            progress\n          }\n        }\n      ": typeof types.GenerationRetryGeneration2Document,
    "\n      query GenerationMyGenerations($after: String) {\n        myGenerations(first: 1, after: $after) {\n          edges {\n            node {\n              id\n              createdAt\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    ": typeof types.GenerationMyGenerationsDocument,
    "\n      query GenerationMyGenerations2($after: String) {\n        myGenerations(first: 1, after: $after) {\n          edges {\n            cursor\n            node {\n              id\n            }\n          }\n          pageInfo {\n            hasNextPage\n            hasPreviousPage\n            startCursor\n            endCursor\n          }\n        }\n      }\n    ": typeof types.GenerationMyGenerations2Document,
    "\n      query GenerationMyGenerations3($after: String, $status: GenerationStatus) {\n        myGenerations(first: 1, after: $after, status: $status) {\n          pageInfo {\n            endCursor\n          }\n        }\n      }\n    ": typeof types.GenerationMyGenerations3Document,
    "\n      query GenerationUser($id: ID!, $after: String) {\n        user(id: $id) {\n          generations(first: 1, after: $after) {\n            edges {\n              node {\n                id\n              }\n            }\n          }\n        }\n      }\n    ": typeof types.GenerationUserDocument,
    "\n          mutation SessionsSetCameoPolicy($id: ID!) {\n            setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n              policy\n            }\n          }\n        ": typeof types.SessionsSetCameoPolicyDocument,
    "\n        mutation SessionsCreateGeneration($input: CreateGenerationInput!) {\n          createGeneration(input: $input) {\n            id\n          }\n        }\n      ": typeof types.SessionsCreateGenerationDocument,
    "\n      mutation SessionsCreateGeneration2($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    ": typeof types.SessionsCreateGeneration2Document,
    "\n  mutation SocialFollow2($id: ID!) {\n    follow(userId: $id) {\n      id\n    }\n  }\n": typeof types.SocialFollow2Document,
    "\n  query SocialGeneration($id: ID!) {\n    generation(id: $id) {\n      id\n    }\n  }\n": typeof types.SocialGenerationDocument,
    "\n  mutation SocialLikeGeneration2($id: ID!) {\n    likeGeneration(id: $id) {\n      id\n    }\n  }\n": typeof types.SocialLikeGeneration2Document,
    "\n  mutation SocialDeleteComment($id: ID!) {\n    deleteComment(id: $id)\n  }\n": typeof types.SocialDeleteCommentDocument,
    "\n  query SocialGeneration7($id: ID!) {\n    generation(id: $id) {\n      commentCount\n    }\n  }\n": typeof types.SocialGeneration7Document,
    "\n  mutation SocialCreateComment3($input: CreateCommentInput!) {\n    createComment(input: $input) {\n      id\n    }\n  }\n": typeof types.SocialCreateComment3Document,
    "\n  mutation SocialFollow3($id: ID!) {\n    follow(userId: $id) {\n      id\n    }\n  }\n": typeof types.SocialFollow3Document,
    "\n          query SocialUser($id: ID!) {\n            user(id: $id) {\n              isFollowedByViewer\n              followsViewer\n              isMutual\n              followerCount\n              followingCount\n            }\n          }\n        ": typeof types.SocialUserDocument,
    "\n          query SocialCameo($id: ID!) {\n            cameo(id: $id) {\n              restrictions {\n                text\n              }\n            }\n          }\n        ": typeof types.SocialCameoDocument,
    "\n      mutation SocialCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    ": typeof types.SocialCreateGenerationDocument,
    "\n        mutation SocialSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: MUTUALS }) {\n            id\n          }\n        }\n      ": typeof types.SocialSetCameoPolicyDocument,
    "\n          mutation SocialFollow($id: ID!) {\n            follow(userId: $id) {\n              isFollowedByViewer\n            }\n          }\n        ": typeof types.SocialFollowDocument,
    "\n          query SocialUser2($id: ID!) {\n            user(id: $id) {\n              followers(first: 10) {\n                totalCount\n                edges {\n                  node {\n                    handle\n                  }\n                }\n              }\n            }\n          }\n        ": typeof types.SocialUser2Document,
    "\n          mutation SocialCreateComment($input: CreateCommentInput!) {\n            createComment(input: $input) {\n              id\n            }\n          }\n        ": typeof types.SocialCreateCommentDocument,
    "\n          mutation SocialBlock($id: ID!) {\n            block(userId: $id) {\n              isBlockedByViewer\n            }\n          }\n        ": typeof types.SocialBlockDocument,
    "\n              query SocialUser3($id: ID!) {\n                user(id: $id) {\n                  generations {\n                    edges {\n                      node {\n                        id\n                      }\n                    }\n                  }\n                }\n              }\n            ": typeof types.SocialUser3Document,
    "\n          query SocialGeneration2($id: ID!) {\n            generation(id: $id) {\n              commentCount\n              comments {\n                edges {\n                  node {\n                    body\n                  }\n                }\n              }\n            }\n          }\n        ": typeof types.SocialGeneration2Document,
    "\n            mutation SocialLikeGeneration($id: ID!) {\n              likeGeneration(id: $id) {\n                id\n              }\n            }\n          ": typeof types.SocialLikeGenerationDocument,
    "\n              query SocialGeneration3($id: ID!) {\n                generation(id: $id) {\n                  comments {\n                    edges {\n                      node {\n                        body\n                      }\n                    }\n                  }\n                }\n              }\n            ": typeof types.SocialGeneration3Document,
    "\n          mutation SocialUnblock($id: ID!) {\n            unblock(userId: $id) {\n              isBlockedByViewer\n            }\n          }\n        ": typeof types.SocialUnblockDocument,
    "\n          mutation SocialMute($id: ID!) {\n            mute(userId: $id) {\n              isMutedByViewer\n              isFollowedByViewer\n            }\n          }\n        ": typeof types.SocialMuteDocument,
    "\n              mutation SocialUnmute($id: ID!) {\n                unmute(userId: $id) {\n                  isMutedByViewer\n                }\n              }\n            ": typeof types.SocialUnmuteDocument,
    "\n              query SocialGeneration4($id: ID!) {\n                generation(id: $id) {\n                  likeCount\n                  viewerHasLiked\n                }\n              }\n            ": typeof types.SocialGeneration4Document,
    "\n          mutation SocialUnlikeGeneration($id: ID!) {\n            unlikeGeneration(id: $id) {\n              id\n            }\n          }\n        ": typeof types.SocialUnlikeGenerationDocument,
    "\n          mutation SocialRecordView($id: ID!) {\n            recordView(id: $id) {\n              viewCount\n            }\n          }\n        ": typeof types.SocialRecordViewDocument,
    "\n        query SocialGeneration5($id: ID!) {\n          generation(id: $id) {\n            viewCount\n          }\n        }\n      ": typeof types.SocialGeneration5Document,
    "\n            mutation SocialCreateComment2($input: CreateCommentInput!) {\n              createComment(input: $input) {\n                id\n                parentId\n              }\n            }\n          ": typeof types.SocialCreateComment2Document,
    "\n          query SocialGeneration6($id: ID!) {\n            generation(id: $id) {\n              comments(first: 1) {\n                edges {\n                  node {\n                    body\n                    replies {\n                      edges {\n                        node {\n                          body\n                          author {\n                            handle\n                          }\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        ": typeof types.SocialGeneration6Document,
    "\n            mutation SocialFollow4($id: ID!) {\n              follow(userId: $id) {\n                id\n              }\n            }\n          ": typeof types.SocialFollow4Document,
    "\n        subscription SocialNotificationReceived {\n          notificationReceived {\n            kind\n            actor {\n              handle\n            }\n            video {\n              id\n            }\n          }\n        }\n      ": typeof types.SocialNotificationReceivedDocument,
    "\n          query SocialUnreadNotificationCount {\n            unreadNotificationCount\n            notifications(first: 2) {\n              edges {\n                node {\n                  kind\n                  read\n                  actor {\n                    handle\n                  }\n                }\n              }\n            }\n          }\n        ": typeof types.SocialUnreadNotificationCountDocument,
    "\n              mutation SocialMarkNotificationsRead {\n                markNotificationsRead\n              }\n            ": typeof types.SocialMarkNotificationsReadDocument,
    "\n              query SocialUnreadNotificationCount2 {\n                unreadNotificationCount\n              }\n            ": typeof types.SocialUnreadNotificationCount2Document,
    "\n          query SocialGeneration8($id: ID!, $remix: ID!) {\n            source: generation(id: $id) {\n              remixes {\n                edges {\n                  node {\n                    id\n                    creator {\n                      handle\n                    }\n                  }\n                }\n              }\n            }\n            remix: generation(id: $remix) {\n              remixOf {\n                id\n              }\n            }\n          }\n        ": typeof types.SocialGeneration8Document,
    "\n            query SocialNotifications {\n              notifications(first: 10) {\n                edges {\n                  node {\n                    kind\n                    actor {\n                      handle\n                    }\n                    video {\n                      id\n                    }\n                  }\n                }\n              }\n            }\n          ": typeof types.SocialNotificationsDocument,
    "\n            query SocialNotifications2 {\n              notifications(first: 5) {\n                edges {\n                  node {\n                    kind\n                    actor {\n                      handle\n                    }\n                  }\n                }\n              }\n            }\n          ": typeof types.SocialNotifications2Document,
    "\n  query StartGeneration2($id: ID!) {\n    generation(id: $id) {\n      id\n    }\n  }\n": typeof types.StartGeneration2Document,
    "\n      mutation StartSignUp($handle: String!) {\n        signUp(input: { handle: $handle, displayName: \"Tester\", password: \"password123\" }) {\n          token\n        }\n      }\n    ": typeof types.StartSignUpDocument,
    "\n        mutation StartSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n            id\n          }\n        }\n      ": typeof types.StartSetCameoPolicyDocument,
    "\n        mutation StartFollow($id: ID!) {\n          follow(userId: $id) {\n            id\n          }\n        }\n      ": typeof types.StartFollowDocument,
    "\n            query StartFeed($kind: FeedKind!) {\n              feed(kind: $kind, first: 50) {\n                edges {\n                  node {\n                    id\n                  }\n                }\n              }\n            }\n          ": typeof types.StartFeedDocument,
    "\n            query StartGeneration($id: ID!) {\n              generation(id: $id) {\n                videoUrl\n              }\n            }\n          ": typeof types.StartGenerationDocument,
    "\n        mutation StartBlock($id: ID!) {\n          block(userId: $id) {\n            id\n          }\n        }\n      ": typeof types.StartBlockDocument,
    "\n            query StartCameoConsent($id: ID!) {\n              cameoConsent(cameoId: $id) {\n                allowed\n              }\n            }\n          ": typeof types.StartCameoConsentDocument,
    "\n        mutation StartSetCameoPolicy2($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {\n            id\n          }\n        }\n      ": typeof types.StartSetCameoPolicy2Document,
    "\n  subscription SubscriptionsRedisGenerationProgress($id: ID!) {\n    generationProgress(id: $id) {\n      progress\n      stage\n      status\n      generation {\n        prompt\n        creator {\n          handle\n        }\n        cameos {\n          owner {\n            displayName\n          }\n        }\n      }\n    }\n  }\n": typeof types.SubscriptionsRedisGenerationProgressDocument,
    "\n      mutation SubscriptionsRedisCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    ": typeof types.SubscriptionsRedisCreateGenerationDocument,
    "\n  subscription SubscriptionsMyGenerationUpdates2 {\n    myGenerationUpdates {\n      progress\n    }\n  }\n": typeof types.SubscriptionsMyGenerationUpdates2Document,
    "\n      mutation SubscriptionsCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    ": typeof types.SubscriptionsCreateGenerationDocument,
    "\n  subscription SubscriptionsGenerationProgress($id: ID!) {\n    generationProgress(id: $id) {\n      progress\n      stage\n      status\n      generation {\n        prompt\n        creator {\n          handle\n        }\n        cameos {\n          owner {\n            displayName\n          }\n        }\n      }\n    }\n  }\n": typeof types.SubscriptionsGenerationProgressDocument,
    "\n      subscription SubscriptionsMyGenerationUpdates {\n        myGenerationUpdates {\n          generationId\n          progress\n          status\n          generation {\n            creator {\n              handle\n            }\n          }\n        }\n      }\n    ": typeof types.SubscriptionsMyGenerationUpdatesDocument,
    "\n        subscription SubscriptionsMyGenerationUpdates3 {\n          myGenerationUpdates {\n            progress\n          }\n        }\n      ": typeof types.SubscriptionsMyGenerationUpdates3Document,
    "\n      mutation ThirdPartyClientsCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    ": typeof types.ThirdPartyClientsCreateGenerationDocument,
    "\n      mutation WorkerCrashCreateGeneration {\n        createGeneration(input: { prompt: \"survives a crash\", seconds: 4 }) {\n          id\n        }\n      }\n    ": typeof types.WorkerCrashCreateGenerationDocument,
    "\n      mutation TestSignUp($input: SignUpInput!) {\n        signUp(input: $input) {\n          token\n          user {\n            id\n          }\n        }\n      }\n    ": typeof types.TestSignUpDocument,
    "\n      mutation TestStartCameoVerification($input: StartCameoVerificationInput!) {\n        startCameoVerification(input: $input) {\n          id\n          uploadUrl\n          verificationPhrase\n        }\n      }\n    ": typeof types.TestStartCameoVerificationDocument,
    "\n          query TestCameoVerificationStatus($id: ID!) {\n            cameo(id: $id) {\n              status\n              rejectionReason\n            }\n          }\n        ": typeof types.TestCameoVerificationStatusDocument,
    "\n        mutation TestApproveCameo($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: APPROVED }) {\n            id\n          }\n        }\n      ": typeof types.TestApproveCameoDocument,
    "\n          mutation TestGrantCameo($id: ID!, $handle: String!) {\n            grantCameoAccess(cameoId: $id, handle: $handle) {\n              id\n            }\n          }\n        ": typeof types.TestGrantCameoDocument,
    "\n        mutation TestCreateGeneration($input: CreateGenerationInput!) {\n          createGeneration(input: $input) {\n            id\n          }\n        }\n      ": typeof types.TestCreateGenerationDocument,
    "\n    query TestGenerationStatus($id: ID!) {\n      generation(id: $id) {\n        status\n      }\n    }\n  ": typeof types.TestGenerationStatusDocument,
    "\n        mutation TestPublishGeneration($id: ID!, $caption: String!) {\n          publishGeneration(id: $id, caption: $caption) {\n            id\n          }\n        }\n      ": typeof types.TestPublishGenerationDocument,
};
const documents: Documents = {
    "\n        query RevocationsGeneration($id: ID!) {\n          generation(id: $id) {\n            id\n          }\n        }\n      ": types.RevocationsGenerationDocument,
    "\n          mutation RevocationsGrantCameoAccess($id: ID!, $h: String!) {\n            grantCameoAccess(cameoId: $id, handle: $h) {\n              id\n            }\n          }\n        ": types.RevocationsGrantCameoAccessDocument,
    "\n        mutation RevocationsRevokeCameoAccess($id: ID!, $u: ID!) {\n          revokeCameoAccess(cameoId: $id, userId: $u) {\n            id\n          }\n        }\n      ": types.RevocationsRevokeCameoAccessDocument,
    "\n            query RevocationsCameo($id: ID!) {\n              cameo(id: $id) {\n                policyVersion\n              }\n            }\n          ": types.RevocationsCameoDocument,
    "\n  mutation UsersAuthSignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        id\n        handle\n        displayName\n      }\n    }\n  }\n": types.UsersAuthSignUpDocument,
    "\n  mutation UsersAuthSignIn($handle: String!, $password: String!) {\n    signIn(handle: $handle, password: $password) {\n      token\n      user {\n        handle\n      }\n    }\n  }\n": types.UsersAuthSignInDocument,
    "\n  query AssetVisibilityRedisGeneration($id: ID!) {\n    generation(id: $id) {\n      id\n      status\n      hidden\n      videoUrl\n      provenance {\n        manifestUrl\n      }\n    }\n  }\n": types.AssetVisibilityRedisGenerationDocument,
    "\n          mutation AssetVisibilityRedisCreateGeneration($input: CreateGenerationInput!) {\n            createGeneration(input: $input) {\n              id\n            }\n          }\n        ": types.AssetVisibilityRedisCreateGenerationDocument,
    "\n        subscription AssetVisibilityRedisGenerationProgress($id: ID!) {\n          generationProgress(id: $id) {\n            status\n            generation {\n              prompt\n              videoUrl\n            }\n          }\n        }\n      ": types.AssetVisibilityRedisGenerationProgressDocument,
    "\n          mutation AssetVisibilityRedisBlock($id: ID!) {\n            block(userId: $id) {\n              isBlockedByViewer\n            }\n          }\n        ": types.AssetVisibilityRedisBlockDocument,
    "\n        mutation AssetVisibilityRedisPublishGeneration($id: ID!) {\n          publishGeneration(id: $id, caption: \"look\") {\n            id\n          }\n        }\n      ": types.AssetVisibilityRedisPublishGenerationDocument,
    "\n        mutation AssetVisibilityRedisSetCameoPolicy2($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {\n            id\n          }\n        }\n      ": types.AssetVisibilityRedisSetCameoPolicy2Document,
    "\n  mutation AssetVisibilityCreateGeneration2($input: CreateGenerationInput!) {\n    createGeneration(input: $input) {\n      id\n    }\n  }\n": types.AssetVisibilityCreateGeneration2Document,
    "\n  query AssetVisibilityGeneration($id: ID!) {\n    generation(id: $id) {\n      id\n      status\n      videoUrl\n      provenance {\n        manifestUrl\n      }\n    }\n  }\n": types.AssetVisibilityGenerationDocument,
    "\n      mutation AssetVisibilityPublishGeneration($id: ID!) {\n        publishGeneration(id: $id, caption: \"look\") {\n          id\n          publishedAt\n        }\n      }\n    ": types.AssetVisibilityPublishGenerationDocument,
    "\n          mutation AssetVisibilityBlock($id: ID!) {\n            block(userId: $id) {\n              isBlockedByViewer\n            }\n          }\n        ": types.AssetVisibilityBlockDocument,
    "\n          subscription AssetVisibilityGenerationProgress($id: ID!) {\n            generationProgress(id: $id) {\n              progress\n              generation {\n                prompt\n                caption\n                videoUrl\n              }\n            }\n          }\n        ": types.AssetVisibilityGenerationProgressDocument,
    "\n          mutation AssetVisibilityRemoveCameoAppearance($g: ID!, $c: ID!) {\n            removeCameoAppearance(generationId: $g, cameoId: $c) {\n              hidden\n            }\n          }\n        ": types.AssetVisibilityRemoveCameoAppearanceDocument,
    "\n        mutation AssetVisibilityCreateGeneration($input: CreateGenerationInput!) {\n          createGeneration(input: $input) {\n            id\n          }\n        }\n      ": types.AssetVisibilityCreateGenerationDocument,
    "\n        mutation AssetVisibilitySetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {\n            id\n          }\n        }\n      ": types.AssetVisibilitySetCameoPolicyDocument,
    "\n            query AssetVisibilityGeneration2($id: ID!) {\n              generation(id: $id) {\n                publishedAt\n              }\n            }\n          ": types.AssetVisibilityGeneration2Document,
    "\n        mutation AuthSignUp {\n          signUp(input: { handle: \"linus\", displayName: \"Linus\", password: \"just for fun\" }) {\n            token\n            user {\n              id\n              handle\n            }\n          }\n        }\n      ": types.AuthSignUpDocument,
    "\n        mutation AuthSignIn {\n          signIn(handle: \"@LINUS\", password: \"just for fun\") {\n            token\n          }\n        }\n      ": types.AuthSignInDocument,
    "\n        mutation AuthSignIn2 {\n          signIn(handle: \"linus\", password: \"wrong password\") {\n            token\n          }\n        }\n      ": types.AuthSignIn2Document,
    "\n        mutation BenchBaselinesSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n            id\n          }\n        }\n      ": types.BenchBaselinesSetCameoPolicyDocument,
    "\n        mutation BenchBaselinesFollow($id: ID!) {\n          follow(userId: $id) {\n            id\n          }\n        }\n      ": types.BenchBaselinesFollowDocument,
    "\n        mutation BenchBaselinesLikeGeneration($id: ID!) {\n          likeGeneration(id: $id) {\n            id\n          }\n        }\n      ": types.BenchBaselinesLikeGenerationDocument,
    "\n  mutation CameoBadInputSetCameoPolicy($id: ID!) {\n    setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n      id\n    }\n  }\n": types.CameoBadInputSetCameoPolicyDocument,
    "\n            mutation CameoBadInputSignUp {\n              signUp(input: { handle: \"no spaces\", displayName: \"X\", password: \"password123\" }) {\n                token\n              }\n            }\n          ": types.CameoBadInputSignUpDocument,
    "\n            mutation CameoBadInputSignUp2 {\n              signUp(input: { handle: \"ALICE\", displayName: \"X\", password: \"password123\" }) {\n                token\n              }\n            }\n          ": types.CameoBadInputSignUp2Document,
    "\n            mutation CameoBadInputSignUp3($d: String!) {\n              signUp(input: { handle: \"kiddo\", displayName: \"K\", password: \"password123\", birthDate: $d }) {\n                token\n              }\n            }\n          ": types.CameoBadInputSignUp3Document,
    "\n            mutation CameoBadInputStartCameoVerification2 {\n              startCameoVerification(input: { kind: PERSON }) {\n                id\n              }\n            }\n          ": types.CameoBadInputStartCameoVerification2Document,
    "\n            mutation CameoBadInputGrantCameoAccess($id: ID!) {\n              grantCameoAccess(cameoId: $id, handle: \"alice\") {\n                id\n              }\n            }\n          ": types.CameoBadInputGrantCameoAccessDocument,
    "\n            mutation CameoBadInputGrantCameoAccess2($id: ID!) {\n              grantCameoAccess(cameoId: $id, handle: \"ghost\") {\n                id\n              }\n            }\n          ": types.CameoBadInputGrantCameoAccess2Document,
    "\n            mutation CameoBadInputDeleteCameo($id: ID!) {\n              deleteCameo(cameoId: $id)\n            }\n          ": types.CameoBadInputDeleteCameoDocument,
    "\n            mutation CameoBadInputSetCameoPolicy2 {\n              setCameoPolicy(cameoId: \"00000000-0000-0000-0000-000000000000\", input: { policy: EVERYONE }) {\n                id\n              }\n            }\n          ": types.CameoBadInputSetCameoPolicy2Document,
    "\n            mutation CameoBadInputSetCameoPolicy3($id: ID!, $t: String!) {\n              setCameoPolicy(cameoId: $id, input: { policy: EVERYONE, restrictionsText: $t }) {\n                id\n              }\n            }\n          ": types.CameoBadInputSetCameoPolicy3Document,
    "\n            mutation CameoBadInputUpdateProfile {\n              updateProfile(input: { bio: \"new bio\", avatarUrl: \"http://example.com/a.png\" }) {\n                id\n              }\n            }\n          ": types.CameoBadInputUpdateProfileDocument,
    "\n            mutation CameoBadInputDeleteAccount {\n              deleteAccount(password: \"not my password\")\n            }\n          ": types.CameoBadInputDeleteAccountDocument,
    "\n      mutation CameoConsentSetCameoPolicy($id: ID!, $input: SetCameoPolicyInput!) {\n        setCameoPolicy(cameoId: $id, input: $input) {\n          policy\n          policyVersion\n        }\n      }\n    ": types.CameoConsentSetCameoPolicyDocument,
    "\n      query CameoConsent($id: ID!) {\n        cameoConsent(cameoId: $id) {\n          allowed\n          reason\n        }\n      }\n    ": types.CameoConsentDocument,
    "\n      mutation CameoConsentGrantCameoAccess($id: ID!, $h: String!) {\n        grantCameoAccess(cameoId: $id, handle: $h) {\n          id\n        }\n      }\n    ": types.CameoConsentGrantCameoAccessDocument,
    "\n      mutation CameoConsentGrantCameoAccess2($id: ID!) {\n        grantCameoAccess(cameoId: $id, handle: \"blocked\") {\n          id\n        }\n      }\n    ": types.CameoConsentGrantCameoAccess2Document,
    "\n        mutation CameoConsentRevokeCameoAccess($id: ID!, $u: ID!) {\n          revokeCameoAccess(cameoId: $id, userId: $u) {\n            policyVersion\n          }\n        }\n      ": types.CameoConsentRevokeCameoAccessDocument,
    "\n        mutation CameoConsentDeleteCameo($id: ID!) {\n          deleteCameo(cameoId: $id)\n        }\n      ": types.CameoConsentDeleteCameoDocument,
    "\n          query CameoConsent2($id: ID!) {\n            cameoConsent(cameoId: $id) {\n              allowed\n              reason\n              restrictions {\n                text\n              }\n            }\n          }\n        ": types.CameoConsent2Document,
    "\n        mutation CameoConsentStartCameoVerification {\n          startCameoVerification(input: { kind: PET, name: \"Pending\" }) {\n            id\n          }\n        }\n      ": types.CameoConsentStartCameoVerificationDocument,
    "\n    query CameoConsentCameo($id: ID!) {\n      cameo(id: $id) {\n        name\n        owner {\n          handle\n        }\n        verificationPhrase\n        uploadUrl\n        recording {\n          sizeBytes\n        }\n        policy\n        approvedUsers {\n          handle\n        }\n        restrictions {\n          text\n          tags\n        }\n      }\n    }\n  ": types.CameoConsentCameoDocument,
    "\n        mutation CameoConsentSetCameoPolicy2($id: ID!) {\n          setCameoPolicy(\n            cameoId: $id\n            input: { policy: APPROVED, restrictionsText: \"No sports brands\", restrictionTags: [NO_POLITICAL_CONTENT] }\n          ) {\n            id\n          }\n        }\n      ": types.CameoConsentSetCameoPolicy2Document,
    "\n        mutation CameoConsentGrantCameoAccess3($id: ID!) {\n          grantCameoAccess(cameoId: $id, handle: \"approved\") {\n            id\n          }\n        }\n      ": types.CameoConsentGrantCameoAccess3Document,
    "\n  mutation ConsentInvariantSetCameoPolicy($id: ID!, $p: ConsentPolicy!) {\n    setCameoPolicy(cameoId: $id, input: { policy: $p }) {\n      id\n    }\n  }\n": types.ConsentInvariantSetCameoPolicyDocument,
    "\n  mutation ConsentInvariantCreateGeneration($input: CreateGenerationInput!) {\n    createGeneration(input: $input) {\n      id\n    }\n  }\n": types.ConsentInvariantCreateGenerationDocument,
    "\n  mutation ConsentInvariantPublishGeneration($id: ID!) {\n    publishGeneration(id: $id, caption: \"look\") {\n      id\n    }\n  }\n": types.ConsentInvariantPublishGenerationDocument,
    "\n  query ConsentInvariantGeneration3($id: ID!) {\n    generation(id: $id) {\n      id\n      videoUrl\n    }\n  }\n": types.ConsentInvariantGeneration3Document,
    "\n  subscription ConsentInvariantGenerationProgress($id: ID!) {\n    generationProgress(id: $id) {\n      status\n      generation {\n        id\n      }\n    }\n  }\n": types.ConsentInvariantGenerationProgressDocument,
    "\n                mutation ConsentInvariantUnblock($id: ID!) {\n                  unblock(userId: $id) {\n                    id\n                  }\n                }\n              ": types.ConsentInvariantUnblockDocument,
    "\n                mutation ConsentInvariantUnfollow($id: ID!) {\n                  unfollow(userId: $id) {\n                    id\n                  }\n                }\n              ": types.ConsentInvariantUnfollowDocument,
    "\n            query ConsentInvariantCameoConsent($id: ID!) {\n              cameoConsent(cameoId: $id) {\n                allowed\n              }\n            }\n          ": types.ConsentInvariantCameoConsentDocument,
    "\n                query ConsentInvariantGeneration($id: ID!) {\n                  generation(id: $id) {\n                    status\n                    videoUrl\n                  }\n                }\n              ": types.ConsentInvariantGenerationDocument,
    "\n                  query ConsentInvariantCameoConsent2($id: ID!) {\n                    cameoConsent(cameoId: $id) {\n                      allowed\n                      reason\n                    }\n                  }\n                ": types.ConsentInvariantCameoConsent2Document,
    "\n                    query ConsentInvariantFeed($k: FeedKind!) {\n                      feed(kind: $k, first: 50) {\n                        edges {\n                          node {\n                            id\n                          }\n                        }\n                      }\n                    }\n                  ": types.ConsentInvariantFeedDocument,
    "\n                  query ConsentInvariantGeneration2($id: ID!) {\n                    generation(id: $id) {\n                      id\n                    }\n                  }\n                ": types.ConsentInvariantGeneration2Document,
    "\n                    query ConsentInvariantGeneration4($id: ID!) {\n                      generation(id: $id) {\n                        videoUrl\n                      }\n                    }\n                  ": types.ConsentInvariantGeneration4Document,
    "\n                        mutation ConsentInvariantGrantCameoAccess($id: ID!, $h: String!) {\n                          grantCameoAccess(cameoId: $id, handle: $h) {\n                            id\n                          }\n                        }\n                      ": types.ConsentInvariantGrantCameoAccessDocument,
    "\n                        mutation ConsentInvariantRevokeCameoAccess($id: ID!, $u: ID!) {\n                          revokeCameoAccess(cameoId: $id, userId: $u) {\n                            id\n                          }\n                        }\n                      ": types.ConsentInvariantRevokeCameoAccessDocument,
    "\n                  mutation ConsentInvariantDeleteCameo($id: ID!) {\n                    deleteCameo(cameoId: $id)\n                  }\n                ": types.ConsentInvariantDeleteCameoDocument,
    "\n                  mutation ConsentInvariantDeleteAccount {\n                    deleteAccount(password: \"password123\")\n                  }\n                ": types.ConsentInvariantDeleteAccountDocument,
    "\n        query ConsentRevocationRedisGeneration($id: ID!) {\n          generation(id: $id) {\n            id\n            hidden\n          }\n        }\n      ": types.ConsentRevocationRedisGenerationDocument,
    "\n        mutation ConsentRevocationRedisSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n            id\n          }\n        }\n      ": types.ConsentRevocationRedisSetCameoPolicyDocument,
    "\n        mutation ConsentRevocationRedisBlock($id: ID!) {\n          block(userId: $id) {\n            id\n          }\n        }\n      ": types.ConsentRevocationRedisBlockDocument,
    "\n            query ConsentRevocationRedisCameoConsent($id: ID!) {\n              cameoConsent(cameoId: $id) {\n                allowed\n              }\n            }\n          ": types.ConsentRevocationRedisCameoConsentDocument,
    "\n  query EntityCacheFeed {\n    feed(kind: FOLLOWING, first: 10) {\n      edges {\n        node {\n          id\n          creator {\n            handle\n            displayName\n          }\n          cameos {\n            owner {\n              handle\n              displayName\n            }\n          }\n        }\n      }\n    }\n  }\n": types.EntityCacheFeedDocument,
    "\n        mutation EntityCacheSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n            id\n          }\n        }\n      ": types.EntityCacheSetCameoPolicyDocument,
    "\n        mutation EntityCacheFollow($id: ID!) {\n          follow(userId: $id) {\n            id\n          }\n        }\n      ": types.EntityCacheFollowDocument,
    "\n          mutation EntityCacheUpdateProfile {\n            updateProfile(input: { displayName: \"Bob the Builder\" }) {\n              id\n            }\n          }\n        ": types.EntityCacheUpdateProfileDocument,
    "\n          mutation EntityCacheUpdateProfile2 {\n            updateProfile(input: { displayName: \"Ada L.\" }) {\n              id\n            }\n          }\n        ": types.EntityCacheUpdateProfile2Document,
    "\n    query EntityCacheFeed2 {\n      feed(kind: FOR_YOU, first: 10) {\n        edges {\n          node {\n            id\n            creator {\n              handle\n              plan\n            }\n          }\n        }\n      }\n    }\n  ": types.EntityCacheFeed2Document,
    "\n  mutation EntityStatementsFollow($id: ID!) {\n    follow(userId: $id) {\n      id\n    }\n  }\n": types.EntityStatementsFollowDocument,
    "\n  mutation EntityStatementsLike($id: ID!) {\n    likeGeneration(id: $id) {\n      id\n    }\n  }\n": types.EntityStatementsLikeDocument,
    "\n  query EntityStatementsFeed($kind: FeedKind!, $first: Int) {\n    feed(kind: $kind, first: $first) {\n      edges {\n        cursor\n        node {\n          id\n          caption\n          publishedAt\n          creator {\n            handle\n            displayName\n          }\n          cameos {\n            owner {\n              handle\n            }\n          }\n          video {\n            videoUrl\n            likeCount\n            commentCount\n            viewerHasLiked\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.EntityStatementsFeedDocument,
    "\n  mutation FeedFollow($id: ID!) {\n    follow(userId: $id) {\n      id\n    }\n  }\n": types.FeedFollowDocument,
    "\n  query Feed2($after: String) {\n    feed(kind: FOR_YOU, after: $after) {\n      edges {\n        cursor\n      }\n    }\n  }\n": types.Feed2Document,
    "\n  query Feed($kind: FeedKind!, $first: Int, $after: String) {\n    feed(kind: $kind, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          caption\n          creator {\n            handle\n          }\n          cameos {\n            owner {\n              handle\n            }\n          }\n          video {\n            videoUrl\n            likeCount\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.FeedDocument,
    "\n        query FeedFeed2($kind: FeedKind!, $first: Int, $after: String) {\n          feed(kind: $kind, first: $first, after: $after) {\n            edges {\n              node {\n                id\n              }\n            }\n            pageInfo {\n              hasNextPage\n              endCursor\n            }\n          }\n        }\n      ": types.FeedFeed2Document,
    "\n        mutation FeedSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n            id\n          }\n        }\n      ": types.FeedSetCameoPolicyDocument,
    "\n        mutation FeedLikeGeneration($id: ID!) {\n          likeGeneration(id: $id) {\n            id\n          }\n        }\n      ": types.FeedLikeGenerationDocument,
    "\n          query FeedExplainRanking($id: ID!) {\n            explainRanking(postId: $id) {\n              shown\n              reasons {\n                factor\n                detail\n              }\n            }\n          }\n        ": types.FeedExplainRankingDocument,
    "\n          mutation FeedSetFeedPreferences {\n            setFeedPreferences(text: \"more cats, less boats\") {\n              more\n              less\n            }\n          }\n        ": types.FeedSetFeedPreferencesDocument,
    "\n          query FeedExplainRanking2($id: ID!) {\n            explainRanking(postId: $id) {\n              reasons {\n                factor\n                detail\n              }\n            }\n          }\n        ": types.FeedExplainRanking2Document,
    "\n              mutation FeedSeeLessLikeThis($id: ID!) {\n                seeLessLikeThis(postId: $id)\n              }\n            ": types.FeedSeeLessLikeThisDocument,
    "\n          mutation FeedBlock($id: ID!) {\n            block(userId: $id) {\n              id\n            }\n          }\n        ": types.FeedBlockDocument,
    "\n          mutation FeedUnblock($id: ID!) {\n            unblock(userId: $id) {\n              id\n            }\n          }\n        ": types.FeedUnblockDocument,
    "\n          mutation FeedSetCameoPolicy2($id: ID!) {\n            setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {\n              id\n            }\n          }\n        ": types.FeedSetCameoPolicy2Document,
    "\n            query Feed3 {\n              feed(kind: FOR_YOU, first: 51) {\n                edges {\n                  cursor\n                }\n              }\n            }\n          ": types.Feed3Document,
    "\n            query Feed4 {\n              feed(kind: FOLLOWING) {\n                edges {\n                  cursor\n                }\n              }\n            }\n          ": types.Feed4Document,
    "\n          mutation FeedReuseLike($id: ID!) {\n            likeGeneration(id: $id) {\n              id\n            }\n          }\n        ": types.FeedReuseLikeDocument,
    "\n          mutation FeedReuseSeeLess($id: ID!) {\n            seeLessLikeThis(postId: $id)\n          }\n        ": types.FeedReuseSeeLessDocument,
    "\n          mutation FeedReuseSteer {\n            setFeedPreferences(text: \"more sunsets\") {\n              more\n            }\n          }\n        ": types.FeedReuseSteerDocument,
    "\n        query GenerationOpenaiGeneration($id: ID!) {\n          generation(id: $id) {\n            status\n            progress\n            errorReason\n            videoUrl\n            model\n            provenance {\n              cameoOwners {\n                handle\n              }\n              model\n            }\n          }\n        }\n      ": types.GenerationOpenaiGenerationDocument,
    "\n      mutation GenerationOpenaiSetCameoPolicy($id: ID!) {\n        setCameoPolicy(cameoId: $id, input: { policy: EVERYONE, restrictionTags: [NO_POLITICAL_CONTENT] }) {\n          id\n        }\n      }\n    ": types.GenerationOpenaiSetCameoPolicyDocument,
    "\n      mutation GenerationOpenaiCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    ": types.GenerationOpenaiCreateGenerationDocument,
    "\n      mutation GenerationOpenaiCreateGeneration2 {\n        createGeneration(input: { prompt: \"please FAIL\", seconds: 4 }) {\n          id\n        }\n      }\n    ": types.GenerationOpenaiCreateGeneration2Document,
    "\n      mutation GenerationRedisCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    ": types.GenerationRedisCreateGenerationDocument,
    "\n        mutation GenerationRedisRevokeCameoAccess($id: ID!, $u: ID!) {\n          revokeCameoAccess(cameoId: $id, userId: $u) {\n            id\n          }\n        }\n      ": types.GenerationRedisRevokeCameoAccessDocument,
    "\n        mutation GenerationRedisGrantCameoAccess($id: ID!) {\n          grantCameoAccess(cameoId: $id, handle: \"creator\") {\n            id\n          }\n        }\n      ": types.GenerationRedisGrantCameoAccessDocument,
    "\n      mutation GenerationRevokeEmbeddedSetCameoPolicy($id: ID!) {\n        setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n          id\n        }\n      }\n    ": types.GenerationRevokeEmbeddedSetCameoPolicyDocument,
    "\n      mutation GenerationRevokeEmbeddedCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    ": types.GenerationRevokeEmbeddedCreateGenerationDocument,
    "\n      mutation GenerationRevokeEmbeddedSetCameoPolicy2($id: ID!) {\n        setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {\n          id\n        }\n      }\n    ": types.GenerationRevokeEmbeddedSetCameoPolicy2Document,
    "\n  query Generation3($id: ID!) {\n    generation(id: $id) {\n      id\n    }\n  }\n": types.Generation3Document,
    "\n  mutation GenerationRemoveCameoAppearance($g: ID!, $c: ID!) {\n    removeCameoAppearance(generationId: $g, cameoId: $c) {\n      hidden\n    }\n  }\n": types.GenerationRemoveCameoAppearanceDocument,
    "\n  mutation GenerationCancelGeneration($id: ID!) {\n    cancelGeneration(id: $id) {\n      status\n    }\n  }\n": types.GenerationCancelGenerationDocument,
    "\n  mutation GenerationCreateGeneration($input: CreateGenerationInput!) {\n    createGeneration(input: $input) {\n      id\n      status\n    }\n  }\n": types.GenerationCreateGenerationDocument,
    "\n        query Generation($id: ID!) {\n          generation(id: $id) {\n            status\n            progress\n          }\n        }\n      ": types.GenerationDocument,
    "\n        query Generation2($id: ID!) {\n          generation(id: $id) {\n            videoUrl\n            watermark\n            creator {\n              handle\n            }\n            cameos {\n              id\n              owner {\n                handle\n              }\n            }\n            provenance {\n              creator {\n                handle\n              }\n              cameoOwners {\n                handle\n                displayName\n              }\n              model\n              promptSha256\n              manifestUrl\n            }\n          }\n        }\n      ": types.Generation2Document,
    "\n      query GenerationCameo($id: ID!) {\n        cameo(id: $id) {\n          appearances(first: 10) {\n            edges {\n              node {\n                id\n                prompt\n              }\n            }\n            pageInfo {\n              hasNextPage\n            }\n          }\n        }\n      }\n    ": types.GenerationCameoDocument,
    "\n        mutation GenerationPublishGeneration($id: ID!) {\n          publishGeneration(id: $id, caption: \"dawn patrol\") {\n            publishedAt\n            caption\n          }\n        }\n      ": types.GenerationPublishGenerationDocument,
    "\n            mutation GenerationRetryGeneration($id: ID!) {\n              retryGeneration(id: $id) {\n                status\n              }\n            }\n          ": types.GenerationRetryGenerationDocument,
    "\n        mutation GenerationRetryGeneration2($id: ID!) {\n          retryGeneration(id: $id) {\n            status\n            progress\n          }\n        }\n      ": types.GenerationRetryGeneration2Document,
    "\n      query GenerationMyGenerations($after: String) {\n        myGenerations(first: 1, after: $after) {\n          edges {\n            node {\n              id\n              createdAt\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    ": types.GenerationMyGenerationsDocument,
    "\n      query GenerationMyGenerations2($after: String) {\n        myGenerations(first: 1, after: $after) {\n          edges {\n            cursor\n            node {\n              id\n            }\n          }\n          pageInfo {\n            hasNextPage\n            hasPreviousPage\n            startCursor\n            endCursor\n          }\n        }\n      }\n    ": types.GenerationMyGenerations2Document,
    "\n      query GenerationMyGenerations3($after: String, $status: GenerationStatus) {\n        myGenerations(first: 1, after: $after, status: $status) {\n          pageInfo {\n            endCursor\n          }\n        }\n      }\n    ": types.GenerationMyGenerations3Document,
    "\n      query GenerationUser($id: ID!, $after: String) {\n        user(id: $id) {\n          generations(first: 1, after: $after) {\n            edges {\n              node {\n                id\n              }\n            }\n          }\n        }\n      }\n    ": types.GenerationUserDocument,
    "\n          mutation SessionsSetCameoPolicy($id: ID!) {\n            setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n              policy\n            }\n          }\n        ": types.SessionsSetCameoPolicyDocument,
    "\n        mutation SessionsCreateGeneration($input: CreateGenerationInput!) {\n          createGeneration(input: $input) {\n            id\n          }\n        }\n      ": types.SessionsCreateGenerationDocument,
    "\n      mutation SessionsCreateGeneration2($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    ": types.SessionsCreateGeneration2Document,
    "\n  mutation SocialFollow2($id: ID!) {\n    follow(userId: $id) {\n      id\n    }\n  }\n": types.SocialFollow2Document,
    "\n  query SocialGeneration($id: ID!) {\n    generation(id: $id) {\n      id\n    }\n  }\n": types.SocialGenerationDocument,
    "\n  mutation SocialLikeGeneration2($id: ID!) {\n    likeGeneration(id: $id) {\n      id\n    }\n  }\n": types.SocialLikeGeneration2Document,
    "\n  mutation SocialDeleteComment($id: ID!) {\n    deleteComment(id: $id)\n  }\n": types.SocialDeleteCommentDocument,
    "\n  query SocialGeneration7($id: ID!) {\n    generation(id: $id) {\n      commentCount\n    }\n  }\n": types.SocialGeneration7Document,
    "\n  mutation SocialCreateComment3($input: CreateCommentInput!) {\n    createComment(input: $input) {\n      id\n    }\n  }\n": types.SocialCreateComment3Document,
    "\n  mutation SocialFollow3($id: ID!) {\n    follow(userId: $id) {\n      id\n    }\n  }\n": types.SocialFollow3Document,
    "\n          query SocialUser($id: ID!) {\n            user(id: $id) {\n              isFollowedByViewer\n              followsViewer\n              isMutual\n              followerCount\n              followingCount\n            }\n          }\n        ": types.SocialUserDocument,
    "\n          query SocialCameo($id: ID!) {\n            cameo(id: $id) {\n              restrictions {\n                text\n              }\n            }\n          }\n        ": types.SocialCameoDocument,
    "\n      mutation SocialCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    ": types.SocialCreateGenerationDocument,
    "\n        mutation SocialSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: MUTUALS }) {\n            id\n          }\n        }\n      ": types.SocialSetCameoPolicyDocument,
    "\n          mutation SocialFollow($id: ID!) {\n            follow(userId: $id) {\n              isFollowedByViewer\n            }\n          }\n        ": types.SocialFollowDocument,
    "\n          query SocialUser2($id: ID!) {\n            user(id: $id) {\n              followers(first: 10) {\n                totalCount\n                edges {\n                  node {\n                    handle\n                  }\n                }\n              }\n            }\n          }\n        ": types.SocialUser2Document,
    "\n          mutation SocialCreateComment($input: CreateCommentInput!) {\n            createComment(input: $input) {\n              id\n            }\n          }\n        ": types.SocialCreateCommentDocument,
    "\n          mutation SocialBlock($id: ID!) {\n            block(userId: $id) {\n              isBlockedByViewer\n            }\n          }\n        ": types.SocialBlockDocument,
    "\n              query SocialUser3($id: ID!) {\n                user(id: $id) {\n                  generations {\n                    edges {\n                      node {\n                        id\n                      }\n                    }\n                  }\n                }\n              }\n            ": types.SocialUser3Document,
    "\n          query SocialGeneration2($id: ID!) {\n            generation(id: $id) {\n              commentCount\n              comments {\n                edges {\n                  node {\n                    body\n                  }\n                }\n              }\n            }\n          }\n        ": types.SocialGeneration2Document,
    "\n            mutation SocialLikeGeneration($id: ID!) {\n              likeGeneration(id: $id) {\n                id\n              }\n            }\n          ": types.SocialLikeGenerationDocument,
    "\n              query SocialGeneration3($id: ID!) {\n                generation(id: $id) {\n                  comments {\n                    edges {\n                      node {\n                        body\n                      }\n                    }\n                  }\n                }\n              }\n            ": types.SocialGeneration3Document,
    "\n          mutation SocialUnblock($id: ID!) {\n            unblock(userId: $id) {\n              isBlockedByViewer\n            }\n          }\n        ": types.SocialUnblockDocument,
    "\n          mutation SocialMute($id: ID!) {\n            mute(userId: $id) {\n              isMutedByViewer\n              isFollowedByViewer\n            }\n          }\n        ": types.SocialMuteDocument,
    "\n              mutation SocialUnmute($id: ID!) {\n                unmute(userId: $id) {\n                  isMutedByViewer\n                }\n              }\n            ": types.SocialUnmuteDocument,
    "\n              query SocialGeneration4($id: ID!) {\n                generation(id: $id) {\n                  likeCount\n                  viewerHasLiked\n                }\n              }\n            ": types.SocialGeneration4Document,
    "\n          mutation SocialUnlikeGeneration($id: ID!) {\n            unlikeGeneration(id: $id) {\n              id\n            }\n          }\n        ": types.SocialUnlikeGenerationDocument,
    "\n          mutation SocialRecordView($id: ID!) {\n            recordView(id: $id) {\n              viewCount\n            }\n          }\n        ": types.SocialRecordViewDocument,
    "\n        query SocialGeneration5($id: ID!) {\n          generation(id: $id) {\n            viewCount\n          }\n        }\n      ": types.SocialGeneration5Document,
    "\n            mutation SocialCreateComment2($input: CreateCommentInput!) {\n              createComment(input: $input) {\n                id\n                parentId\n              }\n            }\n          ": types.SocialCreateComment2Document,
    "\n          query SocialGeneration6($id: ID!) {\n            generation(id: $id) {\n              comments(first: 1) {\n                edges {\n                  node {\n                    body\n                    replies {\n                      edges {\n                        node {\n                          body\n                          author {\n                            handle\n                          }\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        ": types.SocialGeneration6Document,
    "\n            mutation SocialFollow4($id: ID!) {\n              follow(userId: $id) {\n                id\n              }\n            }\n          ": types.SocialFollow4Document,
    "\n        subscription SocialNotificationReceived {\n          notificationReceived {\n            kind\n            actor {\n              handle\n            }\n            video {\n              id\n            }\n          }\n        }\n      ": types.SocialNotificationReceivedDocument,
    "\n          query SocialUnreadNotificationCount {\n            unreadNotificationCount\n            notifications(first: 2) {\n              edges {\n                node {\n                  kind\n                  read\n                  actor {\n                    handle\n                  }\n                }\n              }\n            }\n          }\n        ": types.SocialUnreadNotificationCountDocument,
    "\n              mutation SocialMarkNotificationsRead {\n                markNotificationsRead\n              }\n            ": types.SocialMarkNotificationsReadDocument,
    "\n              query SocialUnreadNotificationCount2 {\n                unreadNotificationCount\n              }\n            ": types.SocialUnreadNotificationCount2Document,
    "\n          query SocialGeneration8($id: ID!, $remix: ID!) {\n            source: generation(id: $id) {\n              remixes {\n                edges {\n                  node {\n                    id\n                    creator {\n                      handle\n                    }\n                  }\n                }\n              }\n            }\n            remix: generation(id: $remix) {\n              remixOf {\n                id\n              }\n            }\n          }\n        ": types.SocialGeneration8Document,
    "\n            query SocialNotifications {\n              notifications(first: 10) {\n                edges {\n                  node {\n                    kind\n                    actor {\n                      handle\n                    }\n                    video {\n                      id\n                    }\n                  }\n                }\n              }\n            }\n          ": types.SocialNotificationsDocument,
    "\n            query SocialNotifications2 {\n              notifications(first: 5) {\n                edges {\n                  node {\n                    kind\n                    actor {\n                      handle\n                    }\n                  }\n                }\n              }\n            }\n          ": types.SocialNotifications2Document,
    "\n  query StartGeneration2($id: ID!) {\n    generation(id: $id) {\n      id\n    }\n  }\n": types.StartGeneration2Document,
    "\n      mutation StartSignUp($handle: String!) {\n        signUp(input: { handle: $handle, displayName: \"Tester\", password: \"password123\" }) {\n          token\n        }\n      }\n    ": types.StartSignUpDocument,
    "\n        mutation StartSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n            id\n          }\n        }\n      ": types.StartSetCameoPolicyDocument,
    "\n        mutation StartFollow($id: ID!) {\n          follow(userId: $id) {\n            id\n          }\n        }\n      ": types.StartFollowDocument,
    "\n            query StartFeed($kind: FeedKind!) {\n              feed(kind: $kind, first: 50) {\n                edges {\n                  node {\n                    id\n                  }\n                }\n              }\n            }\n          ": types.StartFeedDocument,
    "\n            query StartGeneration($id: ID!) {\n              generation(id: $id) {\n                videoUrl\n              }\n            }\n          ": types.StartGenerationDocument,
    "\n        mutation StartBlock($id: ID!) {\n          block(userId: $id) {\n            id\n          }\n        }\n      ": types.StartBlockDocument,
    "\n            query StartCameoConsent($id: ID!) {\n              cameoConsent(cameoId: $id) {\n                allowed\n              }\n            }\n          ": types.StartCameoConsentDocument,
    "\n        mutation StartSetCameoPolicy2($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {\n            id\n          }\n        }\n      ": types.StartSetCameoPolicy2Document,
    "\n  subscription SubscriptionsRedisGenerationProgress($id: ID!) {\n    generationProgress(id: $id) {\n      progress\n      stage\n      status\n      generation {\n        prompt\n        creator {\n          handle\n        }\n        cameos {\n          owner {\n            displayName\n          }\n        }\n      }\n    }\n  }\n": types.SubscriptionsRedisGenerationProgressDocument,
    "\n      mutation SubscriptionsRedisCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    ": types.SubscriptionsRedisCreateGenerationDocument,
    "\n  subscription SubscriptionsMyGenerationUpdates2 {\n    myGenerationUpdates {\n      progress\n    }\n  }\n": types.SubscriptionsMyGenerationUpdates2Document,
    "\n      mutation SubscriptionsCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    ": types.SubscriptionsCreateGenerationDocument,
    "\n  subscription SubscriptionsGenerationProgress($id: ID!) {\n    generationProgress(id: $id) {\n      progress\n      stage\n      status\n      generation {\n        prompt\n        creator {\n          handle\n        }\n        cameos {\n          owner {\n            displayName\n          }\n        }\n      }\n    }\n  }\n": types.SubscriptionsGenerationProgressDocument,
    "\n      subscription SubscriptionsMyGenerationUpdates {\n        myGenerationUpdates {\n          generationId\n          progress\n          status\n          generation {\n            creator {\n              handle\n            }\n          }\n        }\n      }\n    ": types.SubscriptionsMyGenerationUpdatesDocument,
    "\n        subscription SubscriptionsMyGenerationUpdates3 {\n          myGenerationUpdates {\n            progress\n          }\n        }\n      ": types.SubscriptionsMyGenerationUpdates3Document,
    "\n      mutation ThirdPartyClientsCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    ": types.ThirdPartyClientsCreateGenerationDocument,
    "\n      mutation WorkerCrashCreateGeneration {\n        createGeneration(input: { prompt: \"survives a crash\", seconds: 4 }) {\n          id\n        }\n      }\n    ": types.WorkerCrashCreateGenerationDocument,
    "\n      mutation TestSignUp($input: SignUpInput!) {\n        signUp(input: $input) {\n          token\n          user {\n            id\n          }\n        }\n      }\n    ": types.TestSignUpDocument,
    "\n      mutation TestStartCameoVerification($input: StartCameoVerificationInput!) {\n        startCameoVerification(input: $input) {\n          id\n          uploadUrl\n          verificationPhrase\n        }\n      }\n    ": types.TestStartCameoVerificationDocument,
    "\n          query TestCameoVerificationStatus($id: ID!) {\n            cameo(id: $id) {\n              status\n              rejectionReason\n            }\n          }\n        ": types.TestCameoVerificationStatusDocument,
    "\n        mutation TestApproveCameo($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: APPROVED }) {\n            id\n          }\n        }\n      ": types.TestApproveCameoDocument,
    "\n          mutation TestGrantCameo($id: ID!, $handle: String!) {\n            grantCameoAccess(cameoId: $id, handle: $handle) {\n              id\n            }\n          }\n        ": types.TestGrantCameoDocument,
    "\n        mutation TestCreateGeneration($input: CreateGenerationInput!) {\n          createGeneration(input: $input) {\n            id\n          }\n        }\n      ": types.TestCreateGenerationDocument,
    "\n    query TestGenerationStatus($id: ID!) {\n      generation(id: $id) {\n        status\n      }\n    }\n  ": types.TestGenerationStatusDocument,
    "\n        mutation TestPublishGeneration($id: ID!, $caption: String!) {\n          publishGeneration(id: $id, caption: $caption) {\n            id\n          }\n        }\n      ": types.TestPublishGenerationDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query RevocationsGeneration($id: ID!) {\n          generation(id: $id) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        query RevocationsGeneration($id: ID!) {\n          generation(id: $id) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation RevocationsGrantCameoAccess($id: ID!, $h: String!) {\n            grantCameoAccess(cameoId: $id, handle: $h) {\n              id\n            }\n          }\n        "): (typeof documents)["\n          mutation RevocationsGrantCameoAccess($id: ID!, $h: String!) {\n            grantCameoAccess(cameoId: $id, handle: $h) {\n              id\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation RevocationsRevokeCameoAccess($id: ID!, $u: ID!) {\n          revokeCameoAccess(cameoId: $id, userId: $u) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation RevocationsRevokeCameoAccess($id: ID!, $u: ID!) {\n          revokeCameoAccess(cameoId: $id, userId: $u) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query RevocationsCameo($id: ID!) {\n              cameo(id: $id) {\n                policyVersion\n              }\n            }\n          "): (typeof documents)["\n            query RevocationsCameo($id: ID!) {\n              cameo(id: $id) {\n                policyVersion\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UsersAuthSignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        id\n        handle\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UsersAuthSignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        id\n        handle\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UsersAuthSignIn($handle: String!, $password: String!) {\n    signIn(handle: $handle, password: $password) {\n      token\n      user {\n        handle\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UsersAuthSignIn($handle: String!, $password: String!) {\n    signIn(handle: $handle, password: $password) {\n      token\n      user {\n        handle\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssetVisibilityRedisGeneration($id: ID!) {\n    generation(id: $id) {\n      id\n      status\n      hidden\n      videoUrl\n      provenance {\n        manifestUrl\n      }\n    }\n  }\n"): (typeof documents)["\n  query AssetVisibilityRedisGeneration($id: ID!) {\n    generation(id: $id) {\n      id\n      status\n      hidden\n      videoUrl\n      provenance {\n        manifestUrl\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation AssetVisibilityRedisCreateGeneration($input: CreateGenerationInput!) {\n            createGeneration(input: $input) {\n              id\n            }\n          }\n        "): (typeof documents)["\n          mutation AssetVisibilityRedisCreateGeneration($input: CreateGenerationInput!) {\n            createGeneration(input: $input) {\n              id\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        subscription AssetVisibilityRedisGenerationProgress($id: ID!) {\n          generationProgress(id: $id) {\n            status\n            generation {\n              prompt\n              videoUrl\n            }\n          }\n        }\n      "): (typeof documents)["\n        subscription AssetVisibilityRedisGenerationProgress($id: ID!) {\n          generationProgress(id: $id) {\n            status\n            generation {\n              prompt\n              videoUrl\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation AssetVisibilityRedisBlock($id: ID!) {\n            block(userId: $id) {\n              isBlockedByViewer\n            }\n          }\n        "): (typeof documents)["\n          mutation AssetVisibilityRedisBlock($id: ID!) {\n            block(userId: $id) {\n              isBlockedByViewer\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation AssetVisibilityRedisPublishGeneration($id: ID!) {\n          publishGeneration(id: $id, caption: \"look\") {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation AssetVisibilityRedisPublishGeneration($id: ID!) {\n          publishGeneration(id: $id, caption: \"look\") {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation AssetVisibilityRedisSetCameoPolicy2($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation AssetVisibilityRedisSetCameoPolicy2($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssetVisibilityCreateGeneration2($input: CreateGenerationInput!) {\n    createGeneration(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AssetVisibilityCreateGeneration2($input: CreateGenerationInput!) {\n    createGeneration(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssetVisibilityGeneration($id: ID!) {\n    generation(id: $id) {\n      id\n      status\n      videoUrl\n      provenance {\n        manifestUrl\n      }\n    }\n  }\n"): (typeof documents)["\n  query AssetVisibilityGeneration($id: ID!) {\n    generation(id: $id) {\n      id\n      status\n      videoUrl\n      provenance {\n        manifestUrl\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation AssetVisibilityPublishGeneration($id: ID!) {\n        publishGeneration(id: $id, caption: \"look\") {\n          id\n          publishedAt\n        }\n      }\n    "): (typeof documents)["\n      mutation AssetVisibilityPublishGeneration($id: ID!) {\n        publishGeneration(id: $id, caption: \"look\") {\n          id\n          publishedAt\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation AssetVisibilityBlock($id: ID!) {\n            block(userId: $id) {\n              isBlockedByViewer\n            }\n          }\n        "): (typeof documents)["\n          mutation AssetVisibilityBlock($id: ID!) {\n            block(userId: $id) {\n              isBlockedByViewer\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          subscription AssetVisibilityGenerationProgress($id: ID!) {\n            generationProgress(id: $id) {\n              progress\n              generation {\n                prompt\n                caption\n                videoUrl\n              }\n            }\n          }\n        "): (typeof documents)["\n          subscription AssetVisibilityGenerationProgress($id: ID!) {\n            generationProgress(id: $id) {\n              progress\n              generation {\n                prompt\n                caption\n                videoUrl\n              }\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation AssetVisibilityRemoveCameoAppearance($g: ID!, $c: ID!) {\n            removeCameoAppearance(generationId: $g, cameoId: $c) {\n              hidden\n            }\n          }\n        "): (typeof documents)["\n          mutation AssetVisibilityRemoveCameoAppearance($g: ID!, $c: ID!) {\n            removeCameoAppearance(generationId: $g, cameoId: $c) {\n              hidden\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation AssetVisibilityCreateGeneration($input: CreateGenerationInput!) {\n          createGeneration(input: $input) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation AssetVisibilityCreateGeneration($input: CreateGenerationInput!) {\n          createGeneration(input: $input) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation AssetVisibilitySetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation AssetVisibilitySetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query AssetVisibilityGeneration2($id: ID!) {\n              generation(id: $id) {\n                publishedAt\n              }\n            }\n          "): (typeof documents)["\n            query AssetVisibilityGeneration2($id: ID!) {\n              generation(id: $id) {\n                publishedAt\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation AuthSignUp {\n          signUp(input: { handle: \"linus\", displayName: \"Linus\", password: \"just for fun\" }) {\n            token\n            user {\n              id\n              handle\n            }\n          }\n        }\n      "): (typeof documents)["\n        mutation AuthSignUp {\n          signUp(input: { handle: \"linus\", displayName: \"Linus\", password: \"just for fun\" }) {\n            token\n            user {\n              id\n              handle\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation AuthSignIn {\n          signIn(handle: \"@LINUS\", password: \"just for fun\") {\n            token\n          }\n        }\n      "): (typeof documents)["\n        mutation AuthSignIn {\n          signIn(handle: \"@LINUS\", password: \"just for fun\") {\n            token\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation AuthSignIn2 {\n          signIn(handle: \"linus\", password: \"wrong password\") {\n            token\n          }\n        }\n      "): (typeof documents)["\n        mutation AuthSignIn2 {\n          signIn(handle: \"linus\", password: \"wrong password\") {\n            token\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation BenchBaselinesSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation BenchBaselinesSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation BenchBaselinesFollow($id: ID!) {\n          follow(userId: $id) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation BenchBaselinesFollow($id: ID!) {\n          follow(userId: $id) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation BenchBaselinesLikeGeneration($id: ID!) {\n          likeGeneration(id: $id) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation BenchBaselinesLikeGeneration($id: ID!) {\n          likeGeneration(id: $id) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CameoBadInputSetCameoPolicy($id: ID!) {\n    setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CameoBadInputSetCameoPolicy($id: ID!) {\n    setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation CameoBadInputSignUp {\n              signUp(input: { handle: \"no spaces\", displayName: \"X\", password: \"password123\" }) {\n                token\n              }\n            }\n          "): (typeof documents)["\n            mutation CameoBadInputSignUp {\n              signUp(input: { handle: \"no spaces\", displayName: \"X\", password: \"password123\" }) {\n                token\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation CameoBadInputSignUp2 {\n              signUp(input: { handle: \"ALICE\", displayName: \"X\", password: \"password123\" }) {\n                token\n              }\n            }\n          "): (typeof documents)["\n            mutation CameoBadInputSignUp2 {\n              signUp(input: { handle: \"ALICE\", displayName: \"X\", password: \"password123\" }) {\n                token\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation CameoBadInputSignUp3($d: String!) {\n              signUp(input: { handle: \"kiddo\", displayName: \"K\", password: \"password123\", birthDate: $d }) {\n                token\n              }\n            }\n          "): (typeof documents)["\n            mutation CameoBadInputSignUp3($d: String!) {\n              signUp(input: { handle: \"kiddo\", displayName: \"K\", password: \"password123\", birthDate: $d }) {\n                token\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation CameoBadInputStartCameoVerification2 {\n              startCameoVerification(input: { kind: PERSON }) {\n                id\n              }\n            }\n          "): (typeof documents)["\n            mutation CameoBadInputStartCameoVerification2 {\n              startCameoVerification(input: { kind: PERSON }) {\n                id\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation CameoBadInputGrantCameoAccess($id: ID!) {\n              grantCameoAccess(cameoId: $id, handle: \"alice\") {\n                id\n              }\n            }\n          "): (typeof documents)["\n            mutation CameoBadInputGrantCameoAccess($id: ID!) {\n              grantCameoAccess(cameoId: $id, handle: \"alice\") {\n                id\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation CameoBadInputGrantCameoAccess2($id: ID!) {\n              grantCameoAccess(cameoId: $id, handle: \"ghost\") {\n                id\n              }\n            }\n          "): (typeof documents)["\n            mutation CameoBadInputGrantCameoAccess2($id: ID!) {\n              grantCameoAccess(cameoId: $id, handle: \"ghost\") {\n                id\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation CameoBadInputDeleteCameo($id: ID!) {\n              deleteCameo(cameoId: $id)\n            }\n          "): (typeof documents)["\n            mutation CameoBadInputDeleteCameo($id: ID!) {\n              deleteCameo(cameoId: $id)\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation CameoBadInputSetCameoPolicy2 {\n              setCameoPolicy(cameoId: \"00000000-0000-0000-0000-000000000000\", input: { policy: EVERYONE }) {\n                id\n              }\n            }\n          "): (typeof documents)["\n            mutation CameoBadInputSetCameoPolicy2 {\n              setCameoPolicy(cameoId: \"00000000-0000-0000-0000-000000000000\", input: { policy: EVERYONE }) {\n                id\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation CameoBadInputSetCameoPolicy3($id: ID!, $t: String!) {\n              setCameoPolicy(cameoId: $id, input: { policy: EVERYONE, restrictionsText: $t }) {\n                id\n              }\n            }\n          "): (typeof documents)["\n            mutation CameoBadInputSetCameoPolicy3($id: ID!, $t: String!) {\n              setCameoPolicy(cameoId: $id, input: { policy: EVERYONE, restrictionsText: $t }) {\n                id\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation CameoBadInputUpdateProfile {\n              updateProfile(input: { bio: \"new bio\", avatarUrl: \"http://example.com/a.png\" }) {\n                id\n              }\n            }\n          "): (typeof documents)["\n            mutation CameoBadInputUpdateProfile {\n              updateProfile(input: { bio: \"new bio\", avatarUrl: \"http://example.com/a.png\" }) {\n                id\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation CameoBadInputDeleteAccount {\n              deleteAccount(password: \"not my password\")\n            }\n          "): (typeof documents)["\n            mutation CameoBadInputDeleteAccount {\n              deleteAccount(password: \"not my password\")\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation CameoConsentSetCameoPolicy($id: ID!, $input: SetCameoPolicyInput!) {\n        setCameoPolicy(cameoId: $id, input: $input) {\n          policy\n          policyVersion\n        }\n      }\n    "): (typeof documents)["\n      mutation CameoConsentSetCameoPolicy($id: ID!, $input: SetCameoPolicyInput!) {\n        setCameoPolicy(cameoId: $id, input: $input) {\n          policy\n          policyVersion\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query CameoConsent($id: ID!) {\n        cameoConsent(cameoId: $id) {\n          allowed\n          reason\n        }\n      }\n    "): (typeof documents)["\n      query CameoConsent($id: ID!) {\n        cameoConsent(cameoId: $id) {\n          allowed\n          reason\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation CameoConsentGrantCameoAccess($id: ID!, $h: String!) {\n        grantCameoAccess(cameoId: $id, handle: $h) {\n          id\n        }\n      }\n    "): (typeof documents)["\n      mutation CameoConsentGrantCameoAccess($id: ID!, $h: String!) {\n        grantCameoAccess(cameoId: $id, handle: $h) {\n          id\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation CameoConsentGrantCameoAccess2($id: ID!) {\n        grantCameoAccess(cameoId: $id, handle: \"blocked\") {\n          id\n        }\n      }\n    "): (typeof documents)["\n      mutation CameoConsentGrantCameoAccess2($id: ID!) {\n        grantCameoAccess(cameoId: $id, handle: \"blocked\") {\n          id\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CameoConsentRevokeCameoAccess($id: ID!, $u: ID!) {\n          revokeCameoAccess(cameoId: $id, userId: $u) {\n            policyVersion\n          }\n        }\n      "): (typeof documents)["\n        mutation CameoConsentRevokeCameoAccess($id: ID!, $u: ID!) {\n          revokeCameoAccess(cameoId: $id, userId: $u) {\n            policyVersion\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CameoConsentDeleteCameo($id: ID!) {\n          deleteCameo(cameoId: $id)\n        }\n      "): (typeof documents)["\n        mutation CameoConsentDeleteCameo($id: ID!) {\n          deleteCameo(cameoId: $id)\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query CameoConsent2($id: ID!) {\n            cameoConsent(cameoId: $id) {\n              allowed\n              reason\n              restrictions {\n                text\n              }\n            }\n          }\n        "): (typeof documents)["\n          query CameoConsent2($id: ID!) {\n            cameoConsent(cameoId: $id) {\n              allowed\n              reason\n              restrictions {\n                text\n              }\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CameoConsentStartCameoVerification {\n          startCameoVerification(input: { kind: PET, name: \"Pending\" }) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation CameoConsentStartCameoVerification {\n          startCameoVerification(input: { kind: PET, name: \"Pending\" }) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query CameoConsentCameo($id: ID!) {\n      cameo(id: $id) {\n        name\n        owner {\n          handle\n        }\n        verificationPhrase\n        uploadUrl\n        recording {\n          sizeBytes\n        }\n        policy\n        approvedUsers {\n          handle\n        }\n        restrictions {\n          text\n          tags\n        }\n      }\n    }\n  "): (typeof documents)["\n    query CameoConsentCameo($id: ID!) {\n      cameo(id: $id) {\n        name\n        owner {\n          handle\n        }\n        verificationPhrase\n        uploadUrl\n        recording {\n          sizeBytes\n        }\n        policy\n        approvedUsers {\n          handle\n        }\n        restrictions {\n          text\n          tags\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CameoConsentSetCameoPolicy2($id: ID!) {\n          setCameoPolicy(\n            cameoId: $id\n            input: { policy: APPROVED, restrictionsText: \"No sports brands\", restrictionTags: [NO_POLITICAL_CONTENT] }\n          ) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation CameoConsentSetCameoPolicy2($id: ID!) {\n          setCameoPolicy(\n            cameoId: $id\n            input: { policy: APPROVED, restrictionsText: \"No sports brands\", restrictionTags: [NO_POLITICAL_CONTENT] }\n          ) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CameoConsentGrantCameoAccess3($id: ID!) {\n          grantCameoAccess(cameoId: $id, handle: \"approved\") {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation CameoConsentGrantCameoAccess3($id: ID!) {\n          grantCameoAccess(cameoId: $id, handle: \"approved\") {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsentInvariantSetCameoPolicy($id: ID!, $p: ConsentPolicy!) {\n    setCameoPolicy(cameoId: $id, input: { policy: $p }) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ConsentInvariantSetCameoPolicy($id: ID!, $p: ConsentPolicy!) {\n    setCameoPolicy(cameoId: $id, input: { policy: $p }) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsentInvariantCreateGeneration($input: CreateGenerationInput!) {\n    createGeneration(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ConsentInvariantCreateGeneration($input: CreateGenerationInput!) {\n    createGeneration(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsentInvariantPublishGeneration($id: ID!) {\n    publishGeneration(id: $id, caption: \"look\") {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ConsentInvariantPublishGeneration($id: ID!) {\n    publishGeneration(id: $id, caption: \"look\") {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsentInvariantGeneration3($id: ID!) {\n    generation(id: $id) {\n      id\n      videoUrl\n    }\n  }\n"): (typeof documents)["\n  query ConsentInvariantGeneration3($id: ID!) {\n    generation(id: $id) {\n      id\n      videoUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsentInvariantGenerationProgress($id: ID!) {\n    generationProgress(id: $id) {\n      status\n      generation {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ConsentInvariantGenerationProgress($id: ID!) {\n    generationProgress(id: $id) {\n      status\n      generation {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n                mutation ConsentInvariantUnblock($id: ID!) {\n                  unblock(userId: $id) {\n                    id\n                  }\n                }\n              "): (typeof documents)["\n                mutation ConsentInvariantUnblock($id: ID!) {\n                  unblock(userId: $id) {\n                    id\n                  }\n                }\n              "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n                mutation ConsentInvariantUnfollow($id: ID!) {\n                  unfollow(userId: $id) {\n                    id\n                  }\n                }\n              "): (typeof documents)["\n                mutation ConsentInvariantUnfollow($id: ID!) {\n                  unfollow(userId: $id) {\n                    id\n                  }\n                }\n              "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query ConsentInvariantCameoConsent($id: ID!) {\n              cameoConsent(cameoId: $id) {\n                allowed\n              }\n            }\n          "): (typeof documents)["\n            query ConsentInvariantCameoConsent($id: ID!) {\n              cameoConsent(cameoId: $id) {\n                allowed\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n                query ConsentInvariantGeneration($id: ID!) {\n                  generation(id: $id) {\n                    status\n                    videoUrl\n                  }\n                }\n              "): (typeof documents)["\n                query ConsentInvariantGeneration($id: ID!) {\n                  generation(id: $id) {\n                    status\n                    videoUrl\n                  }\n                }\n              "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n                  query ConsentInvariantCameoConsent2($id: ID!) {\n                    cameoConsent(cameoId: $id) {\n                      allowed\n                      reason\n                    }\n                  }\n                "): (typeof documents)["\n                  query ConsentInvariantCameoConsent2($id: ID!) {\n                    cameoConsent(cameoId: $id) {\n                      allowed\n                      reason\n                    }\n                  }\n                "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n                    query ConsentInvariantFeed($k: FeedKind!) {\n                      feed(kind: $k, first: 50) {\n                        edges {\n                          node {\n                            id\n                          }\n                        }\n                      }\n                    }\n                  "): (typeof documents)["\n                    query ConsentInvariantFeed($k: FeedKind!) {\n                      feed(kind: $k, first: 50) {\n                        edges {\n                          node {\n                            id\n                          }\n                        }\n                      }\n                    }\n                  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n                  query ConsentInvariantGeneration2($id: ID!) {\n                    generation(id: $id) {\n                      id\n                    }\n                  }\n                "): (typeof documents)["\n                  query ConsentInvariantGeneration2($id: ID!) {\n                    generation(id: $id) {\n                      id\n                    }\n                  }\n                "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n                    query ConsentInvariantGeneration4($id: ID!) {\n                      generation(id: $id) {\n                        videoUrl\n                      }\n                    }\n                  "): (typeof documents)["\n                    query ConsentInvariantGeneration4($id: ID!) {\n                      generation(id: $id) {\n                        videoUrl\n                      }\n                    }\n                  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n                        mutation ConsentInvariantGrantCameoAccess($id: ID!, $h: String!) {\n                          grantCameoAccess(cameoId: $id, handle: $h) {\n                            id\n                          }\n                        }\n                      "): (typeof documents)["\n                        mutation ConsentInvariantGrantCameoAccess($id: ID!, $h: String!) {\n                          grantCameoAccess(cameoId: $id, handle: $h) {\n                            id\n                          }\n                        }\n                      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n                        mutation ConsentInvariantRevokeCameoAccess($id: ID!, $u: ID!) {\n                          revokeCameoAccess(cameoId: $id, userId: $u) {\n                            id\n                          }\n                        }\n                      "): (typeof documents)["\n                        mutation ConsentInvariantRevokeCameoAccess($id: ID!, $u: ID!) {\n                          revokeCameoAccess(cameoId: $id, userId: $u) {\n                            id\n                          }\n                        }\n                      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n                  mutation ConsentInvariantDeleteCameo($id: ID!) {\n                    deleteCameo(cameoId: $id)\n                  }\n                "): (typeof documents)["\n                  mutation ConsentInvariantDeleteCameo($id: ID!) {\n                    deleteCameo(cameoId: $id)\n                  }\n                "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n                  mutation ConsentInvariantDeleteAccount {\n                    deleteAccount(password: \"password123\")\n                  }\n                "): (typeof documents)["\n                  mutation ConsentInvariantDeleteAccount {\n                    deleteAccount(password: \"password123\")\n                  }\n                "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query ConsentRevocationRedisGeneration($id: ID!) {\n          generation(id: $id) {\n            id\n            hidden\n          }\n        }\n      "): (typeof documents)["\n        query ConsentRevocationRedisGeneration($id: ID!) {\n          generation(id: $id) {\n            id\n            hidden\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation ConsentRevocationRedisSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation ConsentRevocationRedisSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation ConsentRevocationRedisBlock($id: ID!) {\n          block(userId: $id) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation ConsentRevocationRedisBlock($id: ID!) {\n          block(userId: $id) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query ConsentRevocationRedisCameoConsent($id: ID!) {\n              cameoConsent(cameoId: $id) {\n                allowed\n              }\n            }\n          "): (typeof documents)["\n            query ConsentRevocationRedisCameoConsent($id: ID!) {\n              cameoConsent(cameoId: $id) {\n                allowed\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntityCacheFeed {\n    feed(kind: FOLLOWING, first: 10) {\n      edges {\n        node {\n          id\n          creator {\n            handle\n            displayName\n          }\n          cameos {\n            owner {\n              handle\n              displayName\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EntityCacheFeed {\n    feed(kind: FOLLOWING, first: 10) {\n      edges {\n        node {\n          id\n          creator {\n            handle\n            displayName\n          }\n          cameos {\n            owner {\n              handle\n              displayName\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation EntityCacheSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation EntityCacheSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation EntityCacheFollow($id: ID!) {\n          follow(userId: $id) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation EntityCacheFollow($id: ID!) {\n          follow(userId: $id) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation EntityCacheUpdateProfile {\n            updateProfile(input: { displayName: \"Bob the Builder\" }) {\n              id\n            }\n          }\n        "): (typeof documents)["\n          mutation EntityCacheUpdateProfile {\n            updateProfile(input: { displayName: \"Bob the Builder\" }) {\n              id\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation EntityCacheUpdateProfile2 {\n            updateProfile(input: { displayName: \"Ada L.\" }) {\n              id\n            }\n          }\n        "): (typeof documents)["\n          mutation EntityCacheUpdateProfile2 {\n            updateProfile(input: { displayName: \"Ada L.\" }) {\n              id\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query EntityCacheFeed2 {\n      feed(kind: FOR_YOU, first: 10) {\n        edges {\n          node {\n            id\n            creator {\n              handle\n              plan\n            }\n          }\n        }\n      }\n    }\n  "): (typeof documents)["\n    query EntityCacheFeed2 {\n      feed(kind: FOR_YOU, first: 10) {\n        edges {\n          node {\n            id\n            creator {\n              handle\n              plan\n            }\n          }\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntityStatementsFollow($id: ID!) {\n    follow(userId: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation EntityStatementsFollow($id: ID!) {\n    follow(userId: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntityStatementsLike($id: ID!) {\n    likeGeneration(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation EntityStatementsLike($id: ID!) {\n    likeGeneration(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntityStatementsFeed($kind: FeedKind!, $first: Int) {\n    feed(kind: $kind, first: $first) {\n      edges {\n        cursor\n        node {\n          id\n          caption\n          publishedAt\n          creator {\n            handle\n            displayName\n          }\n          cameos {\n            owner {\n              handle\n            }\n          }\n          video {\n            videoUrl\n            likeCount\n            commentCount\n            viewerHasLiked\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query EntityStatementsFeed($kind: FeedKind!, $first: Int) {\n    feed(kind: $kind, first: $first) {\n      edges {\n        cursor\n        node {\n          id\n          caption\n          publishedAt\n          creator {\n            handle\n            displayName\n          }\n          cameos {\n            owner {\n              handle\n            }\n          }\n          video {\n            videoUrl\n            likeCount\n            commentCount\n            viewerHasLiked\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeedFollow($id: ID!) {\n    follow(userId: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation FeedFollow($id: ID!) {\n    follow(userId: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Feed2($after: String) {\n    feed(kind: FOR_YOU, after: $after) {\n      edges {\n        cursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Feed2($after: String) {\n    feed(kind: FOR_YOU, after: $after) {\n      edges {\n        cursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Feed($kind: FeedKind!, $first: Int, $after: String) {\n    feed(kind: $kind, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          caption\n          creator {\n            handle\n          }\n          cameos {\n            owner {\n              handle\n            }\n          }\n          video {\n            videoUrl\n            likeCount\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Feed($kind: FeedKind!, $first: Int, $after: String) {\n    feed(kind: $kind, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          caption\n          creator {\n            handle\n          }\n          cameos {\n            owner {\n              handle\n            }\n          }\n          video {\n            videoUrl\n            likeCount\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query FeedFeed2($kind: FeedKind!, $first: Int, $after: String) {\n          feed(kind: $kind, first: $first, after: $after) {\n            edges {\n              node {\n                id\n              }\n            }\n            pageInfo {\n              hasNextPage\n              endCursor\n            }\n          }\n        }\n      "): (typeof documents)["\n        query FeedFeed2($kind: FeedKind!, $first: Int, $after: String) {\n          feed(kind: $kind, first: $first, after: $after) {\n            edges {\n              node {\n                id\n              }\n            }\n            pageInfo {\n              hasNextPage\n              endCursor\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation FeedSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation FeedSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation FeedLikeGeneration($id: ID!) {\n          likeGeneration(id: $id) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation FeedLikeGeneration($id: ID!) {\n          likeGeneration(id: $id) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query FeedExplainRanking($id: ID!) {\n            explainRanking(postId: $id) {\n              shown\n              reasons {\n                factor\n                detail\n              }\n            }\n          }\n        "): (typeof documents)["\n          query FeedExplainRanking($id: ID!) {\n            explainRanking(postId: $id) {\n              shown\n              reasons {\n                factor\n                detail\n              }\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation FeedSetFeedPreferences {\n            setFeedPreferences(text: \"more cats, less boats\") {\n              more\n              less\n            }\n          }\n        "): (typeof documents)["\n          mutation FeedSetFeedPreferences {\n            setFeedPreferences(text: \"more cats, less boats\") {\n              more\n              less\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query FeedExplainRanking2($id: ID!) {\n            explainRanking(postId: $id) {\n              reasons {\n                factor\n                detail\n              }\n            }\n          }\n        "): (typeof documents)["\n          query FeedExplainRanking2($id: ID!) {\n            explainRanking(postId: $id) {\n              reasons {\n                factor\n                detail\n              }\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n              mutation FeedSeeLessLikeThis($id: ID!) {\n                seeLessLikeThis(postId: $id)\n              }\n            "): (typeof documents)["\n              mutation FeedSeeLessLikeThis($id: ID!) {\n                seeLessLikeThis(postId: $id)\n              }\n            "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation FeedBlock($id: ID!) {\n            block(userId: $id) {\n              id\n            }\n          }\n        "): (typeof documents)["\n          mutation FeedBlock($id: ID!) {\n            block(userId: $id) {\n              id\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation FeedUnblock($id: ID!) {\n            unblock(userId: $id) {\n              id\n            }\n          }\n        "): (typeof documents)["\n          mutation FeedUnblock($id: ID!) {\n            unblock(userId: $id) {\n              id\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation FeedSetCameoPolicy2($id: ID!) {\n            setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {\n              id\n            }\n          }\n        "): (typeof documents)["\n          mutation FeedSetCameoPolicy2($id: ID!) {\n            setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {\n              id\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query Feed3 {\n              feed(kind: FOR_YOU, first: 51) {\n                edges {\n                  cursor\n                }\n              }\n            }\n          "): (typeof documents)["\n            query Feed3 {\n              feed(kind: FOR_YOU, first: 51) {\n                edges {\n                  cursor\n                }\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query Feed4 {\n              feed(kind: FOLLOWING) {\n                edges {\n                  cursor\n                }\n              }\n            }\n          "): (typeof documents)["\n            query Feed4 {\n              feed(kind: FOLLOWING) {\n                edges {\n                  cursor\n                }\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation FeedReuseLike($id: ID!) {\n            likeGeneration(id: $id) {\n              id\n            }\n          }\n        "): (typeof documents)["\n          mutation FeedReuseLike($id: ID!) {\n            likeGeneration(id: $id) {\n              id\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation FeedReuseSeeLess($id: ID!) {\n            seeLessLikeThis(postId: $id)\n          }\n        "): (typeof documents)["\n          mutation FeedReuseSeeLess($id: ID!) {\n            seeLessLikeThis(postId: $id)\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation FeedReuseSteer {\n            setFeedPreferences(text: \"more sunsets\") {\n              more\n            }\n          }\n        "): (typeof documents)["\n          mutation FeedReuseSteer {\n            setFeedPreferences(text: \"more sunsets\") {\n              more\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query GenerationOpenaiGeneration($id: ID!) {\n          generation(id: $id) {\n            status\n            progress\n            errorReason\n            videoUrl\n            model\n            provenance {\n              cameoOwners {\n                handle\n              }\n              model\n            }\n          }\n        }\n      "): (typeof documents)["\n        query GenerationOpenaiGeneration($id: ID!) {\n          generation(id: $id) {\n            status\n            progress\n            errorReason\n            videoUrl\n            model\n            provenance {\n              cameoOwners {\n                handle\n              }\n              model\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation GenerationOpenaiSetCameoPolicy($id: ID!) {\n        setCameoPolicy(cameoId: $id, input: { policy: EVERYONE, restrictionTags: [NO_POLITICAL_CONTENT] }) {\n          id\n        }\n      }\n    "): (typeof documents)["\n      mutation GenerationOpenaiSetCameoPolicy($id: ID!) {\n        setCameoPolicy(cameoId: $id, input: { policy: EVERYONE, restrictionTags: [NO_POLITICAL_CONTENT] }) {\n          id\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation GenerationOpenaiCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    "): (typeof documents)["\n      mutation GenerationOpenaiCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation GenerationOpenaiCreateGeneration2 {\n        createGeneration(input: { prompt: \"please FAIL\", seconds: 4 }) {\n          id\n        }\n      }\n    "): (typeof documents)["\n      mutation GenerationOpenaiCreateGeneration2 {\n        createGeneration(input: { prompt: \"please FAIL\", seconds: 4 }) {\n          id\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation GenerationRedisCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    "): (typeof documents)["\n      mutation GenerationRedisCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation GenerationRedisRevokeCameoAccess($id: ID!, $u: ID!) {\n          revokeCameoAccess(cameoId: $id, userId: $u) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation GenerationRedisRevokeCameoAccess($id: ID!, $u: ID!) {\n          revokeCameoAccess(cameoId: $id, userId: $u) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation GenerationRedisGrantCameoAccess($id: ID!) {\n          grantCameoAccess(cameoId: $id, handle: \"creator\") {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation GenerationRedisGrantCameoAccess($id: ID!) {\n          grantCameoAccess(cameoId: $id, handle: \"creator\") {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation GenerationRevokeEmbeddedSetCameoPolicy($id: ID!) {\n        setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n          id\n        }\n      }\n    "): (typeof documents)["\n      mutation GenerationRevokeEmbeddedSetCameoPolicy($id: ID!) {\n        setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n          id\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation GenerationRevokeEmbeddedCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    "): (typeof documents)["\n      mutation GenerationRevokeEmbeddedCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation GenerationRevokeEmbeddedSetCameoPolicy2($id: ID!) {\n        setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {\n          id\n        }\n      }\n    "): (typeof documents)["\n      mutation GenerationRevokeEmbeddedSetCameoPolicy2($id: ID!) {\n        setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {\n          id\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Generation3($id: ID!) {\n    generation(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query Generation3($id: ID!) {\n    generation(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerationRemoveCameoAppearance($g: ID!, $c: ID!) {\n    removeCameoAppearance(generationId: $g, cameoId: $c) {\n      hidden\n    }\n  }\n"): (typeof documents)["\n  mutation GenerationRemoveCameoAppearance($g: ID!, $c: ID!) {\n    removeCameoAppearance(generationId: $g, cameoId: $c) {\n      hidden\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerationCancelGeneration($id: ID!) {\n    cancelGeneration(id: $id) {\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation GenerationCancelGeneration($id: ID!) {\n    cancelGeneration(id: $id) {\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerationCreateGeneration($input: CreateGenerationInput!) {\n    createGeneration(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation GenerationCreateGeneration($input: CreateGenerationInput!) {\n    createGeneration(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query Generation($id: ID!) {\n          generation(id: $id) {\n            status\n            progress\n          }\n        }\n      "): (typeof documents)["\n        query Generation($id: ID!) {\n          generation(id: $id) {\n            status\n            progress\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query Generation2($id: ID!) {\n          generation(id: $id) {\n            videoUrl\n            watermark\n            creator {\n              handle\n            }\n            cameos {\n              id\n              owner {\n                handle\n              }\n            }\n            provenance {\n              creator {\n                handle\n              }\n              cameoOwners {\n                handle\n                displayName\n              }\n              model\n              promptSha256\n              manifestUrl\n            }\n          }\n        }\n      "): (typeof documents)["\n        query Generation2($id: ID!) {\n          generation(id: $id) {\n            videoUrl\n            watermark\n            creator {\n              handle\n            }\n            cameos {\n              id\n              owner {\n                handle\n              }\n            }\n            provenance {\n              creator {\n                handle\n              }\n              cameoOwners {\n                handle\n                displayName\n              }\n              model\n              promptSha256\n              manifestUrl\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query GenerationCameo($id: ID!) {\n        cameo(id: $id) {\n          appearances(first: 10) {\n            edges {\n              node {\n                id\n                prompt\n              }\n            }\n            pageInfo {\n              hasNextPage\n            }\n          }\n        }\n      }\n    "): (typeof documents)["\n      query GenerationCameo($id: ID!) {\n        cameo(id: $id) {\n          appearances(first: 10) {\n            edges {\n              node {\n                id\n                prompt\n              }\n            }\n            pageInfo {\n              hasNextPage\n            }\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation GenerationPublishGeneration($id: ID!) {\n          publishGeneration(id: $id, caption: \"dawn patrol\") {\n            publishedAt\n            caption\n          }\n        }\n      "): (typeof documents)["\n        mutation GenerationPublishGeneration($id: ID!) {\n          publishGeneration(id: $id, caption: \"dawn patrol\") {\n            publishedAt\n            caption\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation GenerationRetryGeneration($id: ID!) {\n              retryGeneration(id: $id) {\n                status\n              }\n            }\n          "): (typeof documents)["\n            mutation GenerationRetryGeneration($id: ID!) {\n              retryGeneration(id: $id) {\n                status\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation GenerationRetryGeneration2($id: ID!) {\n          retryGeneration(id: $id) {\n            status\n            progress\n          }\n        }\n      "): (typeof documents)["\n        mutation GenerationRetryGeneration2($id: ID!) {\n          retryGeneration(id: $id) {\n            status\n            progress\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query GenerationMyGenerations($after: String) {\n        myGenerations(first: 1, after: $after) {\n          edges {\n            node {\n              id\n              createdAt\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    "): (typeof documents)["\n      query GenerationMyGenerations($after: String) {\n        myGenerations(first: 1, after: $after) {\n          edges {\n            node {\n              id\n              createdAt\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query GenerationMyGenerations2($after: String) {\n        myGenerations(first: 1, after: $after) {\n          edges {\n            cursor\n            node {\n              id\n            }\n          }\n          pageInfo {\n            hasNextPage\n            hasPreviousPage\n            startCursor\n            endCursor\n          }\n        }\n      }\n    "): (typeof documents)["\n      query GenerationMyGenerations2($after: String) {\n        myGenerations(first: 1, after: $after) {\n          edges {\n            cursor\n            node {\n              id\n            }\n          }\n          pageInfo {\n            hasNextPage\n            hasPreviousPage\n            startCursor\n            endCursor\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query GenerationMyGenerations3($after: String, $status: GenerationStatus) {\n        myGenerations(first: 1, after: $after, status: $status) {\n          pageInfo {\n            endCursor\n          }\n        }\n      }\n    "): (typeof documents)["\n      query GenerationMyGenerations3($after: String, $status: GenerationStatus) {\n        myGenerations(first: 1, after: $after, status: $status) {\n          pageInfo {\n            endCursor\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query GenerationUser($id: ID!, $after: String) {\n        user(id: $id) {\n          generations(first: 1, after: $after) {\n            edges {\n              node {\n                id\n              }\n            }\n          }\n        }\n      }\n    "): (typeof documents)["\n      query GenerationUser($id: ID!, $after: String) {\n        user(id: $id) {\n          generations(first: 1, after: $after) {\n            edges {\n              node {\n                id\n              }\n            }\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation SessionsSetCameoPolicy($id: ID!) {\n            setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n              policy\n            }\n          }\n        "): (typeof documents)["\n          mutation SessionsSetCameoPolicy($id: ID!) {\n            setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n              policy\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation SessionsCreateGeneration($input: CreateGenerationInput!) {\n          createGeneration(input: $input) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation SessionsCreateGeneration($input: CreateGenerationInput!) {\n          createGeneration(input: $input) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation SessionsCreateGeneration2($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    "): (typeof documents)["\n      mutation SessionsCreateGeneration2($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SocialFollow2($id: ID!) {\n    follow(userId: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SocialFollow2($id: ID!) {\n    follow(userId: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SocialGeneration($id: ID!) {\n    generation(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query SocialGeneration($id: ID!) {\n    generation(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SocialLikeGeneration2($id: ID!) {\n    likeGeneration(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SocialLikeGeneration2($id: ID!) {\n    likeGeneration(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SocialDeleteComment($id: ID!) {\n    deleteComment(id: $id)\n  }\n"): (typeof documents)["\n  mutation SocialDeleteComment($id: ID!) {\n    deleteComment(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SocialGeneration7($id: ID!) {\n    generation(id: $id) {\n      commentCount\n    }\n  }\n"): (typeof documents)["\n  query SocialGeneration7($id: ID!) {\n    generation(id: $id) {\n      commentCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SocialCreateComment3($input: CreateCommentInput!) {\n    createComment(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SocialCreateComment3($input: CreateCommentInput!) {\n    createComment(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SocialFollow3($id: ID!) {\n    follow(userId: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SocialFollow3($id: ID!) {\n    follow(userId: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query SocialUser($id: ID!) {\n            user(id: $id) {\n              isFollowedByViewer\n              followsViewer\n              isMutual\n              followerCount\n              followingCount\n            }\n          }\n        "): (typeof documents)["\n          query SocialUser($id: ID!) {\n            user(id: $id) {\n              isFollowedByViewer\n              followsViewer\n              isMutual\n              followerCount\n              followingCount\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query SocialCameo($id: ID!) {\n            cameo(id: $id) {\n              restrictions {\n                text\n              }\n            }\n          }\n        "): (typeof documents)["\n          query SocialCameo($id: ID!) {\n            cameo(id: $id) {\n              restrictions {\n                text\n              }\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation SocialCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    "): (typeof documents)["\n      mutation SocialCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation SocialSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: MUTUALS }) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation SocialSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: MUTUALS }) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation SocialFollow($id: ID!) {\n            follow(userId: $id) {\n              isFollowedByViewer\n            }\n          }\n        "): (typeof documents)["\n          mutation SocialFollow($id: ID!) {\n            follow(userId: $id) {\n              isFollowedByViewer\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query SocialUser2($id: ID!) {\n            user(id: $id) {\n              followers(first: 10) {\n                totalCount\n                edges {\n                  node {\n                    handle\n                  }\n                }\n              }\n            }\n          }\n        "): (typeof documents)["\n          query SocialUser2($id: ID!) {\n            user(id: $id) {\n              followers(first: 10) {\n                totalCount\n                edges {\n                  node {\n                    handle\n                  }\n                }\n              }\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation SocialCreateComment($input: CreateCommentInput!) {\n            createComment(input: $input) {\n              id\n            }\n          }\n        "): (typeof documents)["\n          mutation SocialCreateComment($input: CreateCommentInput!) {\n            createComment(input: $input) {\n              id\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation SocialBlock($id: ID!) {\n            block(userId: $id) {\n              isBlockedByViewer\n            }\n          }\n        "): (typeof documents)["\n          mutation SocialBlock($id: ID!) {\n            block(userId: $id) {\n              isBlockedByViewer\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n              query SocialUser3($id: ID!) {\n                user(id: $id) {\n                  generations {\n                    edges {\n                      node {\n                        id\n                      }\n                    }\n                  }\n                }\n              }\n            "): (typeof documents)["\n              query SocialUser3($id: ID!) {\n                user(id: $id) {\n                  generations {\n                    edges {\n                      node {\n                        id\n                      }\n                    }\n                  }\n                }\n              }\n            "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query SocialGeneration2($id: ID!) {\n            generation(id: $id) {\n              commentCount\n              comments {\n                edges {\n                  node {\n                    body\n                  }\n                }\n              }\n            }\n          }\n        "): (typeof documents)["\n          query SocialGeneration2($id: ID!) {\n            generation(id: $id) {\n              commentCount\n              comments {\n                edges {\n                  node {\n                    body\n                  }\n                }\n              }\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation SocialLikeGeneration($id: ID!) {\n              likeGeneration(id: $id) {\n                id\n              }\n            }\n          "): (typeof documents)["\n            mutation SocialLikeGeneration($id: ID!) {\n              likeGeneration(id: $id) {\n                id\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n              query SocialGeneration3($id: ID!) {\n                generation(id: $id) {\n                  comments {\n                    edges {\n                      node {\n                        body\n                      }\n                    }\n                  }\n                }\n              }\n            "): (typeof documents)["\n              query SocialGeneration3($id: ID!) {\n                generation(id: $id) {\n                  comments {\n                    edges {\n                      node {\n                        body\n                      }\n                    }\n                  }\n                }\n              }\n            "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation SocialUnblock($id: ID!) {\n            unblock(userId: $id) {\n              isBlockedByViewer\n            }\n          }\n        "): (typeof documents)["\n          mutation SocialUnblock($id: ID!) {\n            unblock(userId: $id) {\n              isBlockedByViewer\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation SocialMute($id: ID!) {\n            mute(userId: $id) {\n              isMutedByViewer\n              isFollowedByViewer\n            }\n          }\n        "): (typeof documents)["\n          mutation SocialMute($id: ID!) {\n            mute(userId: $id) {\n              isMutedByViewer\n              isFollowedByViewer\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n              mutation SocialUnmute($id: ID!) {\n                unmute(userId: $id) {\n                  isMutedByViewer\n                }\n              }\n            "): (typeof documents)["\n              mutation SocialUnmute($id: ID!) {\n                unmute(userId: $id) {\n                  isMutedByViewer\n                }\n              }\n            "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n              query SocialGeneration4($id: ID!) {\n                generation(id: $id) {\n                  likeCount\n                  viewerHasLiked\n                }\n              }\n            "): (typeof documents)["\n              query SocialGeneration4($id: ID!) {\n                generation(id: $id) {\n                  likeCount\n                  viewerHasLiked\n                }\n              }\n            "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation SocialUnlikeGeneration($id: ID!) {\n            unlikeGeneration(id: $id) {\n              id\n            }\n          }\n        "): (typeof documents)["\n          mutation SocialUnlikeGeneration($id: ID!) {\n            unlikeGeneration(id: $id) {\n              id\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation SocialRecordView($id: ID!) {\n            recordView(id: $id) {\n              viewCount\n            }\n          }\n        "): (typeof documents)["\n          mutation SocialRecordView($id: ID!) {\n            recordView(id: $id) {\n              viewCount\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query SocialGeneration5($id: ID!) {\n          generation(id: $id) {\n            viewCount\n          }\n        }\n      "): (typeof documents)["\n        query SocialGeneration5($id: ID!) {\n          generation(id: $id) {\n            viewCount\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation SocialCreateComment2($input: CreateCommentInput!) {\n              createComment(input: $input) {\n                id\n                parentId\n              }\n            }\n          "): (typeof documents)["\n            mutation SocialCreateComment2($input: CreateCommentInput!) {\n              createComment(input: $input) {\n                id\n                parentId\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query SocialGeneration6($id: ID!) {\n            generation(id: $id) {\n              comments(first: 1) {\n                edges {\n                  node {\n                    body\n                    replies {\n                      edges {\n                        node {\n                          body\n                          author {\n                            handle\n                          }\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        "): (typeof documents)["\n          query SocialGeneration6($id: ID!) {\n            generation(id: $id) {\n              comments(first: 1) {\n                edges {\n                  node {\n                    body\n                    replies {\n                      edges {\n                        node {\n                          body\n                          author {\n                            handle\n                          }\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation SocialFollow4($id: ID!) {\n              follow(userId: $id) {\n                id\n              }\n            }\n          "): (typeof documents)["\n            mutation SocialFollow4($id: ID!) {\n              follow(userId: $id) {\n                id\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        subscription SocialNotificationReceived {\n          notificationReceived {\n            kind\n            actor {\n              handle\n            }\n            video {\n              id\n            }\n          }\n        }\n      "): (typeof documents)["\n        subscription SocialNotificationReceived {\n          notificationReceived {\n            kind\n            actor {\n              handle\n            }\n            video {\n              id\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query SocialUnreadNotificationCount {\n            unreadNotificationCount\n            notifications(first: 2) {\n              edges {\n                node {\n                  kind\n                  read\n                  actor {\n                    handle\n                  }\n                }\n              }\n            }\n          }\n        "): (typeof documents)["\n          query SocialUnreadNotificationCount {\n            unreadNotificationCount\n            notifications(first: 2) {\n              edges {\n                node {\n                  kind\n                  read\n                  actor {\n                    handle\n                  }\n                }\n              }\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n              mutation SocialMarkNotificationsRead {\n                markNotificationsRead\n              }\n            "): (typeof documents)["\n              mutation SocialMarkNotificationsRead {\n                markNotificationsRead\n              }\n            "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n              query SocialUnreadNotificationCount2 {\n                unreadNotificationCount\n              }\n            "): (typeof documents)["\n              query SocialUnreadNotificationCount2 {\n                unreadNotificationCount\n              }\n            "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query SocialGeneration8($id: ID!, $remix: ID!) {\n            source: generation(id: $id) {\n              remixes {\n                edges {\n                  node {\n                    id\n                    creator {\n                      handle\n                    }\n                  }\n                }\n              }\n            }\n            remix: generation(id: $remix) {\n              remixOf {\n                id\n              }\n            }\n          }\n        "): (typeof documents)["\n          query SocialGeneration8($id: ID!, $remix: ID!) {\n            source: generation(id: $id) {\n              remixes {\n                edges {\n                  node {\n                    id\n                    creator {\n                      handle\n                    }\n                  }\n                }\n              }\n            }\n            remix: generation(id: $remix) {\n              remixOf {\n                id\n              }\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query SocialNotifications {\n              notifications(first: 10) {\n                edges {\n                  node {\n                    kind\n                    actor {\n                      handle\n                    }\n                    video {\n                      id\n                    }\n                  }\n                }\n              }\n            }\n          "): (typeof documents)["\n            query SocialNotifications {\n              notifications(first: 10) {\n                edges {\n                  node {\n                    kind\n                    actor {\n                      handle\n                    }\n                    video {\n                      id\n                    }\n                  }\n                }\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query SocialNotifications2 {\n              notifications(first: 5) {\n                edges {\n                  node {\n                    kind\n                    actor {\n                      handle\n                    }\n                  }\n                }\n              }\n            }\n          "): (typeof documents)["\n            query SocialNotifications2 {\n              notifications(first: 5) {\n                edges {\n                  node {\n                    kind\n                    actor {\n                      handle\n                    }\n                  }\n                }\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StartGeneration2($id: ID!) {\n    generation(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query StartGeneration2($id: ID!) {\n    generation(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation StartSignUp($handle: String!) {\n        signUp(input: { handle: $handle, displayName: \"Tester\", password: \"password123\" }) {\n          token\n        }\n      }\n    "): (typeof documents)["\n      mutation StartSignUp($handle: String!) {\n        signUp(input: { handle: $handle, displayName: \"Tester\", password: \"password123\" }) {\n          token\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation StartSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation StartSetCameoPolicy($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: EVERYONE }) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation StartFollow($id: ID!) {\n          follow(userId: $id) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation StartFollow($id: ID!) {\n          follow(userId: $id) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query StartFeed($kind: FeedKind!) {\n              feed(kind: $kind, first: 50) {\n                edges {\n                  node {\n                    id\n                  }\n                }\n              }\n            }\n          "): (typeof documents)["\n            query StartFeed($kind: FeedKind!) {\n              feed(kind: $kind, first: 50) {\n                edges {\n                  node {\n                    id\n                  }\n                }\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query StartGeneration($id: ID!) {\n              generation(id: $id) {\n                videoUrl\n              }\n            }\n          "): (typeof documents)["\n            query StartGeneration($id: ID!) {\n              generation(id: $id) {\n                videoUrl\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation StartBlock($id: ID!) {\n          block(userId: $id) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation StartBlock($id: ID!) {\n          block(userId: $id) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query StartCameoConsent($id: ID!) {\n              cameoConsent(cameoId: $id) {\n                allowed\n              }\n            }\n          "): (typeof documents)["\n            query StartCameoConsent($id: ID!) {\n              cameoConsent(cameoId: $id) {\n                allowed\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation StartSetCameoPolicy2($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation StartSetCameoPolicy2($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: ONLY_ME }) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SubscriptionsRedisGenerationProgress($id: ID!) {\n    generationProgress(id: $id) {\n      progress\n      stage\n      status\n      generation {\n        prompt\n        creator {\n          handle\n        }\n        cameos {\n          owner {\n            displayName\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription SubscriptionsRedisGenerationProgress($id: ID!) {\n    generationProgress(id: $id) {\n      progress\n      stage\n      status\n      generation {\n        prompt\n        creator {\n          handle\n        }\n        cameos {\n          owner {\n            displayName\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation SubscriptionsRedisCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    "): (typeof documents)["\n      mutation SubscriptionsRedisCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SubscriptionsMyGenerationUpdates2 {\n    myGenerationUpdates {\n      progress\n    }\n  }\n"): (typeof documents)["\n  subscription SubscriptionsMyGenerationUpdates2 {\n    myGenerationUpdates {\n      progress\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation SubscriptionsCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    "): (typeof documents)["\n      mutation SubscriptionsCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SubscriptionsGenerationProgress($id: ID!) {\n    generationProgress(id: $id) {\n      progress\n      stage\n      status\n      generation {\n        prompt\n        creator {\n          handle\n        }\n        cameos {\n          owner {\n            displayName\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription SubscriptionsGenerationProgress($id: ID!) {\n    generationProgress(id: $id) {\n      progress\n      stage\n      status\n      generation {\n        prompt\n        creator {\n          handle\n        }\n        cameos {\n          owner {\n            displayName\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      subscription SubscriptionsMyGenerationUpdates {\n        myGenerationUpdates {\n          generationId\n          progress\n          status\n          generation {\n            creator {\n              handle\n            }\n          }\n        }\n      }\n    "): (typeof documents)["\n      subscription SubscriptionsMyGenerationUpdates {\n        myGenerationUpdates {\n          generationId\n          progress\n          status\n          generation {\n            creator {\n              handle\n            }\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        subscription SubscriptionsMyGenerationUpdates3 {\n          myGenerationUpdates {\n            progress\n          }\n        }\n      "): (typeof documents)["\n        subscription SubscriptionsMyGenerationUpdates3 {\n          myGenerationUpdates {\n            progress\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation ThirdPartyClientsCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    "): (typeof documents)["\n      mutation ThirdPartyClientsCreateGeneration($input: CreateGenerationInput!) {\n        createGeneration(input: $input) {\n          id\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation WorkerCrashCreateGeneration {\n        createGeneration(input: { prompt: \"survives a crash\", seconds: 4 }) {\n          id\n        }\n      }\n    "): (typeof documents)["\n      mutation WorkerCrashCreateGeneration {\n        createGeneration(input: { prompt: \"survives a crash\", seconds: 4 }) {\n          id\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation TestSignUp($input: SignUpInput!) {\n        signUp(input: $input) {\n          token\n          user {\n            id\n          }\n        }\n      }\n    "): (typeof documents)["\n      mutation TestSignUp($input: SignUpInput!) {\n        signUp(input: $input) {\n          token\n          user {\n            id\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation TestStartCameoVerification($input: StartCameoVerificationInput!) {\n        startCameoVerification(input: $input) {\n          id\n          uploadUrl\n          verificationPhrase\n        }\n      }\n    "): (typeof documents)["\n      mutation TestStartCameoVerification($input: StartCameoVerificationInput!) {\n        startCameoVerification(input: $input) {\n          id\n          uploadUrl\n          verificationPhrase\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query TestCameoVerificationStatus($id: ID!) {\n            cameo(id: $id) {\n              status\n              rejectionReason\n            }\n          }\n        "): (typeof documents)["\n          query TestCameoVerificationStatus($id: ID!) {\n            cameo(id: $id) {\n              status\n              rejectionReason\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation TestApproveCameo($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: APPROVED }) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation TestApproveCameo($id: ID!) {\n          setCameoPolicy(cameoId: $id, input: { policy: APPROVED }) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation TestGrantCameo($id: ID!, $handle: String!) {\n            grantCameoAccess(cameoId: $id, handle: $handle) {\n              id\n            }\n          }\n        "): (typeof documents)["\n          mutation TestGrantCameo($id: ID!, $handle: String!) {\n            grantCameoAccess(cameoId: $id, handle: $handle) {\n              id\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation TestCreateGeneration($input: CreateGenerationInput!) {\n          createGeneration(input: $input) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation TestCreateGeneration($input: CreateGenerationInput!) {\n          createGeneration(input: $input) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query TestGenerationStatus($id: ID!) {\n      generation(id: $id) {\n        status\n      }\n    }\n  "): (typeof documents)["\n    query TestGenerationStatus($id: ID!) {\n      generation(id: $id) {\n        status\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation TestPublishGeneration($id: ID!, $caption: String!) {\n          publishGeneration(id: $id, caption: $caption) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        mutation TestPublishGeneration($id: ID!, $caption: String!) {\n          publishGeneration(id: $id, caption: $caption) {\n            id\n          }\n        }\n      "];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;