-- Satu Data files (docs/satudata.md): verified CSV/XLSX tables published to SPLP and SIPD.
CREATE TABLE satudata_files (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT,
    period TEXT NOT NULL,
    unit TEXT,
    tags TEXT,
    kode_indikator TEXT,
    kode_pemda TEXT,
    format TEXT NOT NULL,
    original_name TEXT,
    stored_name TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    columns_json TEXT NOT NULL,
    row_count INTEGER NOT NULL,
    verified INTEGER NOT NULL DEFAULT 0,
    verified_by TEXT,
    verified_at TEXT,
    ever_synced INTEGER NOT NULL DEFAULT 0,
    uploaded_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX satudata_files_created ON satudata_files (created_at);
