-- ServiceNow dimensions as last seen (cmn_cost_center, sn_fin_gl_account): the other side of the
-- alignment report.
create table servicenow_dimension (
    tenant     varchar(40)  not null,
    dimension  varchar(20)  not null,
    code       varchar(255) not null,
    name       varchar(500),
    active     boolean      not null,
    updated_at timestamptz  not null default now(),
    primary key (tenant, dimension, code)
);
