-- Shared by every service (each in its own schema): one row per record per stage.
create table audit_trail (
    id              bigserial primary key,
    recorded_at     timestamptz not null default now(),
    tenant          varchar(40)  not null,
    entity          varchar(40)  not null,
    external_id     text         not null,
    stage           varchar(30)  not null,
    payload_hash    varchar(64),
    target_id       varchar(64),
    error           text,
    kafka_topic     varchar(255),
    kafka_partition integer,
    kafka_offset    bigint,
    trace_id        varchar(64),
    event_id        uuid
);
create index audit_trail_lookup on audit_trail (tenant, external_id, recorded_at);
