-- Content OSIS creates or edits waits for approval by admin or kesiswaan before it is public.
-- Every content table has the column (the SQL is generated per type); items already stored
-- are approved.
ALTER TABLE news ADD COLUMN approved INTEGER NOT NULL DEFAULT 1;
ALTER TABLE announcements ADD COLUMN approved INTEGER NOT NULL DEFAULT 1;
ALTER TABLE calendar_events ADD COLUMN approved INTEGER NOT NULL DEFAULT 1;
ALTER TABLE teachers ADD COLUMN approved INTEGER NOT NULL DEFAULT 1;
ALTER TABLE facilities ADD COLUMN approved INTEGER NOT NULL DEFAULT 1;
ALTER TABLE extracurriculars ADD COLUMN approved INTEGER NOT NULL DEFAULT 1;
