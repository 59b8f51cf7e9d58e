-- The improvement context (issue 17): plans with a check-in schedule, SMART goals linked to a round's findings,
-- organisations' signed commitments, check-ins per goal, and the partnership's common measures with their values.

create table common_measure (
    id             uuid primary key,
    partnership_id uuid not null references partnership (id),
    name           varchar(200) not null,
    description    varchar(2000),
    kind           varchar(20) not null,
    unit           varchar(50) not null,
    baseline       numeric(19, 4) not null,
    target         numeric(19, 4) not null,
    direction      varchar(20) not null,
    created_at     timestamptz not null,
    created_by     varchar(100) not null,
    updated_at     timestamptz not null,
    updated_by     varchar(100) not null,
    version        bigint not null default 0
);
create unique index uq_common_measure__name on common_measure (partnership_id, lower(name));

create table improvement_plan (
    id             uuid primary key,
    partnership_id uuid not null references partnership (id),
    title          varchar(300) not null,
    round_id       uuid,
    cadence        varchar(20) not null,
    starts_on      date not null,
    status         varchar(20) not null,
    created_at     timestamptz not null,
    created_by     varchar(100) not null,
    updated_at     timestamptz not null,
    updated_by     varchar(100) not null,
    version        bigint not null default 0
);
create index ix_improvement_plan_partnership on improvement_plan (partnership_id);

-- findings: JSON list of {roundId, kind, key}; the Thing to try is kept word for word as the seed had it.
create table improvement_goal (
    id                    uuid primary key,
    plan_id               uuid not null references improvement_plan (id),
    partnership_id        uuid not null references partnership (id),
    what                  varchar(1000) not null,
    measure               varchar(1000) not null,
    measure_id            uuid references common_measure (id),
    target                numeric(19, 4) not null,
    unit                  varchar(50),
    owner_organisation_id uuid not null references organisation (id),
    owner_person_id       uuid not null references person (id),
    due_on                date not null,
    status                varchar(20) not null,
    findings              text not null,
    thing_key             varchar(200),
    thing_source          varchar(30),
    thing_language        varchar(5),
    thing_text            text,
    created_at            timestamptz not null,
    created_by            varchar(100) not null,
    updated_at            timestamptz not null,
    updated_by            varchar(100) not null,
    version               bigint not null default 0
);
create index ix_improvement_goal_plan on improvement_goal (plan_id);
create index ix_improvement_goal_partnership_due on improvement_goal (partnership_id, due_on);

create table goal_commitment (
    id               uuid primary key,
    goal_id          uuid not null references improvement_goal (id),
    partnership_id   uuid not null references partnership (id),
    organisation_id  uuid not null references organisation (id),
    contribution     varchar(2000) not null,
    due_on           date not null,
    status           varchar(20) not null,
    signer_person_id uuid references person (id),
    signer_name      varchar(200),
    signer_title     varchar(200),
    signed_at        timestamptz,
    signature_recorded_by varchar(100),
    created_at       timestamptz not null,
    created_by       varchar(100) not null,
    updated_at       timestamptz not null,
    updated_by       varchar(100) not null,
    version          bigint not null default 0
);
create unique index uq_goal_commitment__organisation_id on goal_commitment (goal_id, organisation_id);

-- One check-in per plan, scheduled date and person recording it.
create table check_in (
    id                    uuid primary key,
    plan_id               uuid not null references improvement_plan (id),
    partnership_id        uuid not null references partnership (id),
    due_on                date not null,
    recorded_at           timestamptz not null,
    recorded_by           varchar(100) not null,
    recorded_by_person_id uuid references person (id),
    organisation_id       uuid references organisation (id)
);
create unique index uq_check_in__due_on on check_in (plan_id, due_on, recorded_by);

create table check_in_goal (
    id          uuid primary key,
    check_in_id uuid not null references check_in (id),
    goal_id     uuid not null references improvement_goal (id),
    status      varchar(20) not null,
    note        varchar(1000),
    value       numeric(19, 4),
    unique (check_in_id, goal_id)
);
create index ix_check_in_goal_goal on check_in_goal (goal_id);

create table measure_value (
    id                    uuid primary key,
    measure_id            uuid not null references common_measure (id),
    partnership_id        uuid not null references partnership (id),
    value                 numeric(19, 4) not null,
    observed_on           date not null,
    recorded_at           timestamptz not null,
    recorded_by           varchar(100) not null,
    recorded_by_person_id uuid references person (id),
    goal_id               uuid references improvement_goal (id),
    check_in_id           uuid references check_in (id)
);
create index ix_measure_value_measure on measure_value (measure_id, observed_on);
