-- A first For You page within two minutes of the viewer's last full ranking re-ranks that
-- ranking's head with what reached the read model since, instead of gathering again
-- (src/ranking-reuse.ts). Existing rows count as arrived now (a constant default: no rewrite).

-- AlterTable
ALTER TABLE "feed"."post" ADD COLUMN     "projected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "feed"."candidate" ADD COLUMN     "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "feed"."snapshot" ADD COLUMN     "ranked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "candidate_viewer_id_added_at_idx" ON "feed"."candidate"("viewer_id", "added_at");

-- CreateIndex
CREATE INDEX "snapshot_user_id_created_at_idx" ON "feed"."snapshot"("user_id", "created_at" DESC);
