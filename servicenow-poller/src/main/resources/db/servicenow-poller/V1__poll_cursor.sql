-- One keyset cursor per tenant and table: where the next read starts, as
-- (sys_updated_on, sys_id) of the last row published and acknowledged.
create table poll_cursor (
    tenant        varchar(40)  not null,
    source        varchar(20)  not null,
    entity        varchar(40)  not null,
    last_modified timestamptz  not null,
    last_key      varchar(64)  not null,
    updated_at    timestamptz  not null default now(),
    primary key (tenant, source, entity)
);

-- The last version published per record (sys_id), so a record re-read inside the overlap
-- window, or re-saved without a business change, is not sent again.
create table published_version (
    tenant       varchar(40)  not null,
    entity       varchar(40)  not null,
    record_key   varchar(64)  not null,
    content_hash varchar(64)  not null,
    modified_at  timestamptz  not null,
    primary key (tenant, entity, record_key)
);
