-- Read models built from the partnership and assessment events. Nothing here is source data: every table can be
-- emptied and rebuilt by replaying the topics. Counts are maintained incrementally per event, so that a report
-- reads a number of rows that depends on the instrument, not on the number of responses.

-- Who may read a partnership's reports, and what the partnership declares about itself.
create table partnership_view (
    id                  uuid primary key,
    name                varchar(300) not null,
    status              varchar(30) not null,
    declared_dimension  varchar(30),
    source_version      bigint not null
);

-- One row per role grant (person.role-granted / role-revoked); an active row for a subject makes them a reader.
create table partnership_role_view (
    id              uuid primary key,
    partnership_id  uuid not null,
    person_id       uuid not null,
    subject         varchar(200),
    role            varchar(40) not null,
    revoked_at      timestamptz
);

create index ix_partnership_role_view_subject on partnership_role_view (subject, partnership_id) where revoked_at is null;
create index ix_partnership_role_view_person on partnership_role_view (partnership_id, person_id);

-- A round as its last lifecycle event described it, with the instrument snapshot the report is built against.
create table round_view (
    id                   uuid primary key,
    partnership_id       uuid not null,
    title                varchar(300) not null,
    instrument_key       varchar(200) not null,
    instrument_version   integer not null,
    instrument           text not null,
    status               varchar(20) not null,
    confidentiality      varchar(20) not null,
    minimum_group_size   integer not null,
    allowed_breakdowns   varchar(100) not null,
    declared_dimension   varchar(30),
    invited_count        integer not null,
    invited_by_sector    text not null,
    invited_by_role      text not null,
    opened_at            timestamptz,
    closed_at            timestamptz
);

create index ix_round_view_partnership on round_view (partnership_id, instrument_key);

-- The latest revision of each response. Only what the aggregates need to take a replaced revision back out: no
-- respondent identity, no organisation.
create table response_view (
    id            uuid primary key,
    round_id      uuid not null,
    revision      integer not null,
    sector        varchar(60) not null,
    roles         varchar(500) not null,
    answers       text not null,
    submitted_at  timestamptz not null
);

create index ix_response_view_round on response_view (round_id);

-- Respondents per round and group: breakdown ALL (group_key ''), SECTOR or ROLE.
create table respondent_count (
    round_id   uuid not null,
    breakdown  varchar(10) not null,
    group_key  varchar(60) not null,
    count      integer not null,
    primary key (round_id, breakdown, group_key)
);

-- Answers per round, group, item and option value.
create table answer_count (
    round_id      uuid not null,
    breakdown     varchar(10) not null,
    group_key     varchar(60) not null,
    item_key      varchar(200) not null,
    option_value  varchar(200) not null,
    count         integer not null,
    primary key (round_id, breakdown, group_key, item_key, option_value)
);

-- Free-text answers and notes of the latest revisions, without any author identity.
create table reflection_view (
    response_id  uuid not null,
    round_id     uuid not null,
    item_key     varchar(200) not null,
    kind         varchar(12) not null,
    text         text not null
);

create index ix_reflection_view_round on reflection_view (round_id, item_key);
create index ix_reflection_view_response on reflection_view (response_id);
