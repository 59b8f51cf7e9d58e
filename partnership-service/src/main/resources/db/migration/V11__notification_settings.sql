-- Issue 17: each person's notification settings, set on their own (GET/PUT /me/notification-settings) or by the
-- unsubscribe link in every mail (its token). Created with the defaults when first needed.
create table notification_settings (
    person_id         uuid primary key references person (id) on delete cascade,
    language          varchar(2)  not null default 'en' check (language in ('en', 'es')),
    email_opt_out     boolean     not null default false,
    unsubscribe_token varchar(64) not null unique,
    updated_at        timestamp with time zone not null
);
