-- A local projection of partnership-service's events: partnerships, memberships and people's roles. It decides
-- who coordinates or belongs to a partnership and who a round invites, without calling partnership-service.

create table partnership_view (
    id                  uuid primary key,
    name                varchar(300) not null,
    status              varchar(30) not null,
    declared_dimension  varchar(30),
    source_version      bigint not null,
    updated_at          timestamptz not null
);

create table membership_view (
    id                  uuid primary key,
    partnership_id      uuid not null,
    organisation_id     uuid not null,
    organisation_name   varchar(300) not null,
    sector              varchar(60),
    role                varchar(40) not null,
    joined_on           date,
    left_on             date,
    source_version      bigint not null
);

create index ix_membership_view_partnership on membership_view (partnership_id);

create table person_role_view (
    id                  uuid primary key,
    partnership_id      uuid not null,
    person_id           uuid not null,
    subject             varchar(200),
    person_name         varchar(300) not null,
    organisation_id     uuid,
    organisation_name   varchar(300),
    sector              varchar(60),
    role                varchar(40) not null,
    granted_at          timestamptz,
    revoked_at          timestamptz
);

create index ix_person_role_view_subject on person_role_view (subject, partnership_id) where revoked_at is null;
create index ix_person_role_view_partnership on person_role_view (partnership_id, person_id);
