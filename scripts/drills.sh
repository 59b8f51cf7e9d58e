#!/usr/bin/env bash
# Partnership Pulse: THE fault-drill command (CI runs it after scripts/test.sh).
#
# Starts PostgreSQL, a Kafka broker and Keycloak as scripts/test.sh does (a Keycloak already serving the realm on
# PULSE_KEYCLOAK_PORT is used as it is, and left running), packages the services when their jars are missing (or
# always with --build), then runs
#   ./mvnw -B verify -Pdrills -pl system-tests -am
# (system-tests/src/test/java/org/partnershippulse/system/drills/: FaultDrillsIT — broker outage, consumer crash,
# replay, poison, database restart, duplicates; ScaleOutDrillIT — two instances of each service, one of each killed;
# RestoreDrillIT — pg_dump mid-run, pg_restore into new databases, restart and rebuild), stops what it started,
# prints one line per drill and exits with Maven's status. Other arguments go to Maven, e.g. scripts/drills.sh
# -Dpulse.drills.submissions=2000 -Dit.test=FaultDrillsIT#poison. The drills restart PostgreSQL cluster $PULSE_PG_CLUSTER: give a copy of its own
# (PULSE_PG_CLUSTER/PULSE_PG_PORT) where others use the shared one.
# Java: Temurin 25 where it is installed, else 17 (PULSE_JAVA=17 forces 17). The drills restart the services many
# times: their start-up caches (AOT cache on 25, AppCDS on 17) are trained first when missing or older than the jars.
set -Eeuo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PULSE_KAFKA_FRESH=${PULSE_KAFKA_FRESH:-1}
# empty databases of their own, as scripts/test.sh
export PULSE_DB_SUFFIX=${PULSE_DB_SUFFIX-_drills}
export PULSE_DB_FRESH=${PULSE_DB_FRESH:-1}
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
pulse_java_select

build=0
maven_args=()
for arg in "$@"; do
  if [[ $arg == --build ]]; then build=1; else maven_args+=("$arg"); fi
done

SUMMARY=system-tests/target/drills-summary.txt
T0=$(pulse_now)
stopping=0
started_kafka=0
started_keycloak=0
# shellcheck disable=SC2317 # invoked by the EXIT trap
cleanup() {
  local rc=$?
  ((stopping)) && return
  stopping=1
  trap '' INT TERM
  pulse_log "stopping what scripts/drills.sh started…"
  ((started_keycloak)) && pulse_stop keycloak 30
  ((started_kafka)) && pulse_stop kafka 30
  pulse_postgres_stop_if_ours
  if [[ -s $SUMMARY ]]; then
    printf '\n===== fault drills =====\n' >&2
    cat "$SUMMARY" >&2
    printf '========================\n' >&2
  else
    pulse_err "no drill reported a result (see the Maven output above)"
  fi
  pulse_log "scripts/drills.sh finished in $(pulse_elapsed "$T0") with exit code $rc"
  exit "$rc"
}
trap cleanup EXIT
trap 'pulse_err "failed: \"$BASH_COMMAND\" (line $LINENO of ${BASH_SOURCE[0]})"' ERR
trap 'exit 130' INT
trap 'exit 143' TERM

keycloak_serves_realm() {
  curl -fsS -o /dev/null --max-time 5 "$PULSE_KEYCLOAK_URL/realms/$PULSE_KEYCLOAK_REALM/.well-known/openid-configuration" 2>/dev/null
}

pulse_postgres_up
pulse_kafka_prepare
pulse_running_pid kafka >/dev/null || started_kafka=1
pulse_kafka_start
if keycloak_serves_realm && ! pulse_running_pid keycloak >/dev/null; then
  pulse_log "Keycloak already serves realm $PULSE_KEYCLOAK_REALM at $PULSE_KEYCLOAK_URL: using it (it stays running)"
else
  pulse_running_pid keycloak >/dev/null || started_keycloak=1
  pulse_keycloak_prepare
  pulse_keycloak_start
  pulse_keycloak_await
fi
pulse_kafka_await
pulse_log "infrastructure ready after $(pulse_elapsed "$T0")"

missing=0
for entry in "${PULSE_SERVICES[@]}"; do
  [[ -f $(pulse_service_jar "${entry%%:*}") ]] || missing=1
done
if ((build || missing)); then
  t=$(pulse_now)
  pulse_log "packaging the services and system-kit (./mvnw -B -q install -DskipTests)"
  ./mvnw -B -q install -DskipTests -pl partnership-service,assessment-service,reporting-service,system-kit -am "${PULSE_PACKAGE_ARGS[@]}"
  pulse_log "packaged in $(pulse_elapsed "$t")"
fi
pulse_services_train || pulse_log "training a start-up cache failed: the drills start that service without it"

# restarts happen while the machine is busy with the load: give a service longer than lib.sh's 120 s to be ready
export PULSE_READY_TIMEOUT=${PULSE_DRILLS_READY_TIMEOUT:-240}
export PULSE_RUN_DIR PULSE_PORT_BASE PULSE_DB_SUFFIX PULSE_PG_VERSION PULSE_PG_CLUSTER PULSE_PG_PORT PULSE_KAFKA_PORT PULSE_KAFKA_SECURITY \
  PULSE_KAFKA_CONTROLLER_PORT PULSE_KEYCLOAK_PORT
rm -f "$SUMMARY"
t=$(pulse_now)
# -am: system-kit (and the parent) from this checkout, not whatever an earlier install left in ~/.m2
pulse_log "./mvnw -B verify -Pdrills -pl system-tests -am ${maven_args[*]}"
set +e
./mvnw -B verify -Pdrills -pl system-tests -am "${maven_args[@]}"
rc=$?
set -e
pulse_log "maven finished in $(pulse_elapsed "$t") with exit code $rc"
exit "$rc"
