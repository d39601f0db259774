-- An operator's reset to a point in time leaves a cursor without a key: it stands before every
-- sys_id of its second.
alter table poll_cursor alter column last_key drop not null;

-- Pruning deletes a tenant's entity's versions older than a point in time after every poll.
create index published_version_modified on published_version (tenant, entity, modified_at);
