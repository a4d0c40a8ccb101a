-- CreateEnum
CREATE TYPE "users"."AgeBand" AS ENUM ('TEEN', 'ADULT');

-- CreateEnum
CREATE TYPE "users"."Plan" AS ENUM ('FREE', 'PRO');

-- CreateEnum
CREATE TYPE "users"."CameoKind" AS ENUM ('PERSON', 'PET', 'OBJECT');

-- CreateEnum
CREATE TYPE "users"."CameoStatus" AS ENUM ('AWAITING_RECORDING', 'PENDING_REVIEW', 'VERIFIED', 'REJECTED');

-- CreateEnum
CREATE TYPE "users"."ConsentPolicy" AS ENUM ('ONLY_ME', 'APPROVED', 'MUTUALS', 'EVERYONE');

-- AlterTable
ALTER TABLE "users"."user" ADD COLUMN     "age_band" "users"."AgeBand" NOT NULL DEFAULT 'ADULT',
ADD COLUMN     "avatar_url" TEXT,
ADD COLUMN     "bio" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "plan" "users"."Plan" NOT NULL DEFAULT 'FREE';

-- CreateTable
CREATE TABLE "users"."cameo" (
    "id" UUID NOT NULL,
    "owner_id" UUID NOT NULL,
    "kind" "users"."CameoKind" NOT NULL,
    "person_owner_id" UUID,
    "name" TEXT NOT NULL,
    "status" "users"."CameoStatus" NOT NULL DEFAULT 'AWAITING_RECORDING',
    "rejection_reason" TEXT,
    "verification_phrase" TEXT NOT NULL,
    "upload_key" TEXT NOT NULL,
    "video_ref" TEXT,
    "audio_ref" TEXT,
    "duration_ms" INTEGER,
    "transcript" TEXT,
    "policy" "users"."ConsentPolicy" NOT NULL DEFAULT 'ONLY_ME',
    "policy_version" INTEGER NOT NULL DEFAULT 1,
    "restrictions_text" TEXT NOT NULL DEFAULT '',
    "restriction_tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cameo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users"."cameo_grant" (
    "cameo_id" UUID NOT NULL,
    "grantee_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cameo_grant_pkey" PRIMARY KEY ("cameo_id","grantee_id")
);

-- CreateTable
CREATE TABLE "users"."consent_decision" (
    "id" UUID NOT NULL,
    "cameo_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "allowed" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL,
    "policy" "users"."ConsentPolicy",
    "policy_version" INTEGER,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consent_decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users"."follow_edge" (
    "follower_id" UUID NOT NULL,
    "followee_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "follow_edge_pkey" PRIMARY KEY ("follower_id","followee_id")
);

-- CreateTable
CREATE TABLE "users"."block_edge" (
    "blocker_id" UUID NOT NULL,
    "blocked_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "block_edge_pkey" PRIMARY KEY ("blocker_id","blocked_id")
);

-- CreateTable
CREATE TABLE "users"."outbox" (
    "id" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users"."processed_event" (
    "event_id" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "cameo_person_owner_id_key" ON "users"."cameo"("person_owner_id");

-- CreateIndex
CREATE UNIQUE INDEX "cameo_upload_key_key" ON "users"."cameo"("upload_key");

-- CreateIndex
CREATE INDEX "cameo_owner_id_idx" ON "users"."cameo"("owner_id");

-- CreateIndex
CREATE INDEX "cameo_grant_grantee_id_idx" ON "users"."cameo_grant"("grantee_id");

-- CreateIndex
CREATE INDEX "consent_decision_cameo_id_decided_at_idx" ON "users"."consent_decision"("cameo_id", "decided_at");

-- CreateIndex
CREATE INDEX "follow_edge_followee_id_idx" ON "users"."follow_edge"("followee_id");

-- CreateIndex
CREATE INDEX "block_edge_blocked_id_idx" ON "users"."block_edge"("blocked_id");

-- CreateIndex
CREATE INDEX "outbox_published_at_id_idx" ON "users"."outbox"("published_at", "id");

-- AddForeignKey
ALTER TABLE "users"."cameo" ADD CONSTRAINT "cameo_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"."user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users"."cameo_grant" ADD CONSTRAINT "cameo_grant_cameo_id_fkey" FOREIGN KEY ("cameo_id") REFERENCES "users"."cameo"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users"."cameo_grant" ADD CONSTRAINT "cameo_grant_grantee_id_fkey" FOREIGN KEY ("grantee_id") REFERENCES "users"."user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
