-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "feed";

-- CreateTable
CREATE TABLE "feed"."post" (
    "id" UUID NOT NULL,
    "creator_id" UUID NOT NULL,
    "caption" TEXT NOT NULL DEFAULT '',
    "prompt" TEXT NOT NULL DEFAULT '',
    "remix_of_id" UUID,
    "cameo_ids" UUID[],
    "cameo_owner_ids" UUID[],
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "likes" INTEGER NOT NULL DEFAULT 0,
    "comments" INTEGER NOT NULL DEFAULT 0,
    "views" INTEGER NOT NULL DEFAULT 0,
    "remixes" INTEGER NOT NULL DEFAULT 0,
    "hot" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "hidden_at" TIMESTAMPTZ(3),

    CONSTRAINT "post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feed"."follow_edge" (
    "follower_id" UUID NOT NULL,
    "followee_id" UUID NOT NULL,

    CONSTRAINT "follow_edge_pkey" PRIMARY KEY ("follower_id","followee_id")
);

-- CreateTable
CREATE TABLE "feed"."affinity" (
    "user_id" UUID NOT NULL,
    "creator_id" UUID NOT NULL,
    "score" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "affinity_pkey" PRIMARY KEY ("user_id","creator_id")
);

-- CreateTable
CREATE TABLE "feed"."engaged" (
    "user_id" UUID NOT NULL,
    "post_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "engaged_pkey" PRIMARY KEY ("user_id","post_id")
);

-- CreateTable
CREATE TABLE "feed"."seen" (
    "user_id" UUID NOT NULL,
    "post_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "seen_pkey" PRIMARY KEY ("user_id","post_id")
);

-- CreateTable
CREATE TABLE "feed"."feedback" (
    "user_id" UUID NOT NULL,
    "post_id" UUID NOT NULL,
    "creator_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feedback_pkey" PRIMARY KEY ("user_id","post_id")
);

-- CreateTable
CREATE TABLE "feed"."preference" (
    "user_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "more" TEXT[],
    "less" TEXT[],
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "preference_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "feed"."snapshot" (
    "id" UUID NOT NULL,
    "user_id" UUID,
    "post_ids" UUID[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feed"."served_daily" (
    "user_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "served_daily_pkey" PRIMARY KEY ("user_id","day")
);

-- CreateTable
CREATE TABLE "feed"."processed_event" (
    "event_id" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE INDEX "post_creator_id_published_at_id_idx" ON "feed"."post"("creator_id", "published_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "post_hot_idx" ON "feed"."post"("hot" DESC);

-- CreateIndex
CREATE INDEX "post_remix_of_id_idx" ON "feed"."post"("remix_of_id");

-- CreateIndex
CREATE INDEX "post_cameo_owner_ids_idx" ON "feed"."post" USING GIN ("cameo_owner_ids");

-- CreateIndex
CREATE INDEX "affinity_user_id_score_idx" ON "feed"."affinity"("user_id", "score" DESC);

-- CreateIndex
CREATE INDEX "engaged_user_id_at_idx" ON "feed"."engaged"("user_id", "at" DESC);

-- CreateIndex
CREATE INDEX "snapshot_created_at_idx" ON "feed"."snapshot"("created_at");
