-- The table of each Satu Data file, parsed once when it is uploaded or replaced: header and
-- rows as JSON, plus the first rows for the preview. Showing a file or pushing it never parses
-- the uploaded CSV/XLSX again (the original stays on disk as uploaded).
CREATE TABLE satudata_file_tables (
    file_id TEXT PRIMARY KEY REFERENCES satudata_files (id) ON DELETE CASCADE,
    table_json TEXT NOT NULL,
    preview_json TEXT NOT NULL
);
