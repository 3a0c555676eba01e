-- Ingest: a study is registered (matched to its request or queued as unmatched, audited, queued for
-- the central store) only once every file of the run that brought it is indexed, in the transaction
-- of the run's last batch. Until then registered_at is NULL: the run is still going, or it was
-- cancelled or killed, and the study waits in the unmatched queue saying so; importing its files
-- again completes it. Studies indexed before this column existed were registered when they arrived.
ALTER TABLE dicom_study ADD COLUMN registered_at INTEGER;
UPDATE dicom_study SET registered_at = received_at;
