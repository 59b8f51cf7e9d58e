-- Who changed what, when: readable by the partnership's coordinators and by platform administrators.
create table audit_entry (
    id             uuid primary key,
    partnership_id uuid,
    entity_type    varchar(40) not null,
    entity_id      uuid not null,
    action         varchar(40) not null,
    actor_subject  varchar(100) not null,
    actor_name     varchar(200),
    at             timestamptz not null,
    summary        varchar(1000) not null
);
create index ix_audit_partnership_at on audit_entry (partnership_id, at desc);
