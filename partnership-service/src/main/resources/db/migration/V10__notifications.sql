-- Issue 17: notifications by e-mail. One row per (kind, subject, person): the unique key is what makes each
-- notification happen once, across redeliveries of the event that implied it and across instances. Rows are
-- written in the transaction that implies them and mailed after its commit (NotificationSender).
create table notification (
    id              uuid primary key,
    kind            varchar(30)  not null check (kind in ('INVITATION', 'REMINDER', 'CHECK_IN_DUE', 'RESULTS_RELEASED')),
    subject_id      uuid         not null,
    person_id       uuid         not null references person (id) on delete cascade,
    partnership_id  uuid         not null references partnership (id) on delete cascade,
    language        varchar(2)   not null,
    -- what the text needs (round title, closing time, due date): never anyone's answers
    title           varchar(300),
    closes_at       timestamp with time zone,
    due_on          date,
    status          varchar(20)  not null check (status in ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    -- why it was skipped (OPTED_OUT, DISABLED) or the last failure
    detail          varchar(500),
    attempts        integer      not null default 0,
    next_attempt_at timestamp with time zone,
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    constraint uq_notification unique (kind, subject_id, person_id)
);
create index ix_notification_pending on notification (next_attempt_at) where status = 'PENDING';
create index ix_notification_partnership on notification (partnership_id);
