-- The instrument catalogue. An instrument is a stable key; each version holds its whole content as one JSON
-- document (sections, items with stable keys, scales and options, texts per language), authored as a draft and
-- immutable once published. Columns beside the document are what lists filter, sort and search on.

create table instrument (
    key         varchar(100) primary key,
    created_at  timestamptz not null,
    created_by  varchar(200) not null
);

create table instrument_version (
    id              uuid primary key,
    instrument_key  varchar(100) not null references instrument (key),
    version_number  integer not null check (version_number >= 1),
    status          varchar(20) not null check (status in ('DRAFT', 'PUBLISHED')),
    kind            varchar(20) not null check (kind in ('GROUP', 'PERSONAL')),
    title           varchar(500) not null,
    item_count      integer not null,
    content         jsonb not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    published_at    timestamptz,
    revision        bigint not null default 0,
    constraint uq_instrument_version__version unique (instrument_key, version_number),
    constraint ck_instrument_version_published check ((status = 'PUBLISHED') = (published_at is not null))
);

-- At most one draft per instrument: a new version starts from the latest one.
create unique index uq_instrument_version__draft on instrument_version (instrument_key) where status = 'DRAFT';
