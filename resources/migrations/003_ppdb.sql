-- PPDB registrations (docs/school-api.md), their number sequence per academic year, and documents.
CREATE TABLE ppdb_registrations (
    id TEXT PRIMARY KEY,
    registration_number TEXT NOT NULL UNIQUE,
    tahun_ajaran_id TEXT NOT NULL REFERENCES tahun_ajaran (id_tahun_ajaran),
    nisn TEXT NOT NULL,
    full_name TEXT NOT NULL,
    birth_place TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    gender TEXT NOT NULL,
    religion TEXT NOT NULL,
    address TEXT NOT NULL,
    province TEXT NOT NULL,
    city TEXT NOT NULL,
    district TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    father_name TEXT NOT NULL,
    father_phone TEXT NOT NULL,
    mother_name TEXT NOT NULL,
    mother_phone TEXT NOT NULL,
    previous_school TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    retries INTEGER NOT NULL DEFAULT 0,
    note TEXT,
    source TEXT NOT NULL DEFAULT 'online',
    submitted_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- One application per NISN per academic year; re-registration reuses it.
CREATE UNIQUE INDEX ppdb_registrations_nisn ON ppdb_registrations (tahun_ajaran_id, nisn);
CREATE INDEX ppdb_registrations_status ON ppdb_registrations (status);
CREATE INDEX ppdb_registrations_submitted ON ppdb_registrations (submitted_at);

-- Gap-free numbering: the counter moves inside the inserting transaction, so a rolled-back
-- registration gives its number back.
CREATE TABLE ppdb_sequences (
    year INTEGER PRIMARY KEY,
    last_value INTEGER NOT NULL
);

CREATE TABLE ppdb_documents (
    id TEXT PRIMARY KEY,
    registration_id TEXT NOT NULL REFERENCES ppdb_registrations (id),
    document_type TEXT NOT NULL,
    stored_name TEXT NOT NULL,
    original_name TEXT,
    mime_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    is_current INTEGER NOT NULL DEFAULT 1,
    uploaded_at TEXT NOT NULL
);
CREATE INDEX ppdb_documents_registration ON ppdb_documents (registration_id, document_type);
