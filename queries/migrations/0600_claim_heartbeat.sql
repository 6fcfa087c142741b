-- Claims that die with their holder (README, "Commit marker and concurrency"): a holder
-- renews its claim every few seconds by inserting one more row (claimed_at = now() of
-- ClickHouse), and a claim not renewed for the lapse (30 s) is dead. The new columns say
-- who holds a claim, for the writer it refuses, and which upload attempt it covers, for
-- the purge of dead attempts (an attempt is dead once its claim has lapsed).
-- One action per ALTER: a replica's convergence checks each column on its own.
ALTER TABLE upload_claims ADD COLUMN upload_id String DEFAULT '';
ALTER TABLE upload_claims ADD COLUMN holder String DEFAULT '';
ALTER TABLE upload_claims ADD COLUMN host String DEFAULT '';
ALTER TABLE upload_claims ADD COLUMN channel String DEFAULT '';
