-- Issue 12: uniqueness must not reveal other partnerships. Partnership names may repeat; a person's e-mail is unique
-- only among the people of one partnership (checked by PersonService, since "of a partnership" spans two tables).
drop index uq_partnership__name;
drop index uq_person__email;
create index ix_person_email on person (lower(email));

-- The partnership a person or organisation was added for: it sees the record (with the partnerships where the
-- person holds or held a role, or the organisation is or was a member) and so must agree to every change of it.
create table person_origin (
    person_id      uuid primary key references person (id),
    partnership_id uuid not null references partnership (id)
);
create index ix_person_origin_partnership on person_origin (partnership_id);

create table organisation_origin (
    organisation_id uuid primary key references organisation (id),
    partnership_id  uuid not null references partnership (id)
);
create index ix_organisation_origin_partnership on organisation_origin (partnership_id);
