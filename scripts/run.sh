#!/usr/bin/env bash
# Partnership Pulse: run everything locally, with no Docker.
#
#   scripts/run.sh              # build (./mvnw -B -q -DskipTests package), start, wait; Ctrl-C stops it all
#   scripts/run.sh --no-build   # use the jars already in <service>/target/quarkus-app/
#
# Starts PostgreSQL (Debian's 15/main), a Kafka broker (KRaft, SASL_SSL with ACLs on 127.0.0.1:9092; README "Kafka
# security") and Keycloak (127.0.0.1:8180,
# realm keycloak/partnership-pulse-realm.json), builds and starts the three services, waits until each
# answers 200 on /q/health/ready, runs scripts/demo-data.sh if it is executable, prints the URLs and waits.
# Logs and pid files: ${PULSE_RUN_DIR:-/tmp/partnership-pulse}. Downloads: ${PULSE_CACHE:-~/.cache/partnership-pulse}.
# PULSE_FRESH=1 throws away Kafka's data and Keycloak's database first (PostgreSQL's data is kept).
# Java: Temurin 25 where it is installed (services packaged as aot-jar, started from the JDK's AOT cache), else 17
# (AppCDS); PULSE_JAVA=17 forces 17. The first start after a build trains the cache (about a minute more).
set -Eeuo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
pulse_java_select

build=1
for arg in "$@"; do
  case $arg in
    --no-build) build=0 ;;
    -h | --help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) pulse_err "unknown argument: $arg (try --help)"; exit 2 ;;
  esac
done

RUN_T0=$(pulse_now)
stopping=0
# shellcheck disable=SC2317 # invoked by the EXIT trap
cleanup() {
  local rc=$?
  ((stopping)) && return
  stopping=1
  trap '' INT TERM
  echo >&2
  pulse_log "stopping everything scripts/run.sh started…"
  pulse_stop_all
  exit "$rc"
}
trap cleanup EXIT
trap 'pulse_err "failed: \"$BASH_COMMAND\" (line $LINENO of ${BASH_SOURCE[0]})"' ERR
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$PULSE_RUN_DIR"
pulse_log "run dir $PULSE_RUN_DIR, cache $PULSE_CACHE"

# 1. PostgreSQL (fast), then the downloads (cached after the first run; one Maven at a time).
pulse_postgres_up
pulse_kafka_prepare
pulse_keycloak_prepare

# 2. Kafka and Keycloak start in the background while the services build.
pulse_kafka_start
pulse_keycloak_start

if ((build)); then
  t=$(pulse_now)
  pulse_log "building the services: ./mvnw -B -q -DskipTests package ${PULSE_PACKAGE_ARGS[*]} (log: $PULSE_RUN_DIR/build.log)"
  if ! ./mvnw -B -q -DskipTests package "${PULSE_PACKAGE_ARGS[@]}" >"$PULSE_RUN_DIR/build.log" 2>&1; then
    pulse_err "the build failed"
    pulse_tail_log "$PULSE_RUN_DIR/build.log" 80
    exit 1
  fi
  pulse_log "build done in $(pulse_elapsed "$t")"
fi
for entry in "${PULSE_SERVICES[@]}"; do
  jar=$(pulse_service_jar "${entry%%:*}")
  [[ -f $jar ]] || { pulse_err "$jar is missing: run without --no-build, or ./mvnw -B -DskipTests package"; exit 1; }
done

# 3. Infrastructure ready (creates the Kafka topics), then the services.
pulse_kafka_await
pulse_keycloak_await
INFRA_READY=$(pulse_elapsed "$RUN_T0")
# once per build: the start-up caches (skipped while they are fresh; without them the services start plainly)
pulse_services_train || pulse_log "training a start-up cache failed: the service starts without it"
pulse_services_start
pulse_services_await
READY=$(pulse_elapsed "$RUN_T0")

# 4. Demo data (written later; runs only if present and executable).
if [[ -x scripts/demo-data.sh ]]; then
  t=$(pulse_now)
  pulse_log "loading demo data: scripts/demo-data.sh (log: $PULSE_RUN_DIR/demo-data.log)"
  if PULSE_KEYCLOAK_URL=$PULSE_KEYCLOAK_URL PULSE_KAFKA_BOOTSTRAP=$PULSE_KAFKA_BOOTSTRAP \
    scripts/demo-data.sh >"$PULSE_RUN_DIR/demo-data.log" 2>&1; then
    pulse_log "demo data loaded in $(pulse_elapsed "$t")"
  else
    pulse_err "scripts/demo-data.sh failed (the services keep running)"
    pulse_tail_log "$PULSE_RUN_DIR/demo-data.log" 40
  fi
fi

TOKEN_URL="$PULSE_KEYCLOAK_URL/realms/$PULSE_KEYCLOAK_REALM/protocol/openid-connect/token"
cat <<EOF

  Partnership Pulse is up: infrastructure ready after $INFRA_READY, all services ready after $READY.

  partnership-service  http://127.0.0.1:8081/q/swagger-ui
  assessment-service   http://127.0.0.1:8082/q/swagger-ui
  reporting-service    http://127.0.0.1:8083/q/swagger-ui
      (each also: /q/health/ready  /q/metrics  /q/openapi)
  Keycloak admin       http://127.0.0.1:8180/admin   (master realm: admin / admin)
  Realm                $PULSE_KEYCLOAK_URL/realms/$PULSE_KEYCLOAK_REALM   (demo users: password = username)
  PostgreSQL           127.0.0.1:$PULSE_PG_PORT   ${PULSE_DATABASES[*]} (password = name)
  Kafka                $PULSE_KAFKA_BOOTSTRAP ($PULSE_KAFKA_SECURITY)   ${PULSE_TOPICS[*]}
                       client settings per principal: $PULSE_KAFKA_SECURITY_DIR/<principal>.properties
  Logs                 $PULSE_RUN_DIR/*.log

  Try it:
    TOKEN=\$(curl -s $TOKEN_URL -d grant_type=password -d client_id=pulse-frontend -d username=rivera -d password=rivera | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
    curl -s -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:8081/me

  Press Ctrl-C to stop everything.
EOF

# 5. Wait; report (once) a service that dies. `sleep & wait` lets the traps run at once.
declare -A reported=()
while :; do
  for entry in "${PULSE_SERVICES[@]}"; do
    name=${entry%%:*}
    if [[ -z ${reported[$name]:-} ]] && ! pulse_running_pid "$name" >/dev/null; then
      reported[$name]=1
      pulse_err "$name has stopped"
      pulse_tail_log "$PULSE_RUN_DIR/$name.log" 40
    fi
  done
  sleep 2 &
  wait $! || true
done
