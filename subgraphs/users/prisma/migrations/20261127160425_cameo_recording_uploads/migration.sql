-- CreateEnum
CREATE TYPE "users"."CheckResult" AS ENUM ('PASSED', 'FAILED', 'NOT_CHECKED');

-- AlterTable
ALTER TABLE "users"."cameo" DROP COLUMN "audio_ref",
DROP COLUMN "video_ref",
ADD COLUMN     "likeness_check" "users"."CheckResult" NOT NULL DEFAULT 'NOT_CHECKED',
ADD COLUMN     "liveness_check" "users"."CheckResult" NOT NULL DEFAULT 'NOT_CHECKED',
ADD COLUMN     "media_check" "users"."CheckResult" NOT NULL DEFAULT 'NOT_CHECKED',
ADD COLUMN     "recording_bytes" INTEGER,
ADD COLUMN     "recording_key" TEXT,
ADD COLUMN     "rejection_code" TEXT,
ADD COLUMN     "speech_check" "users"."CheckResult" NOT NULL DEFAULT 'NOT_CHECKED';

-- CreateTable
CREATE TABLE "users"."cameo_verification_job" (
    "cameo_id" UUID NOT NULL,
    "recording_key" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "run_after" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cameo_verification_job_pkey" PRIMARY KEY ("cameo_id")
);

-- CreateIndex
CREATE INDEX "cameo_verification_job_run_after_idx" ON "users"."cameo_verification_job"("run_after");

-- AddForeignKey
ALTER TABLE "users"."cameo_verification_job" ADD CONSTRAINT "cameo_verification_job_cameo_id_fkey" FOREIGN KEY ("cameo_id") REFERENCES "users"."cameo"("id") ON DELETE CASCADE ON UPDATE CASCADE;
