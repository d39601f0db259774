-- The source version (QAD modification time#hash) last written or parked per staging row: an older
-- version (redelivery, rewind, offset-reset replay) is never written over a newer one.
alter table writer_ledger add column source_version varchar(200);
