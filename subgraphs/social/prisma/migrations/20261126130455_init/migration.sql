-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "social";

-- CreateEnum
CREATE TYPE "social"."NotificationKind" AS ENUM ('NEW_FOLLOWER', 'LIKE', 'COMMENT', 'REPLY', 'REMIX', 'CAST');

-- CreateTable
CREATE TABLE "social"."follow" (
    "follower_id" UUID NOT NULL,
    "followee_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "follow_pkey" PRIMARY KEY ("follower_id","followee_id")
);

-- CreateTable
CREATE TABLE "social"."block" (
    "blocker_id" UUID NOT NULL,
    "blocked_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "block_pkey" PRIMARY KEY ("blocker_id","blocked_id")
);

-- CreateTable
CREATE TABLE "social"."mute" (
    "muter_id" UUID NOT NULL,
    "muted_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mute_pkey" PRIMARY KEY ("muter_id","muted_id")
);

-- CreateTable
CREATE TABLE "social"."user_counts" (
    "user_id" UUID NOT NULL,
    "followers" INTEGER NOT NULL DEFAULT 0,
    "following" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "user_counts_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "social"."like" (
    "generation_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "like_pkey" PRIMARY KEY ("generation_id","user_id")
);

-- CreateTable
CREATE TABLE "social"."view" (
    "generation_id" UUID NOT NULL,
    "viewer_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "view_pkey" PRIMARY KEY ("generation_id","viewer_id")
);

-- CreateTable
CREATE TABLE "social"."video_counts" (
    "generation_id" UUID NOT NULL,
    "likes" INTEGER NOT NULL DEFAULT 0,
    "comments" INTEGER NOT NULL DEFAULT 0,
    "views" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "video_counts_pkey" PRIMARY KEY ("generation_id")
);

-- CreateTable
CREATE TABLE "social"."comment" (
    "id" UUID NOT NULL,
    "generation_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "parent_id" UUID,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "social"."notification" (
    "id" UUID NOT NULL,
    "recipient_id" UUID NOT NULL,
    "kind" "social"."NotificationKind" NOT NULL,
    "actor_id" UUID,
    "generation_id" UUID,
    "comment_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "social"."outbox" (
    "id" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "social"."processed_event" (
    "event_id" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE INDEX "follow_followee_id_created_at_follower_id_idx" ON "social"."follow"("followee_id", "created_at" DESC, "follower_id" DESC);

-- CreateIndex
CREATE INDEX "follow_follower_id_created_at_followee_id_idx" ON "social"."follow"("follower_id", "created_at" DESC, "followee_id" DESC);

-- CreateIndex
CREATE INDEX "block_blocked_id_blocker_id_idx" ON "social"."block"("blocked_id", "blocker_id");

-- CreateIndex
CREATE INDEX "like_user_id_created_at_idx" ON "social"."like"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "comment_generation_id_parent_id_created_at_id_idx" ON "social"."comment"("generation_id", "parent_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "comment_parent_id_created_at_id_idx" ON "social"."comment"("parent_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "notification_recipient_id_created_at_id_idx" ON "social"."notification"("recipient_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "outbox_published_at_id_idx" ON "social"."outbox"("published_at", "id");

-- AddForeignKey
ALTER TABLE "social"."comment" ADD CONSTRAINT "comment_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "social"."comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
