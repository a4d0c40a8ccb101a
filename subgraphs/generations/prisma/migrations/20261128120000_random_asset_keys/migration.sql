-- AlterTable
ALTER TABLE "generations"."generation" ADD COLUMN     "manifest_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "generation_asset_key_key" ON "generations"."generation"("asset_key");

-- CreateIndex
CREATE UNIQUE INDEX "generation_manifest_key_key" ON "generations"."generation"("manifest_key");
