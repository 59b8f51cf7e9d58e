create table agreement (
    id                uuid primary key,
    partnership_id    uuid not null references partnership (id),
    title             varchar(300) not null,
    status            varchar(20) not null,
    meeting_frequency varchar(200) not null,
    decision_process  varchar(4000),
    member_duties     text not null,
    current_version   integer not null,
    activated_on      date,
    renewal_due_on    date,
    terminated_on     date,
    termination_reason varchar(2000),
    created_at        timestamptz not null,
    created_by        varchar(100) not null,
    updated_at        timestamptz not null,
    updated_by        varchar(100) not null,
    version           bigint not null default 0
);
create index ix_agreement_partnership on agreement (partnership_id);

-- Each version of the text; signatures are to one version. A new version (changed text or annual renewal)
-- needs everyone's signature again.
create table agreement_version (
    id           uuid primary key,
    agreement_id uuid not null references agreement (id),
    number       integer not null,
    text         text not null,
    reason       varchar(500) not null,
    created_at   timestamptz not null,
    created_by   varchar(100) not null,
    unique (agreement_id, number)
);

create table agreement_signature (
    id              uuid primary key,
    agreement_id    uuid not null references agreement (id),
    version_number  integer not null,
    organisation_id uuid not null references organisation (id),
    signer_person_id uuid references person (id),
    signer_name     varchar(200) not null,
    signer_title    varchar(200),
    signed_at       timestamptz not null,
    recorded_by     varchar(100) not null
);
create unique index uq_agreement_signature__organisation_id on agreement_signature (agreement_id, version_number, organisation_id);
