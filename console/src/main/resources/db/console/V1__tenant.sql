-- The tenant registry; the console is its only writer.
create table tenant (
    id           varchar(40)  primary key,
    display_name varchar(200) not null,
    enabled      boolean      not null default true,
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now()
);
