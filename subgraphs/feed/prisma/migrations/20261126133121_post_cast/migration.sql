-- DropIndex
DROP INDEX "feed"."post_cameo_owner_ids_idx";

-- CreateTable
CREATE TABLE "feed"."post_cast" (
    "owner_id" UUID NOT NULL,
    "post_id" UUID NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "post_cast_pkey" PRIMARY KEY ("owner_id","post_id")
);

-- CreateIndex
CREATE INDEX "post_cast_owner_id_published_at_idx" ON "feed"."post_cast"("owner_id", "published_at" DESC);

-- Backfill: who is cast in the posts already there.
INSERT INTO "feed"."post_cast" ("owner_id", "post_id", "published_at")
SELECT unnest("cameo_owner_ids"), "id", "published_at" FROM "feed"."post" WHERE cardinality("cameo_owner_ids") > 0
ON CONFLICT DO NOTHING;
