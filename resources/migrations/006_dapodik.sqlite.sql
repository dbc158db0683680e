-- Dapodik data (wilayah -> sekolah -> PTK) and the sync machinery (docs/dapodik-sync.md).
-- Records gone upstream stay, marked inactive with a timestamp.
CREATE TABLE dapodik_kecamatan (
    kode_wilayah TEXT PRIMARY KEY,
    nama TEXT NOT NULL,
    mst_kode_wilayah TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    inactive_at TEXT,
    synced_at TEXT NOT NULL
);

CREATE TABLE dapodik_sekolah (
    npsn TEXT PRIMARY KEY,
    sekolah_id TEXT,
    nama TEXT NOT NULL,
    bentuk_pendidikan TEXT,
    status TEXT,
    alamat TEXT,
    kode_wilayah TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    inactive_at TEXT,
    synced_at TEXT NOT NULL
);
CREATE INDEX dapodik_sekolah_wilayah ON dapodik_sekolah (kode_wilayah);

CREATE TABLE dapodik_ptk (
    ptk_id TEXT PRIMARY KEY,
    nik TEXT,
    nama TEXT NOT NULL,
    jenis_kelamin TEXT,
    tanggal_lahir TEXT,
    nuptk TEXT,
    nip TEXT,
    jenis_ptk TEXT,
    status_kepegawaian TEXT,
    pendidikan_terakhir TEXT,
    npsn TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    inactive_at TEXT,
    synced_at TEXT NOT NULL
);
CREATE INDEX dapodik_ptk_npsn ON dapodik_ptk (npsn);
CREATE INDEX dapodik_ptk_nik ON dapodik_ptk (nik);
CREATE INDEX dapodik_ptk_nama ON dapodik_ptk (LOWER(nama));

CREATE TABLE sync_metadata (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
INSERT INTO sync_metadata (id, key, value, updated_at) VALUES (1, 'LAST_GLOBAL_SYNC', '', '1970-01-01T00:00:00.000Z');

CREATE TABLE sync_log (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    params TEXT,
    status TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    started_by TEXT,
    kecamatan_count INTEGER NOT NULL DEFAULT 0,
    sekolah_count INTEGER NOT NULL DEFAULT 0,
    ptk_count INTEGER NOT NULL DEFAULT 0,
    inactive_count INTEGER NOT NULL DEFAULT 0,
    error_count INTEGER NOT NULL DEFAULT 0,
    resumed INTEGER NOT NULL DEFAULT 0,
    message TEXT
);
CREATE INDEX sync_log_started ON sync_log (started_at);

CREATE TABLE sync_log_errors (
    id TEXT PRIMARY KEY,
    log_id TEXT NOT NULL REFERENCES sync_log (id),
    item TEXT NOT NULL,
    message TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX sync_log_errors_log ON sync_log_errors (log_id);

-- Kecamatan finished by an unfinished job, so that the next run of the same job resumes.
CREATE TABLE sync_checkpoints (
    job_key TEXT NOT NULL,
    item TEXT NOT NULL,
    done_at TEXT NOT NULL,
    PRIMARY KEY (job_key, item)
);

-- Dashboard analytics: SQLite has no materialized views; this table is rebuilt in one
-- transaction after each sync with the same SELECT as PostgreSQL's mv_dashboard_analitik.
CREATE TABLE dashboard_analitik (
    dimensi TEXT NOT NULL,
    kunci TEXT NOT NULL,
    label TEXT NOT NULL,
    jumlah INTEGER NOT NULL,
    PRIMARY KEY (dimensi, kunci)
);
