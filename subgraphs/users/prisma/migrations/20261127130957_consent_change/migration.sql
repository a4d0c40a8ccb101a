-- CreateTable
CREATE TABLE "users"."consent_change" (
    "id" BIGSERIAL NOT NULL,
    "cameo_id" UUID NOT NULL,
    "owner_id" UUID NOT NULL,
    "policy_version" INTEGER NOT NULL,
    "cause" TEXT NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consent_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "consent_change_changed_at_id_idx" ON "users"."consent_change"("changed_at", "id");
