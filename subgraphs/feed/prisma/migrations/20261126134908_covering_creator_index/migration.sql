-- DropIndex
DROP INDEX "feed"."post_creator_id_published_at_id_idx";

-- CreateIndex
CREATE INDEX "post_creator_id_published_at_id_hidden_at_idx" ON "feed"."post"("creator_id", "published_at" DESC, "id" DESC, "hidden_at");
