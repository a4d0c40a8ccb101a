-- CreateTable
CREATE TABLE "users"."cameo_recording_attempt" (
    "id" BIGSERIAL NOT NULL,
    "owner_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cameo_recording_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "cameo_recording_attempt_owner_id_at_idx" ON "users"."cameo_recording_attempt"("owner_id", "at");

-- AddForeignKey
ALTER TABLE "users"."cameo_recording_attempt" ADD CONSTRAINT "cameo_recording_attempt_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"."user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
