-- The event plumbing every service shares (service-kit): the transactional outbox and the consumer inbox.
-- Versioned 0.x so that it runs before the service's own migrations.

create sequence outbox_event_seq;

create table outbox_event (
    id           uuid primary key,
    seq          bigint not null default nextval('outbox_event_seq'),
    topic        varchar(200) not null,
    message_key  varchar(200) not null,
    type         varchar(200) not null,
    payload      text not null,
    created_at   timestamptz not null,
    published_at timestamptz,
    attempts     integer not null default 0
);

create index ix_outbox_event_unpublished on outbox_event (seq) where published_at is null;

create table processed_event (
    consumer     varchar(100) not null,
    event_id     uuid not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);
