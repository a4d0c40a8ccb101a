-- CreateTable
CREATE TABLE "feed"."timeline" (
    "user_id" UUID NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "post_id" UUID NOT NULL,
    "creator_id" UUID NOT NULL,

    CONSTRAINT "timeline_pkey" PRIMARY KEY ("user_id","published_at","post_id","creator_id")
);

-- CreateTable
CREATE TABLE "feed"."timeline_state" (
    "user_id" UUID NOT NULL,
    "horizon_at" TIMESTAMPTZ(3),
    "horizon_id" UUID,
    "size" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "timeline_state_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "feed"."creator_reach" (
    "creator_id" UUID NOT NULL,
    "followers" INTEGER NOT NULL DEFAULT 0,
    "celebrity" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "creator_reach_pkey" PRIMARY KEY ("creator_id")
);

-- CreateIndex
CREATE INDEX "follow_edge_followee_id_follower_id_idx" ON "feed"."follow_edge"("followee_id", "follower_id");

-- CreateIndex
CREATE INDEX "creator_reach_celebrity_creator_id_idx" ON "feed"."creator_reach"("celebrity", "creator_id");

-- Timelines of a data set that has follows are not built yet: until buildTimelines() runs, every
-- Following page of these viewers reads the posts, as before timelines existed.
INSERT INTO "feed"."timeline_state" ("user_id", "horizon_at")
SELECT DISTINCT "follower_id", 'infinity'::timestamptz FROM "feed"."follow_edge";

-- Follower counts of a data set that has follows; none of them is a celebrity until a post is not fanned out.
INSERT INTO "feed"."creator_reach" ("creator_id", "followers")
SELECT "followee_id", count(*) FROM "feed"."follow_edge" GROUP BY "followee_id";
