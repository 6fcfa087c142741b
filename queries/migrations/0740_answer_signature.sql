-- An answer written from a letter keeps, on its letter row and with its version, what
-- the analyst confirmed: a signed PDF's signature line (signer, organisation, time, and
-- whether it verifies) and the blocks the analyst moved to another item in the preview.
-- One action per ALTER: a replica's convergence checks each column on its own.
ALTER TABLE report_answers ADD COLUMN signature String DEFAULT '';
ALTER TABLE report_answers ADD COLUMN moves String DEFAULT '';
