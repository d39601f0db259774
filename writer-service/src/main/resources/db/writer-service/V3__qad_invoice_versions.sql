-- The source version (ServiceNow sys_updated_on#hash) of the command an invoice row holds: an older
-- version (redelivery, offset-reset replay) is never posted over a newer one, and a newer version
-- of an invoice that failed is a clerk's resubmission.
alter table qad_invoice add column source_version varchar(200);
-- Failed write-backs in a row; a write-back ServiceNow keeps refusing is parked after a bound.
alter table qad_invoice add column write_back_attempts integer not null default 0;
-- Check-and-claim of received quantity is atomic per PO line (advisory locks), and the claim reads
-- every invoice on the line: keep that read an index scan.
create index qad_invoice_claims on qad_invoice (tenant, status) where status in ('POSTING', 'POSTED');
