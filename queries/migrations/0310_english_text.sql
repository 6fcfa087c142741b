-- English beside the Vietnamese catalogue text: pages in English show the *_en
-- column, Vietnamese pages the original. Empty means "same as the Vietnamese".
-- Plain ADD COLUMN (18.16 has no IF NOT EXISTS here): a migration runs once.
ALTER TABLE figures ADD COLUMN note_en String DEFAULT '' AFTER note;
ALTER TABLE scopes ADD COLUMN note_en String DEFAULT '' AFTER note;
ALTER TABLE projects ADD COLUMN capacity_en String DEFAULT '' AFTER milestones;
ALTER TABLE projects ADD COLUMN milestones_en String DEFAULT '' AFTER capacity_en;
ALTER TABLE plans ADD COLUMN document_en String DEFAULT '' AFTER document;
