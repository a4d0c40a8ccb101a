-- AlterTable
ALTER TABLE "social"."outbox" ADD COLUMN     "xid" xid8 NOT NULL DEFAULT pg_current_xact_id();

-- CreateTable
CREATE TABLE "social"."event_position" (
    "source" TEXT NOT NULL,
    "last_xid" BIGINT NOT NULL DEFAULT 0,
    "last_id" BIGINT NOT NULL DEFAULT 0,
    "leased_by" TEXT,
    "lease_until" TIMESTAMPTZ(3),

    CONSTRAINT "event_position_pkey" PRIMARY KEY ("source")
);

-- CreateTable
CREATE TABLE "social"."dead_letter_event" (
    "event_id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "at" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "dead_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replay_requested_at" TIMESTAMPTZ(3),

    CONSTRAINT "dead_letter_event_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE INDEX "dead_letter_event_replay_requested_at_idx" ON "social"."dead_letter_event"("replay_requested_at");

-- CreateIndex
CREATE INDEX "outbox_xid_id_idx" ON "social"."outbox"("xid", "id");

