-- Released reports of the partnership's rounds, as reporting-service announced them (report.released): the
-- partnership's own copy for its archive. One row per release; the figures are exactly the members' (group figures
-- only, suppression applied), kept as the event's JSON. No foreign key to partnership: events may precede or outlive
-- it (a purged partnership's late events are dropped by the consumer, see ReportingEventsConsumer).
create table released_report (
    round_id           uuid not null,
    release_number     int not null,
    partnership_id     uuid not null,
    title              varchar(300),
    instrument_key     varchar(100) not null,
    instrument_version int not null,
    opened_at          timestamptz,
    closed_at          timestamptz,
    cut_at             timestamptz not null,
    release_trigger    varchar(20) not null,
    respondents        int not null,
    figures            text,
    received_at        timestamptz not null,
    primary key (round_id, release_number)
);
create index ix_released_report_partnership on released_report (partnership_id, cut_at);
