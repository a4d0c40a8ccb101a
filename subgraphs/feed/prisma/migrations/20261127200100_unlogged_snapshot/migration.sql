-- A pinned For You ranking lives an hour and can be ranked again: it needs no WAL, and its insert
-- on every first page then waits for no commit flush (most of that insert's time). After a crash
-- the table is empty: a cursor into it is refused and the client loads a first page again.
ALTER TABLE "feed"."snapshot" SET UNLOGGED;
