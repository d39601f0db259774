-- Invoices rejected because a line needs a QAD dimension code the catalog lacked (often only not
-- synced yet): kept with the event that was mapped, and mapped again when QAD reports the code.
create table invoice_awaiting_dimension (
    tenant          varchar(40)  not null,
    sys_id          varchar(64)  not null,
    dimension       varchar(20)  not null,
    qad_code        varchar(255) not null,
    envelope        bytea        not null,
    kafka_topic     varchar(249) not null,
    kafka_partition integer      not null,
    kafka_offset    bigint       not null,
    since           timestamptz  not null default now(),
    primary key (tenant, sys_id)
);
create index invoice_awaiting_dimension_by_code
    on invoice_awaiting_dimension (tenant, dimension, qad_code);
