-- Responses: one per person per round (also under concurrent requests: the unique key decides). The working
-- answers may be a draft; every submission is kept as a revision with its time and what the respondent was then.
-- respondent_id is the opaque id events carry instead of the person or login subject.

create table response (
    id                   uuid primary key,
    round_id             uuid not null references assessment_round (id),
    person_id            uuid not null,
    respondent_id        uuid not null unique,
    language             varchar(2) not null,
    answers              jsonb not null,
    status               varchar(20) not null check (status in ('DRAFT', 'SUBMITTED')),
    revision             integer not null default 0,
    unsubmitted_changes  boolean not null default false,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    last_submitted_at    timestamptz,
    version              bigint not null default 0,
    constraint uq_response__response unique (round_id, person_id)
);

create index ix_response_person on response (person_id);

create table response_revision (
    id                  uuid primary key,
    response_id         uuid not null references response (id),
    revision            integer not null,
    language            varchar(2) not null,
    answers             jsonb not null,
    organisation_id     uuid,
    organisation_name   varchar(300),
    sector              varchar(60),
    roles               varchar(1000) not null,
    submitted_at        timestamptz not null,
    constraint uq_response_revision__revision unique (response_id, revision)
);
