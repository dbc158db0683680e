-- Satu Data sync (docs/satudata.md): what we know of each file at each target, every attempt, the
-- retry queue (survives restarts) and the automatic schedule.
CREATE TABLE satudata_targets (
    file_id TEXT NOT NULL REFERENCES satudata_files (id) ON DELETE CASCADE,
    target TEXT NOT NULL,
    status TEXT NOT NULL,
    remote_id TEXT,
    resource_id TEXT,
    remote_modified TEXT,
    pushed_hash TEXT,
    last_sync_at TEXT,
    last_attempt_at TEXT,
    failure_class TEXT,
    error TEXT,
    conflict_json TEXT,
    PRIMARY KEY (file_id, target)
);

CREATE TABLE satudata_sync_log (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    run_id TEXT,
    file_id TEXT NOT NULL,
    file_title TEXT NOT NULL,
    target TEXT NOT NULL,
    status TEXT NOT NULL,
    failure_class TEXT,
    message TEXT,
    answer TEXT,
    duration_ms INTEGER NOT NULL,
    attempt INTEGER NOT NULL,
    actor TEXT,
    at TEXT NOT NULL
);
CREATE INDEX satudata_sync_log_at ON satudata_sync_log (at, seq);
CREATE INDEX satudata_sync_log_file ON satudata_sync_log (file_id);

CREATE TABLE satudata_retry_queue (
    file_id TEXT NOT NULL REFERENCES satudata_files (id) ON DELETE CASCADE,
    target TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_at TEXT NOT NULL,
    failure_class TEXT,
    last_error TEXT,
    PRIMARY KEY (file_id, target)
);

CREATE TABLE satudata_schedule (
    id INTEGER PRIMARY KEY,
    frequency TEXT NOT NULL,
    weekday INTEGER NOT NULL,
    at_time TEXT NOT NULL,
    targets TEXT NOT NULL,
    last_run_slot TEXT,
    updated_at TEXT,
    updated_by TEXT
);
INSERT INTO satudata_schedule (id, frequency, weekday, at_time, targets) VALUES (1, 'off', 1, '07:00', 'splp,sipd');
