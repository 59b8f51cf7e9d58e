-- The partnership projection is now the shared one (module partnership-projection): the same tables as in
-- assessment-service. Roles keep their rows (renamed table, new columns); the names, organisations and memberships
-- they did not hold fill in from the next events, or at once with a rebuild (POST /admin/rebuild).

alter table partnership_view add column shares_results_publicly boolean not null default false;
alter table partnership_view add column updated_at timestamptz not null default now();

alter table partnership_role_view rename to person_role_view;
alter index ix_partnership_role_view_subject rename to ix_person_role_view_subject;
alter index ix_partnership_role_view_person rename to ix_person_role_view_partnership;
alter table person_role_view
    add column person_name       varchar(300) not null default '',
    add column organisation_id   uuid,
    add column organisation_name varchar(300),
    add column sector            varchar(60),
    add column granted_at        timestamptz;

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
