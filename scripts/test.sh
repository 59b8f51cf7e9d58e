#!/usr/bin/env bash
# Partnership Pulse: THE test command (also what CI runs, through .ci/run).
#
# Starts PostgreSQL (installs it if missing), a Kafka broker and Keycloak with the committed realm, runs
#   ./mvnw -B verify -Psystem-tests
# from the repository root (every module's tests, then system-tests/SystemIT against the packaged services),
# stops what it started and exits with Maven's status. Works on a new machine: the first run downloads
# Kafka's jars and Keycloak through Maven into ${PULSE_CACHE:-~/.cache/partnership-pulse}.
# Extra arguments go to Maven, e.g. scripts/test.sh -pl system-tests -am.
# Java: Temurin 25 where it is installed, else 17 (scripts/lib.sh pulse_java_select); PULSE_JAVA=17 forces 17.
# The system tests start each service once, so no start-up cache is trained here (it would cost more than it saves);
# system-kit uses one when a cache as fresh as the jars is there.
set -Eeuo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# A test run starts from an empty broker (Keycloak's dev database is reused only while the realm file is
# unchanged; PULSE_KEYCLOAK_FRESH=1 forces a new import)...
export PULSE_KAFKA_FRESH=${PULSE_KAFKA_FRESH:-1}
# ... and from empty databases of their own (pulse_<service>_system), so neither data of scripts/run.sh (the demo
# partnerships) nor of an earlier run can change what the system tests see. (@QuarkusTest databases: <db>_test_system.)
export PULSE_DB_SUFFIX=${PULSE_DB_SUFFIX-_system}
export PULSE_DB_FRESH=${PULSE_DB_FRESH:-1}
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
pulse_java_select

T0=$(pulse_now)
stopping=0
# shellcheck disable=SC2317 # invoked by the EXIT trap
cleanup() {
  local rc=$?
  ((stopping)) && return
  stopping=1
  trap '' INT TERM
  pulse_log "stopping what scripts/test.sh started…"
  pulse_stop_all
  pulse_log "scripts/test.sh finished in $(pulse_elapsed "$T0") with exit code $rc"
  exit "$rc"
}
trap cleanup EXIT
trap 'pulse_err "failed: \"$BASH_COMMAND\" (line $LINENO of ${BASH_SOURCE[0]})"' ERR
trap 'exit 130' INT
trap 'exit 143' TERM

pulse_postgres_up
pulse_chromium_up
pulse_promtool_up
pulse_kafka_prepare
pulse_keycloak_prepare
pulse_kafka_start
pulse_keycloak_start
pulse_kafka_await
pulse_keycloak_await
pulse_log "infrastructure ready after $(pulse_elapsed "$T0")"

# system-kit (used by system-tests) finds everything from the same variables lib.sh uses
export PULSE_RUN_DIR PULSE_PORT_BASE PULSE_DB_SUFFIX PULSE_PG_VERSION PULSE_PG_CLUSTER PULSE_PG_PORT PULSE_KAFKA_PORT PULSE_KAFKA_SECURITY \
  PULSE_KAFKA_CONTROLLER_PORT PULSE_KEYCLOAK_PORT
t=$(pulse_now)
pulse_log "./mvnw -B verify -Psystem-tests ${PULSE_PACKAGE_ARGS[*]} $*"
set +e
./mvnw -B verify -Psystem-tests "${PULSE_PACKAGE_ARGS[@]}" "$@"
rc=$?
set -e
pulse_log "maven finished in $(pulse_elapsed "$t") with exit code $rc"
exit "$rc"
