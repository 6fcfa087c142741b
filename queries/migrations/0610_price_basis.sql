-- A change of price basis is data on the figure, not a phrase in its note:
-- price_basis_break = 1 says this figure is at a different price basis from the
-- years before it (industrial output value 2024 against 2021–2023), so a series
-- breaks before it, as at the 2025 merger. Plain ADD COLUMN: a migration runs once.
ALTER TABLE figures ADD COLUMN price_basis_break UInt8 DEFAULT 0 AFTER note_en;
