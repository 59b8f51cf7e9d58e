-- Issue 18: a partnership's consent to contribute the released results of its rounds to the benchmarks across
-- partnerships (reporting-service, contracts/privacy.md §5). Off unless the partnership's coordinator turns it on.
alter table partnership add column contributes_to_benchmarks boolean not null default false;
