-- One Partnership Assessment Inventory submission as assessment-service writes it in one request
-- (POST …/response/submission; statements and order taken from its Hibernate SQL log): one transaction with the
-- round, the caller's roles (read once, also for the respondent's organisation and roles at the time), the
-- invitation, the existing response (none: a first submission), then the response, its revision and the outbox row.
-- The answer's view needs no further read (the revisions of a first submission are the one just written).
-- Run with -M prepared (the service's driver prepares too) and
--   -D fixtures=N   rows of bench_fixture (real round/person/subject/partnership ids of the copied projection)
--   -D answers=…    a real response's answers (jsonb)      -D payload=…  a real response-submitted event (text)
-- The fixture lookup is the one statement the service does not make (the service knows its ids from the request).
-- The two-request flow (save a draft, then submit) is submission-save-then-submit.sql.
\set k random(1, :fixtures)
SELECT round_id AS rid, person_id AS pid, subject AS sub, partnership_id AS ptn FROM bench_fixture WHERE n = :k \gset

BEGIN;
SELECT * FROM assessment_round WHERE id = :rid;
SELECT * FROM person_role_view WHERE subject = :sub AND partnership_id = :ptn AND revoked_at IS NULL;
SELECT * FROM round_invitation WHERE round_id = :rid AND person_id = :pid FETCH FIRST 1 ROWS ONLY;
SELECT * FROM response WHERE round_id = :rid AND person_id = :pid FETCH FIRST 1 ROWS ONLY;
-- the new response under a random person, so that no two submissions meet on the unique (round, person)
INSERT INTO response (answers, created_at, language, last_submitted_at, person_id, respondent_id, revision, round_id,
                      status, unsubmitted_changes, updated_at, version, id)
  VALUES (:answers, now(), 'en', now(), gen_random_uuid(), gen_random_uuid(), 1, :rid, 'SUBMITTED', false, now(), 0,
          gen_random_uuid())
  RETURNING id AS resp \gset
INSERT INTO response_revision (answers, language, organisation_id, organisation_name, response_id, revision, roles,
                               sector, submitted_at, id)
  VALUES (:answers, 'en', NULL, 'Bench organisation', :resp, 1, 'MEMBER', 'HEALTH_CARE', now(), gen_random_uuid());
INSERT INTO outbox_event (attempts, created_at, message_key, payload, published_at, topic, type, id)
  VALUES (0, now(), :ptn, :payload, NULL, 'pulse.assessment.v1', 'org.partnershippulse.assessment.response-submitted.v1',
          gen_random_uuid());
COMMIT;
