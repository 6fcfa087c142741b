-- The permission to compile a round (issue 20): its holder writes SCT's synthesis per
-- outline item on /report/YEAR and picks how the agencies' paragraphs are printed. It is
-- given by an admin, on top of any role (an SCT analyst, or a viewer), and rides with the
-- user's versioned row like the role and agencies. Plain ADD COLUMN: a migration runs once.
ALTER TABLE users ADD COLUMN can_compile UInt8 DEFAULT 0 AFTER sessions_after;
