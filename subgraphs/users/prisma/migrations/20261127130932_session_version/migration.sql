-- AlterTable
ALTER TABLE "users"."user" ADD COLUMN     "session_version" INTEGER NOT NULL DEFAULT 0;
