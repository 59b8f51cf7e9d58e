-- Issue 14: the partnership's consent to publish released results on the public stream (partnership.created/updated
-- carry sharesResultsPublicly; absent in older events, read as false). Read when a release is cut.
alter table partnership_view add column shares_results_publicly boolean not null default false;
