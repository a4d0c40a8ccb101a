-- AlterTable
ALTER TABLE "generations"."generation_cameo" ADD COLUMN     "checked_policy_version" INTEGER NOT NULL DEFAULT 0;

-- Existing casts were last checked when they were created.
UPDATE "generations"."generation_cameo" SET "checked_policy_version" = "policy_version";
