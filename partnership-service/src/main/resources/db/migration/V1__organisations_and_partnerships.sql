create table organisation (
    id          uuid primary key,
    name        varchar(200) not null,
    type        varchar(100),
    sector      varchar(40) not null,
    description varchar(2000),
    website     varchar(500),
    created_at  timestamptz not null,
    created_by  varchar(100) not null,
    updated_at  timestamptz not null,
    updated_by  varchar(100) not null,
    version     bigint not null default 0
);
create unique index uq_organisation__name on organisation (lower(name));

create table partnership (
    id                   uuid primary key,
    name                 varchar(200) not null,
    description          varchar(4000),
    geography_type       varchar(20) not null,
    geography_name       varchar(200) not null,
    vision               varchar(4000),
    purpose              varchar(4000),
    shared_values        text not null default '[]',
    status               varchar(20) not null,
    structure            varchar(40) not null,
    lead_organisation_id uuid references organisation (id),
    meeting_cadence      varchar(200),
    declared_dimension   varchar(20),
    aspired_dimension    varchar(20),
    essential_sectors    text,
    dissolved_on         date,
    dissolution_reason   varchar(2000),
    created_at           timestamptz not null,
    created_by           varchar(100) not null,
    updated_at           timestamptz not null,
    updated_by           varchar(100) not null,
    version              bigint not null default 0
);
create unique index uq_partnership__name on partnership (lower(name));

create table membership (
    id              uuid primary key,
    partnership_id  uuid not null references partnership (id),
    organisation_id uuid not null references organisation (id),
    role            varchar(30) not null,
    joined_on       date not null,
    left_on         date,
    contribution    varchar(4000),
    created_at      timestamptz not null,
    created_by      varchar(100) not null,
    updated_at      timestamptz not null,
    updated_by      varchar(100) not null,
    version         bigint not null default 0
);
-- An organisation is a current member of a partnership at most once; past memberships stay as history.
create unique index uq_membership__organisation_id on membership (partnership_id, organisation_id) where left_on is null;
create index ix_membership_partnership on membership (partnership_id);
