-- The latest parking of each record, kept by the console from mlc.parked, so that a listing is one
-- query (not a read of the whole topic) and a replayed record shows as resolved.
create table parked_record (
    tenant          varchar(40)  not null,
    entity          varchar(40)  not null,
    source_id       text         not null,
    stage           varchar(40)  not null,
    reason          text         not null,
    summary         text         not null,
    parked_at       timestamptz  not null,
    trace_id        varchar(64),
    kafka_key       text,
    kafka_partition integer      not null,
    kafka_offset    bigint       not null,
    -- The parked envelope as read: a replay sends what it carries (the original or the command).
    envelope        bytea        not null,
    -- PARKED, RESOLVED (replayed by an operator; a later parking of the record reopens it)
    status          varchar(10)  not null,
    resolved_at     timestamptz,
    resolved_by     varchar(64),
    replayed_to     varchar(249),
    primary key (tenant, entity, source_id)
);
create index parked_record_by_status on parked_record (tenant, status, parked_at);
