-- Issue 14: a partnership's consent to publish its released round results on the public stream (pulse.public.v1).
-- Off unless a coordinator or platform administrator turns it on.
alter table partnership add column shares_results_publicly boolean not null default false;
