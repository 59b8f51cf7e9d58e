-- Issue 17: the reminder-due event of a round is emitted once (RoundWindowJob); a row per round says it was.
-- Its own table, so that emitting it does not change the round's revision (a coordinator's ETag).
create table round_reminder (
    round_id   uuid primary key references assessment_round (id) on delete cascade,
    emitted_at timestamp with time zone not null
);
