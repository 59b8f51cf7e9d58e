-- One Partnership Assessment Inventory submission in the two-request flow (drafts; the bench before issue 16)
-- as assessment-service wrote it (statements and order taken
-- from its Hibernate SQL log): the save (PUT …/response) and the submit (POST …/response/submit), each its own
-- transaction, with the reads each request makes. Run with -M prepared (the service's driver prepares too) and
--   -D fixtures=N   rows of bench_fixture (real round/person/subject/partnership ids of the copied projection)
--   -D answers=…    a real response's answers (jsonb)      -D payload=…  a real response-submitted event (text)
--   -D ikey=bcr-partnership-assessment-inventory           -D ivers=1
-- The fixture lookup is the one statement the service does not make (the service knows its ids from the request).
\set k random(1, :fixtures)
SELECT round_id AS rid, person_id AS pid, subject AS sub, partnership_id AS ptn FROM bench_fixture WHERE n = :k \gset

-- save: the round, the caller's roles (once per request), the invitation, the existing response, the insert, the
-- revisions for the answer's view (published instrument versions are cached in the service)
BEGIN;
SELECT * FROM assessment_round WHERE id = :rid;
SELECT * FROM person_role_view WHERE subject = :sub AND partnership_id = :ptn AND revoked_at IS NULL;
SELECT * FROM round_invitation WHERE round_id = :rid AND person_id = :pid FETCH FIRST 1 ROWS ONLY;
SELECT * FROM response WHERE round_id = :rid AND person_id = :pid FETCH FIRST 1 ROWS ONLY;
INSERT INTO response (answers, created_at, language, last_submitted_at, person_id, respondent_id, revision, round_id,
                      status, unsubmitted_changes, updated_at, version, id)
  VALUES (:answers, now(), 'en', NULL, gen_random_uuid(), gen_random_uuid(), 0, :rid, 'DRAFT', false, now(), 0,
          gen_random_uuid())
  RETURNING id AS resp, person_id AS newpid \gset
SELECT * FROM response_revision WHERE response_id = :resp ORDER BY revision;
COMMIT;

-- submit: the same reads, the respondent's roles at the time, the revision, the outbox row and the
-- response's new state (optimistic version check), the revisions for the view
BEGIN;
SELECT * FROM assessment_round WHERE id = :rid;
SELECT * FROM person_role_view WHERE subject = :sub AND partnership_id = :ptn AND revoked_at IS NULL;
SELECT * FROM round_invitation WHERE round_id = :rid AND person_id = :pid FETCH FIRST 1 ROWS ONLY;
SELECT * FROM response WHERE round_id = :rid AND person_id = :newpid FETCH FIRST 1 ROWS ONLY;
SELECT * FROM person_role_view WHERE partnership_id = :ptn AND person_id = :pid AND revoked_at IS NULL;
INSERT INTO response_revision (answers, language, organisation_id, organisation_name, response_id, revision, roles,
                               sector, submitted_at, id)
  VALUES (:answers, 'en', NULL, 'Bench organisation', :resp, 1, 'MEMBER', 'HEALTH_CARE', now(), gen_random_uuid());
INSERT INTO outbox_event (attempts, created_at, message_key, payload, published_at, topic, type, id)
  VALUES (0, now(), :ptn, :payload, NULL, 'pulse.assessment.v1', 'org.partnershippulse.assessment.response-submitted.v1',
          gen_random_uuid());
UPDATE response SET answers = :answers, created_at = now(), language = 'en', last_submitted_at = now(),
                    person_id = :newpid, respondent_id = gen_random_uuid(), revision = 1, round_id = :rid,
                    status = 'SUBMITTED', unsubmitted_changes = false, updated_at = now(), version = 1
  WHERE id = :resp AND version = 0;
SELECT * FROM response_revision WHERE response_id = :resp ORDER BY revision;
COMMIT;
