-- The fleet's shared rate-limit state per tenant and external system (schema mlc_fleet, shared by
-- every service; read and written through common's SharedRateLimits): after a 429 for a tenant no
-- service calls that tenant's instance before Retry-After has passed, and an optional request
-- budget (token bucket) keeps the whole fleet under a configured rate.
-- Every service applies this file in its own Flyway history, so it must be idempotent and safe when
-- several services start at once (the advisory lock), and it must not need CREATE on the database
-- when the deployment created the schema beforehand (least-privilege roles, see deploy/).
select pg_advisory_xact_lock(7246010);
do $$
begin
  if to_regnamespace('mlc_fleet') is null then
    create schema mlc_fleet;
  end if;
  if to_regclass('mlc_fleet.tenant_rate') is null then
    create table mlc_fleet.tenant_rate (
        tenant          varchar(40)      not null,
        system          varchar(20)      not null,
        -- no process of the fleet calls before this instant (a 429's Retry-After)
        throttled_until timestamptz      not null default 'epoch',
        -- the request budget's token bucket: tokens left when it was last refilled (may be
        -- negative: requests already promised a later turn)
        tokens          double precision not null default 0,
        refilled_at     timestamptz      not null default now(),
        throttled_by    varchar(100),
        primary key (tenant, system)
    );
    grant select, insert, update on mlc_fleet.tenant_rate to public;
  end if;
end
$$;
