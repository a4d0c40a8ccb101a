-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "generations";

-- CreateEnum
CREATE TYPE "generations"."GenerationStatus" AS ENUM ('QUEUED', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED', 'BLOCKED');

-- CreateEnum
CREATE TYPE "generations"."Aspect" AS ENUM ('PORTRAIT', 'LANDSCAPE', 'SQUARE');

-- CreateTable
CREATE TABLE "generations"."generation" (
    "id" UUID NOT NULL,
    "creator_id" UUID NOT NULL,
    "prompt" TEXT NOT NULL,
    "seconds" INTEGER NOT NULL,
    "aspect" "generations"."Aspect" NOT NULL,
    "remix_of_id" UUID,
    "idempotency_key" TEXT NOT NULL,
    "status" "generations"."GenerationStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "stage" TEXT NOT NULL DEFAULT 'queued',
    "error_reason" TEXT,
    "model" TEXT NOT NULL,
    "asset_key" TEXT,
    "provenance" JSONB,
    "watermark" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "caption" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "hidden_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "generation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "generations"."generation_cameo" (
    "generation_id" UUID NOT NULL,
    "cameo_id" UUID NOT NULL,
    "owner_id" UUID NOT NULL,
    "policy_version" INTEGER NOT NULL,
    "restrictions" JSONB NOT NULL,

    CONSTRAINT "generation_cameo_pkey" PRIMARY KEY ("generation_id","cameo_id")
);

-- CreateTable
CREATE TABLE "generations"."outbox" (
    "id" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "generations"."processed_event" (
    "event_id" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE INDEX "generation_creator_id_created_at_idx" ON "generations"."generation"("creator_id", "created_at");

-- CreateIndex
CREATE INDEX "generation_remix_of_id_idx" ON "generations"."generation"("remix_of_id");

-- CreateIndex
CREATE UNIQUE INDEX "generation_creator_id_idempotency_key_key" ON "generations"."generation"("creator_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "generation_cameo_cameo_id_generation_id_idx" ON "generations"."generation_cameo"("cameo_id", "generation_id");

-- CreateIndex
CREATE INDEX "outbox_published_at_id_idx" ON "generations"."outbox"("published_at", "id");

-- AddForeignKey
ALTER TABLE "generations"."generation_cameo" ADD CONSTRAINT "generation_cameo_generation_id_fkey" FOREIGN KEY ("generation_id") REFERENCES "generations"."generation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
