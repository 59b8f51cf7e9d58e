create table diagnostic_ping (
    id           uuid primary key,
    requested_by varchar(200),
    sent_at      timestamptz,
    received_at  timestamptz not null
);
