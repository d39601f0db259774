-- The idempotency and change-detection record: what was written where, with which content.
create table writer_ledger (
    tenant       varchar(40)  not null,
    target       varchar(20)  not null,
    entity       varchar(60)  not null,
    external_id  varchar(512) not null,
    target_id    varchar(64),
    content_hash varchar(64)  not null,
    status       varchar(30)  not null,
    updated_at   timestamptz  not null default now(),
    primary key (tenant, target, entity, external_id)
);
