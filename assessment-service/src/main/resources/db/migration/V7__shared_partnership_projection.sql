-- The partnership projection is now the shared one (module partnership-projection), the same tables in
-- assessment-service and reporting-service. Here it only gains the partnership's consent to publish its results.

alter table partnership_view add column shares_results_publicly boolean not null default false;
