#!/usr/bin/env bash
# Partnership Pulse: only the infrastructure, for the inner loop (a service in Quarkus dev mode, a test from the IDE).
#
#   scripts/infra.sh up                 # PostgreSQL, Kafka (SASL_SSL, ACLs), Keycloak (dev realm); waits until ready
#   scripts/infra.sh env [SERVICE]      # the variables SERVICE (default partnership-service) reads to use them:
#                                       #   eval "$(scripts/infra.sh env partnership-service)"
#   scripts/infra.sh env system-tests   # the variables the system kit reads (system tests against this infrastructure)
#   scripts/infra.sh status             # what runs, where, and its log
#   scripts/infra.sh down               # stops what `up` started (PostgreSQL only if `up` started it)
#
# Same machinery and variables as scripts/run.sh (scripts/lib.sh): logs and pid files in ${PULSE_RUN_DIR:-/tmp/partnership-pulse},
# downloads in ${PULSE_CACHE:-~/.cache/partnership-pulse}. The broker runs SASL_SSL with one principal per service, as
# in production: `env` hands a service its own principal's credentials, so dev mode meets the same ACLs. For a broker
# without TLS and ACLs: PULSE_KAFKA_SECURITY=plaintext scripts/infra.sh up (its data is formatted again on a switch).
set -Eeuo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; }

# The security the running broker was formatted with (up may have run with another PULSE_KAFKA_SECURITY than env).
broker_security() { cat "$PULSE_RUN_DIR/kafka-data/pulse-security" 2>/dev/null || printf '%s' "$PULSE_KAFKA_SECURITY"; }

# export lines (eval-able) for one service: its port, database, realm and Kafka principal
service_env() {
  local want=${1:-partnership-service} entry name port db found=0 line
  for entry in "${PULSE_SERVICES[@]}"; do
    IFS=: read -r name port db <<<"$entry"
    [[ $name == "$want" ]] && { found=1; break; }
  done
  ((found)) || { pulse_err "unknown service '$want' (one of: ${PULSE_SERVICES[*]%%:*})"; return 2; }
  pulse_running_pid kafka >/dev/null || pulse_log "warning: Kafka is not running (scripts/infra.sh up)"
  {
    printf '%s\n' "HTTP_PORT=$port" "DB_URL=jdbc:postgresql://127.0.0.1:$PULSE_PG_PORT/$db$PULSE_DB_SUFFIX" \
      "DB_USERNAME=$db" "DB_PASSWORD=$db" \
      "OIDC_AUTH_SERVER_URL=$PULSE_KEYCLOAK_URL/realms/$PULSE_KEYCLOAK_REALM" OIDC_AUDIENCE=pulse-api
    # the tests dev mode runs (continuous testing) and the system kit find their databases by these
    printf '%s\n' "PULSE_PG_PORT=$PULSE_PG_PORT" "PULSE_DB_SUFFIX=$PULSE_DB_SUFFIX"
    PULSE_KAFKA_SECURITY=$(broker_security) pulse_kafka_service_env "$name"
  } | while IFS= read -r line; do printf 'export %s=%q\n' "${line%%=*}" "${line#*=}"; done
}

status() {
  local pid what
  for what in kafka keycloak; do
    if pid=$(pulse_running_pid "$what"); then
      case $what in
        kafka) printf '%-10s up   pid %-7s %s (%s)   log %s\n' Kafka "$pid" "$PULSE_KAFKA_BOOTSTRAP" "$(broker_security)" "$PULSE_RUN_DIR/kafka.log" ;;
        keycloak) printf '%-10s up   pid %-7s %s   log %s\n' Keycloak "$pid" "$PULSE_KEYCLOAK_URL/realms/$PULSE_KEYCLOAK_REALM" "$PULSE_RUN_DIR/keycloak.log" ;;
      esac
    else
      printf '%-10s down\n' "${what^}"
    fi
  done
  if pg_isready -q -h 127.0.0.1 -p "$PULSE_PG_PORT" 2>/dev/null; then
    printf '%-10s up   127.0.0.1:%s   databases %s (suffix "%s")\n' PostgreSQL "$PULSE_PG_PORT" "${PULSE_DATABASES[*]}" "$PULSE_DB_SUFFIX"
  else
    printf '%-10s down\n' PostgreSQL
  fi
}

case ${1:-} in
  up)
    t0=$(pulse_now)
    pulse_postgres_up
    pulse_kafka_prepare
    pulse_keycloak_prepare
    pulse_kafka_start
    pulse_keycloak_start
    pulse_kafka_await
    pulse_keycloak_await
    pulse_log "infrastructure ready after $(pulse_elapsed "$t0")"
    status
    cat <<EOF

  A service in dev mode against it (live reload; debugger on port 5005):
    eval "\$(scripts/infra.sh env partnership-service)"
    ./mvnw -pl partnership-service quarkus:dev
  A token of a demo user (password = user name):
    curl -s $PULSE_KEYCLOAK_URL/realms/$PULSE_KEYCLOAK_REALM/protocol/openid-connect/token -d grant_type=password -d client_id=pulse-frontend -d username=rivera -d password=rivera
  Kafka tools (kafka-*.sh --command-config): $PULSE_KAFKA_SECURITY_DIR/<principal>.properties (pulse-admin may do anything)
  Stop: scripts/infra.sh down
EOF
    ;;
  env)
    if [[ ${2:-} == system-tests ]]; then
      # what system-kit reads to find this infrastructure (scripts/test.sh exports the same)
      for v in PULSE_RUN_DIR PULSE_PORT_BASE PULSE_DB_SUFFIX PULSE_PG_VERSION PULSE_PG_CLUSTER PULSE_PG_PORT PULSE_KAFKA_PORT \
        PULSE_KAFKA_CONTROLLER_PORT PULSE_KEYCLOAK_PORT; do printf 'export %s=%q\n' "$v" "${!v}"; done
      printf 'export PULSE_KAFKA_SECURITY=%q\n' "$(broker_security)"
    else
      service_env "${2:-}"
    fi
    ;;
  status) status ;;
  down)
    pulse_stop keycloak 30
    pulse_stop kafka 30
    pulse_postgres_stop_if_ours
    ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
esac
