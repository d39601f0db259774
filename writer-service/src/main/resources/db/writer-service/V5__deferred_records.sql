-- Per-tenant deferral: records of a tenant whose target (ServiceNow, QAD) is unavailable wait here,
-- in the order they were consumed, instead of holding back their Kafka partition (and with it every
-- other tenant on it). Replayed oldest first once the target answers again.
create table deferred_record (
    id              bigserial     primary key,
    lane            varchar(30)   not null,
    tenant          varchar(200)  not null,
    record_key      varchar(2000),
    -- the order a record keeps: its Kafka key (tenant + "|" when it had none)
    order_key       varchar(2000) not null,
    topic           varchar(255)  not null,
    kafka_partition integer       not null,
    kafka_offset    bigint        not null,
    envelope        bytea         not null,
    reason          text,
    deferred_at     timestamptz   not null default now(),
    -- a redelivery of a record already waiting (offsets not committed) keeps its first place
    unique (lane, topic, kafka_partition, kafka_offset)
);
create index deferred_record_queue on deferred_record (lane, tenant, id);
create index deferred_record_keys on deferred_record (lane, order_key);
