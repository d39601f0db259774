-- The fleet's circuit breakers per tenant, external system and service (schema mlc_fleet, shared
-- by every service; written by common's SharedBreakerBoard on each state change, read by the
-- console's fleet status). Replicas of one service share a row: the latest change wins. Times are
-- the database's clock.
-- Applied by every service in its own Flyway history (like V0_5): idempotent, safe when several
-- services start at once (the advisory lock), and without CREATE on the database when the
-- deployment created the schema beforehand (least-privilege roles, see deploy/).
select pg_advisory_xact_lock(7246010);
do $$
begin
  if to_regnamespace('mlc_fleet') is null then
    create schema mlc_fleet;
  end if;
  if to_regclass('mlc_fleet.breaker_state') is null then
    create table mlc_fleet.breaker_state (
        tenant       varchar(40)  not null,
        system       varchar(20)  not null,
        service      varchar(100) not null,
        -- CLOSED, HALF_OPEN (a trial call is out) or OPEN (calls fail at once until open_until)
        state        varchar(10)  not null,
        since        timestamptz  not null,
        last_failure varchar(500),
        open_until   timestamptz,
        updated_at   timestamptz  not null,
        primary key (tenant, system, service)
    );
    grant select, insert, update on mlc_fleet.breaker_state to public;
  end if;
end
$$;
