-- Issue 18: benchmarks across partnerships (contracts/privacy.md §5). Like releases, these tables are not rebuilt
-- from the topics: a contribution is taken from a release when it is cut, and what a benchmark published stays the
-- reference its next figures are compared with.

-- Each partnership's opt-in as partnership-service last announced it; applied only at the partnership's next release.
create table benchmark_opt_in (
    partnership_id  uuid primary key,
    contributes     boolean not null,
    source_version  bigint not null
);

-- What each contributing partnership contributes now, per instrument version: the section and item means of its
-- latest release that showed results (a group figure its members already read). Replaced at each of its releases,
-- removed at its first release after it opted out.
create table benchmark_contribution (
    instrument_key      varchar(200) not null,
    instrument_version  integer not null,
    kind                varchar(10) not null,
    stat_key            varchar(200) not null,
    partnership_id      uuid not null,
    round_id            uuid not null,
    release_number      integer not null,
    position            integer not null,
    section_key         varchar(200),
    title               text not null,
    value               double precision not null,
    primary key (instrument_key, instrument_version, kind, stat_key, partnership_id)
);

create index ix_benchmark_contribution_partnership on benchmark_contribution (partnership_id);

-- Per figure (a section's or an item's mean across partnerships): what it shows, and the values it was last computed
-- from (the reference the snapshot rule compares the current contributions with).
create table benchmark_figure (
    instrument_key      varchar(200) not null,
    instrument_version  integer not null,
    kind                varchar(10) not null,
    stat_key            varchar(200) not null,
    position            integer not null,
    section_key         varchar(200),
    title               text not null,
    shown               boolean not null,
    q1                  double precision,
    median              double precision,
    q3                  double precision,
    published_at        timestamptz,
    primary key (instrument_key, instrument_version, kind, stat_key)
);

create table benchmark_published_value (
    instrument_key      varchar(200) not null,
    instrument_version  integer not null,
    kind                varchar(10) not null,
    stat_key            varchar(200) not null,
    partnership_id      uuid not null,
    round_id            uuid not null,
    value               double precision not null,
    primary key (instrument_key, instrument_version, kind, stat_key, partnership_id)
);
