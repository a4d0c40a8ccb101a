-- CreateTable
CREATE TABLE "feed"."candidate_set" (
    "viewer_id" UUID NOT NULL,
    "built_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "candidate_set_pkey" PRIMARY KEY ("viewer_id")
);

-- CreateTable
CREATE TABLE "feed"."candidate" (
    "viewer_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "source_id" UUID NOT NULL,
    "post_id" UUID NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "candidate_pkey" PRIMARY KEY ("viewer_id","kind","source_id","post_id")
);

-- CreateIndex
CREATE INDEX "candidate_viewer_id_kind_published_at_idx" ON "feed"."candidate"("viewer_id", "kind", "published_at" DESC);

-- CreateIndex
CREATE INDEX "candidate_post_id_idx" ON "feed"."candidate"("post_id");

-- AddForeignKey
ALTER TABLE "feed"."candidate" ADD CONSTRAINT "candidate_viewer_id_fkey" FOREIGN KEY ("viewer_id") REFERENCES "feed"."candidate_set"("viewer_id") ON DELETE CASCADE ON UPDATE CASCADE;
