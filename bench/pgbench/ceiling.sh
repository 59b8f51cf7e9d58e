#!/usr/bin/env bash
# The database's ceiling for submissions: pgbench runs bench/pgbench/submission.sql (assessment-service's statements
# of one submission) against a scratch copy of the assessment database, at each client count, over TCP as the
# service's role, and writes {"levels":[{"clients":N,"tps":..,"latencyAvgMs":..,"failed":..}],...} to OUT.
#
#   bench/pgbench/ceiling.sh 1,8,32,64 20 out.json
#   PULSE_BENCH_PGBENCH_SCRIPT=bench/pgbench/submission-save-then-submit.sql bench/pgbench/ceiling.sh ...  # two requests
#
# The scratch database pulse_assessment_ceiling$PULSE_DB_SUFFIX gets the schema of pulse_assessment$PULSE_DB_SUFFIX
# and the rows the submission reads (rounds, invitations, the projection, instruments), not the responses.
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

levels=${1:?client counts, e.g. 1,8,32,64} seconds=${2:?seconds per level} out=${3:?output JSON}
script=${PULSE_BENCH_PGBENCH_SCRIPT:-bench/pgbench/submission.sql}
source_db="pulse_assessment$PULSE_DB_SUFFIX"
scratch="pulse_assessment_ceiling$PULSE_DB_SUFFIX"
role=pulse_assessment
as_postgres() { (cd / && runuser -u postgres -- "$@"); }
psql_scratch() { PGPASSWORD=$role psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PULSE_PG_PORT" -U $role -d "$scratch" "$@"; }

as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PULSE_PG_PORT" -d postgres \
  -c "DROP DATABASE IF EXISTS $scratch" -c "CREATE DATABASE $scratch OWNER $role"
# schema of everything, data of what a submission reads (the responses and the outbox start empty)
as_postgres pg_dump -p "$PULSE_PG_PORT" --no-owner --no-privileges -s "$source_db" | psql_scratch >/dev/null
as_postgres pg_dump -p "$PULSE_PG_PORT" --no-owner --no-privileges -a -t assessment_round -t round_invitation \
  -t person_role_view -t membership_view -t partnership_view -t instrument -t instrument_version "$source_db" | psql_scratch >/dev/null

# Fixtures: invited people with their login subject, as the requests of the load driver carry them.
psql_scratch <<'SQL'
CREATE TABLE bench_fixture AS
  SELECT row_number() OVER () AS n, i.round_id, i.person_id, p.subject, p.partnership_id
  FROM round_invitation i
  JOIN assessment_round r ON r.id = i.round_id
  JOIN person_role_view p ON p.person_id = i.person_id AND p.partnership_id = r.partnership_id AND p.revoked_at IS NULL
  WHERE p.subject IS NOT NULL;
ALTER TABLE bench_fixture ADD PRIMARY KEY (n);
ANALYZE bench_fixture, assessment_round, round_invitation, person_role_view, instrument_version;
SQL
fixtures=$(psql_scratch -At -c "SELECT count(*) FROM bench_fixture")
((fixtures > 0)) || { pulse_err "no invited people with a subject in $source_db: run the ingest first"; exit 1; }
# A real submission's answers and event, so that rows and WAL have the service's sizes
answers=$(as_postgres psql -X -At -p "$PULSE_PG_PORT" -d "$source_db" -c \
  "SELECT answers FROM response WHERE status = 'SUBMITTED' ORDER BY last_submitted_at DESC LIMIT 1")
payload=$(as_postgres psql -X -At -p "$PULSE_PG_PORT" -d "$source_db" -c \
  "SELECT payload FROM outbox_event WHERE type LIKE '%response-submitted%' ORDER BY seq DESC LIMIT 1")
[[ -n $answers && -n $payload ]] || { pulse_err "no submitted response in $source_db to copy the sizes from"; exit 1; }
ivers=$(as_postgres psql -X -At -p "$PULSE_PG_PORT" -d "$source_db" -c \
  "SELECT version_number FROM instrument_version WHERE instrument_key = 'bcr-partnership-assessment-inventory' AND status = 'PUBLISHED' ORDER BY version_number DESC LIMIT 1")
pulse_log "pgbench: $fixtures fixtures, answers ${#answers} bytes, event ${#payload} bytes"

json='{"script":"'$script'","database":"'$scratch'","secondsPerLevel":'$seconds',"levels":['
sep=''
IFS=, read -r -a counts <<<"$levels"
for clients in "${counts[@]}"; do
  threads=$((clients < 2 ? clients : 2))
  log=$(PGPASSWORD=$role pgbench -n -M prepared -h 127.0.0.1 -p "$PULSE_PG_PORT" -U $role -c "$clients" -j "$threads" \
    -T "$seconds" -f "$script" -D fixtures="$fixtures" -D ikey=bcr-partnership-assessment-inventory \
    -D ivers="$ivers" -D answers="$answers" -D payload="$payload" "$scratch" 2>&1) || {
    # e.g. no connection slots left on a shared server: this level is not measured, the others still are
    printf '%s\n' "$log"
    reason=$(grep -m1 -o 'FATAL: .*\|error: .*' <<<"$log" | tr -d '"\\' || true)
    pulse_err "pgbench at $clients clients failed: $reason"
    json+="$sep{\"clients\":$clients,\"tps\":null,\"error\":\"${reason:-pgbench failed}\"}"
    sep=','
    continue
  }
  printf '%s\n' "$log"
  tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' <<<"$log")
  lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$log")
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' <<<"$log")
  done_tx=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' <<<"$log")
  pulse_log "pgbench at $clients clients: $tps submissions/s, latency average $lat ms, ${failed:-0} failed"
  json+="$sep{\"clients\":$clients,\"tps\":${tps:-null},\"latencyAvgMs\":${lat:-null},\"submissions\":${done_tx:-null},\"failed\":${failed:-0}}"
  sep=','
done
printf '%s]}\n' "$json" >"$out"
as_postgres psql -X -q -p "$PULSE_PG_PORT" -d postgres -c "DROP DATABASE IF EXISTS $scratch"
