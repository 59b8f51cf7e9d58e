create table person (
    id              uuid primary key,
    subject         varchar(100),
    name            varchar(200) not null,
    email           varchar(320) not null,
    organisation_id uuid references organisation (id),
    created_at      timestamptz not null,
    created_by      varchar(100) not null,
    updated_at      timestamptz not null,
    updated_by      varchar(100) not null,
    version         bigint not null default 0
);
create unique index uq_person__subject on person (subject);
create unique index uq_person__email on person (lower(email));

create table person_role (
    id             uuid primary key,
    person_id      uuid not null references person (id),
    partnership_id uuid not null references partnership (id),
    role           varchar(40) not null,
    granted_at     timestamptz not null,
    granted_by     varchar(100) not null,
    revoked_at     timestamptz,
    revoked_by     varchar(100)
);
-- A role is held at most once at a time; revoked grants stay as history.
create unique index uq_person_role__role on person_role (person_id, partnership_id, role) where revoked_at is null;
create index ix_person_role_partnership on person_role (partnership_id);
