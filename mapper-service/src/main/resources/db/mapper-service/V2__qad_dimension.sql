-- QAD dimensions as last seen (cost centers, GL accounts, sub-accounts, projects): the catalog
-- invoice lines are aligned against, and one side of the alignment report.
create table qad_dimension (
    tenant     varchar(40)  not null,
    dimension  varchar(20)  not null,
    code       varchar(255) not null,
    name       varchar(500),
    active     boolean      not null,
    updated_at timestamptz  not null default now(),
    primary key (tenant, dimension, code)
);
