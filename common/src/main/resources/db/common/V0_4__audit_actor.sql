-- Who did it, for stages an operator triggers (a replay from the console): the name of the
-- operator-API token, never its value. Null for what the fleet does on its own.
alter table audit_trail add column actor varchar(64);
