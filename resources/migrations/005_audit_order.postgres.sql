-- Insertion order for audit entries written within the same millisecond.
ALTER TABLE audit_log ADD COLUMN seq BIGSERIAL;
CREATE INDEX audit_log_order ON audit_log (at, seq);
