-- Pruning deletes a tenant's entity's versions older than a point in time after every poll.
create index published_version_modified on published_version (tenant, entity, modified_at);
