-- An archived file is stored in parts of at most 1 MB (queries/upload_archive.go), one row
-- each, numbered from 0: sending one large value costs the client several copies of it.
-- Files archived before this migration are one row, part 0.
ALTER TABLE upload_files ADD COLUMN part UInt32 DEFAULT 0;
