-- No query reads this index, and with the score in it no engagement event could update a score
-- in place: each one wrote a new row version and an entry into both of the table's indexes.
-- Without it most updates are heap-only. On the bench's data set, 4,000 upserts after a
-- checkpoint wrote 13.8 KB of WAL each before and 0.8 KB after (docs/bench.md, eleventh pass).

-- DropIndex
DROP INDEX "feed"."affinity_user_id_score_idx";
