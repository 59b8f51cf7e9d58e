-- What service-kit's Housekeeping purges by: when an event was created (outbox) and applied (inbox). BRIN, as both
-- grow in time order: a few pages per table, next to nothing added to each insert.
-- Repeatable (not versioned): it runs after every service's own migrations, so it fits databases already migrated.
create index if not exists ix_outbox_event_created_brin on outbox_event using brin (created_at);
create index if not exists ix_processed_event_processed_brin on processed_event using brin (processed_at);
