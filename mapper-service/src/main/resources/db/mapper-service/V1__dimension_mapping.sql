-- Per-tenant dimension mapping (ServiceNow code -> QAD code); no row means a 1:1 code match.
create table dimension_mapping (
    tenant         varchar(40)  not null,
    dimension      varchar(20)  not null,
    servicenow_code varchar(255) not null,
    qad_code       varchar(255) not null,
    updated_at     timestamptz  not null default now(),
    primary key (tenant, dimension, servicenow_code)
);
