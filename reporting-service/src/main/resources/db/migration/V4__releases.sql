-- Releases (contracts/privacy.md §4): results of a round change only when a release is cut. A release freezes every
-- figure the read paths show (respondent and answer counts, reflections); reads serve the round's latest release.
-- Unlike the read models above these tables are not rebuilt from the topics: a rebuild keeps them (what was
-- published stays published), and they carry no respondent identity.
create table round_release (
    round_id     uuid not null,
    number       integer not null,
    cut_at       timestamptz not null,
    respondents  integer not null,
    trigger      varchar(10) not null,
    primary key (round_id, number)
);

create table release_respondent_count (
    round_id        uuid not null,
    release_number  integer not null,
    breakdown       varchar(10) not null,
    group_key       varchar(60) not null,
    count           integer not null,
    primary key (round_id, release_number, breakdown, group_key)
);

create table release_answer_count (
    round_id        uuid not null,
    release_number  integer not null,
    breakdown       varchar(10) not null,
    group_key       varchar(60) not null,
    item_key        varchar(200) not null,
    option_value    varchar(200) not null,
    count           integer not null,
    primary key (round_id, release_number, breakdown, group_key, item_key, option_value)
);

create table release_reflection (
    round_id        uuid not null,
    release_number  integer not null,
    item_key        varchar(200) not null,
    kind            varchar(12) not null,
    text            text not null
);

create index ix_release_reflection on release_reflection (round_id, release_number, item_key);

-- The responses the round's latest release counted, each with a hash of what it counted for (answers, free text,
-- sector, roles): the next release compares against it to find whose answers changed. Replaced at each cut.
create table release_response (
    round_id      uuid not null,
    response_id   uuid not null,
    content_hash  varchar(64) not null,
    sector        varchar(60) not null,
    roles         varchar(500) not null,
    primary key (round_id, response_id)
);
