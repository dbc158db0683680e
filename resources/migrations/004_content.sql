-- School content (docs/school-api.md): news, announcements, calendar, teachers, facilities,
-- extracurricular; uploaded media images; student works. Columns match core/content/ContentTypes.
CREATE TABLE media (
    id TEXT PRIMARY KEY,
    mime TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    original_name TEXT,
    file_name TEXT NOT NULL,
    thumb_name TEXT NOT NULL,
    thumb_mime TEXT NOT NULL,
    thumb_sha256 TEXT NOT NULL,
    created_by TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE news (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    category TEXT NOT NULL,
    status TEXT NOT NULL,
    published_at TEXT,
    excerpt TEXT,
    content TEXT NOT NULL,
    image_id TEXT REFERENCES media (id),
    created_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX news_public ON news (status, published_at);

CREATE TABLE announcements (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    priority TEXT NOT NULL,
    active_from TEXT NOT NULL,
    active_until TEXT,
    content TEXT NOT NULL,
    created_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX announcements_active ON announcements (active_from, active_until);

CREATE TABLE calendar_events (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    category TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    location TEXT,
    description TEXT,
    created_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX calendar_events_range ON calendar_events (start_date, end_date);

CREATE TABLE teachers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    nip TEXT,
    nuptk TEXT,
    subject TEXT NOT NULL,
    position TEXT,
    photo_id TEXT REFERENCES media (id),
    created_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE facilities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    image_id TEXT REFERENCES media (id),
    created_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE extracurriculars (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    schedule TEXT,
    coach TEXT,
    image_id TEXT REFERENCES media (id),
    created_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE student_works (
    id TEXT PRIMARY KEY,
    student_id TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT,
    category TEXT NOT NULL,
    link TEXT,
    file_name TEXT,
    file_mime TEXT,
    file_size INTEGER,
    file_sha256 TEXT,
    original_name TEXT,
    featured INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX student_works_student ON student_works (student_id, created_at);

CREATE INDEX audit_log_user ON audit_log (user_id, at);
