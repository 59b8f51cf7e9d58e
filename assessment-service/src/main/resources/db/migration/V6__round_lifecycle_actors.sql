-- Who opened and who closed a round: its coordinator, or "system" when the planned window opened or closed it.
-- Unknown for rounds opened or closed before this was recorded.

alter table assessment_round
    add column opened_by varchar(200),
    add column closed_by varchar(200);
