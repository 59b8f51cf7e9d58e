-- The response's respondentId as assessment-service publishes it: a keyed hash of (login subject, round) when it
-- shares PULSE_RESPONDENT_KEY with this service, so that a caller can be shown their own answers (GET
-- /rounds/{id}/me) and nobody without the key can link a response to a person.
alter table response_view add column respondent_id uuid;

create index ix_response_view_respondent on response_view (round_id, respondent_id);
