-- Relationship rounds (instrument type RELATIONSHIP): the respondent's ratings of the other member organisations,
-- one entry per rated organisation, as JSON ([{organisationId, skipped, answers}]). Null for other rounds.
alter table response add column ratings jsonb;
alter table response_revision add column ratings jsonb;
