-- Assessment rounds: a partnership's use of one published instrument version, with its settings (fixed once
-- open) and lifecycle draft -> open -> closed (-> open again with a reason). The invitations are the audience
-- resolved from the projection when the round opens.

create table assessment_round (
    id                  uuid primary key,
    partnership_id      uuid not null,
    instrument_key      varchar(100) not null,
    instrument_version  integer not null,
    title               varchar(200) not null,
    opens_at            timestamptz,
    closes_at           timestamptz,
    audience_type       varchar(20) not null check (audience_type in ('ALL_MEMBERS', 'ROLES', 'PEOPLE')),
    audience_roles      varchar(1000) not null default '',
    audience_people     text not null default '',
    confidentiality     varchar(20) not null check (confidentiality in ('CONFIDENTIAL', 'ANONYMOUS')),
    minimum_group_size  integer not null check (minimum_group_size >= 2),
    allowed_breakdowns  varchar(100) not null default '',
    status              varchar(20) not null check (status in ('DRAFT', 'OPEN', 'CLOSED')),
    created_at          timestamptz not null,
    created_by          varchar(200) not null,
    opened_at           timestamptz,
    closed_at           timestamptz,
    reopened_at         timestamptz,
    reopen_reason       varchar(1000),
    revision            bigint not null default 0,
    foreign key (instrument_key, instrument_version) references instrument_version (instrument_key, version_number),
    constraint ck_assessment_round_window check (closes_at is null or opens_at is null or closes_at > opens_at)
);

create index ix_assessment_round_partnership on assessment_round (partnership_id, status);

create table round_invitation (
    id                  uuid primary key,
    round_id            uuid not null references assessment_round (id),
    person_id           uuid not null,
    person_name         varchar(300) not null,
    organisation_id     uuid,
    organisation_name   varchar(300),
    sector              varchar(60),
    roles               varchar(1000) not null,
    constraint uq_round_invitation__person unique (round_id, person_id)
);

create index ix_round_invitation_person on round_invitation (person_id);
