-- The tenant registry. Written only by the console (its schema); read by pollers and writers
-- through common's RegistryTenantDirectory. Secrets live only in tenant_secret, encrypted.
create table tenant (
    id                    varchar(40)  primary key,
    display_name          varchar(200) not null,
    enabled               boolean      not null default true,
    qad_base_url          varchar(2048) not null,
    qad_workspace         varchar(100) not null,
    qad_client_id         varchar(200) not null,
    qad_username          varchar(200) not null,
    sn_instance_url       varchar(2048) not null,
    sn_client_id          varchar(200) not null,
    sn_batch_api          boolean      not null default false,
    sandbox               boolean      not null default false,
    allow_private_network boolean      not null default false,
    schedules             text         not null default '{}',
    mapping_overrides     text         not null default '{}',
    created_at            timestamptz  not null default now(),
    updated_at            timestamptz  not null default now()
);

-- AES-256-GCM ciphertext per secret; key_id names the key so keys can rotate.
create table tenant_secret (
    tenant     varchar(40)  not null references tenant (id) on delete cascade,
    name       varchar(40)  not null,
    key_id     varchar(40)  not null,
    nonce      bytea        not null,
    ciphertext bytea        not null,
    updated_at timestamptz  not null default now(),
    primary key (tenant, name)
);
