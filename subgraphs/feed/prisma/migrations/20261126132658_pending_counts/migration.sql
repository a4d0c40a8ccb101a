-- CreateTable
CREATE TABLE "feed"."pending_counts" (
    "post_id" UUID NOT NULL,
    "likes" INTEGER NOT NULL DEFAULT 0,
    "comments" INTEGER NOT NULL DEFAULT 0,
    "views" INTEGER NOT NULL DEFAULT 0,
    "remixes" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "pending_counts_pkey" PRIMARY KEY ("post_id")
);
