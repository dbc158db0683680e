-- Public PPDB uploads per registration over its whole life. Replaced documents are pruned, so
-- counting rows would let an applicant upload forever; this counter only grows.
ALTER TABLE ppdb_registrations ADD COLUMN upload_count INTEGER NOT NULL DEFAULT 0;
