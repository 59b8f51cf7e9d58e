-- Relationship rounds: each response's ratings of the other member organisations (the latest revision), one row per
-- rated organisation, answers as item key → option value. A read model like response_view (rebuilt from the topic).
create table network_rating (
    round_id               uuid not null,
    response_id            uuid not null,
    rater_organisation_id  uuid not null,
    rated_organisation_id  uuid not null,
    skipped                boolean not null,
    answers                jsonb not null,
    primary key (response_id, rated_organisation_id)
);

create index ix_network_rating_round on network_rating (round_id);

-- The ratings a release froze (contracts/privacy.md §4 and "Relationship rounds"): the network report is computed from
-- them and shows ties only as the aggregate of each organisation pair. Kept by a rebuild, as the other release tables.
create table release_network_rating (
    round_id               uuid not null,
    release_number         integer not null,
    rater_organisation_id  uuid not null,
    rated_organisation_id  uuid not null,
    skipped                boolean not null,
    answers                jsonb not null,
    primary key (round_id, release_number, rater_organisation_id, rated_organisation_id)
);
