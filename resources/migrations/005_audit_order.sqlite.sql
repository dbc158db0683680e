-- Insertion order for audit entries written within the same millisecond: the rowid, copied by a
-- trigger so that queries read one `seq` column on both databases.
ALTER TABLE audit_log ADD COLUMN seq INTEGER;
UPDATE audit_log SET seq = rowid;
CREATE TRIGGER audit_log_seq AFTER INSERT ON audit_log BEGIN UPDATE audit_log SET seq = NEW.rowid WHERE rowid = NEW.rowid; END;
CREATE INDEX audit_log_order ON audit_log (at, seq);
