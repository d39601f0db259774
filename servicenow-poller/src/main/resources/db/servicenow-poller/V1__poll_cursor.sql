-- One cursor per tenant and entity: where the next modified-since read starts.
create table poll_cursor (
    tenant        varchar(40)  not null,
    source        varchar(20)  not null,
    entity        varchar(40)  not null,
    last_modified timestamptz,
    last_key      varchar(512),
    updated_at    timestamptz  not null default now(),
    primary key (tenant, source, entity)
);

-- Versions already published inside the overlap window, so a re-read record is not re-sent.
create table published_version (
    tenant       varchar(40)  not null,
    entity       varchar(40)  not null,
    record_key   varchar(512) not null,
    content_hash varchar(64)  not null,
    modified_at  timestamptz  not null,
    primary key (tenant, entity, record_key)
);
