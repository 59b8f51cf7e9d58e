# shellcheck shell=bash
# Partnership Pulse: local infrastructure with no Docker: PostgreSQL (Debian's cluster), a real Kafka broker
# (KRaft, jars from Maven Central) and Keycloak (the Quarkus distribution zip from Maven Central).
#
#   source scripts/lib.sh
#   pulse_postgres_up      # install if missing (apt), start 15/main if down, create roles + databases
#   pulse_kafka_up         # = prepare + start + await (topics, ACLs); SASL_SSL unless PULSE_KAFKA_SECURITY=plaintext
#   pulse_keycloak_up      # = pulse_keycloak_prepare + pulse_keycloak_start + pulse_keycloak_await
#   pulse_java_select      # JDK 25 where installed, else 17 (PULSE_JAVA=17 forces 17); exports JAVA_HOME, PATH
#   pulse_services_train   # once per build: each service's start-up cache (AOT cache on 25, AppCDS on 17)
#   pulse_services_start / pulse_services_await   # the three packaged services (scripts/run.sh uses them)
#   pulse_stop_all         # stops what these functions started (pid files), PostgreSQL only if we started it
#
# Every function is idempotent, non-interactive and safe as root in CI. Functions return non-zero on
# failure (they never exit the caller's shell). Downloads are cached in $PULSE_CACHE, logs and pid files
# live in $PULSE_RUN_DIR. Set PULSE_FRESH=1 to throw away Kafka's data and Keycloak's database first
# (or only one of them: PULSE_KAFKA_FRESH=1, PULSE_KEYCLOAK_FRESH=1).

PULSE_ROOT=${PULSE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
PULSE_CACHE=${PULSE_CACHE:-$HOME/.cache/partnership-pulse}
PULSE_RUN_DIR=${PULSE_RUN_DIR:-/tmp/partnership-pulse}
PULSE_FRESH=${PULSE_FRESH:-0}
PULSE_KAFKA_FRESH=${PULSE_KAFKA_FRESH:-$PULSE_FRESH}
PULSE_KEYCLOAK_FRESH=${PULSE_KEYCLOAK_FRESH:-$PULSE_FRESH}

PULSE_PG_VERSION=${PULSE_PG_VERSION:-15}
PULSE_PG_CLUSTER=${PULSE_PG_CLUSTER:-main}
PULSE_PG_PORT=${PULSE_PG_PORT:-5432}
# PULSE_DB_SUFFIX lets a second copy of the system (a helper's, a drill's) use its own databases, owned by the
# same roles: pulse_partnership$PULSE_DB_SUFFIX ... (the role names never change).
PULSE_DB_SUFFIX=${PULSE_DB_SUFFIX:-}
# 1: drop the services' databases (pulse_<service>$PULSE_DB_SUFFIX) and start from empty ones
PULSE_DB_FRESH=${PULSE_DB_FRESH:-0}
PULSE_DATABASES=(pulse_partnership pulse_assessment pulse_reporting)

PULSE_KAFKA_PORT=${PULSE_KAFKA_PORT:-9092}
PULSE_KAFKA_CONTROLLER_PORT=${PULSE_KAFKA_CONTROLLER_PORT:-9093}
PULSE_KAFKA_BOOTSTRAP="127.0.0.1:${PULSE_KAFKA_PORT}"
# sasl_ssl only: a second client listener where the client's TLS certificate is its principal (mTLS, no SASL)
PULSE_KAFKA_MTLS_PORT=${PULSE_KAFKA_MTLS_PORT:-$((PULSE_KAFKA_PORT + 3))}
PULSE_KAFKA_JAVA_OPTS=${PULSE_KAFKA_JAVA_OPTS:--Xms256m -Xmx512m -XX:+UseG1GC -XX:TieredStopAtLevel=1}
# topic:partitions, as deploy/kafka-topics/topics.yaml (the dead-letter topics too: auto-creation is off)
PULSE_TOPICS=(pulse.partnership.v1:3 pulse.assessment.v1:3 pulse.public.v1:3 pulse.reporting.v1:3 pulse.reporting.dlq.v1:1 pulse.assessment.dlq.v1:1 pulse.partnership.dlq.v1:1)
# sasl_ssl (default): TLS with a CA made for this run directory, SCRAM-SHA-512 users, ACLs (StandardAuthorizer) as
# scripts/kafka/acls.txt says. plaintext: the broker of old, no authentication, no ACLs (a laptop escape hatch only).
PULSE_KAFKA_SECURITY=${PULSE_KAFKA_SECURITY:-sasl_ssl}
# One SCRAM user per service, the public stream's subscriber, pulse-admin (super user: scripts, the tests' own
# clients) and pulse-broker (inter-broker). Passwords and the CA: $PULSE_RUN_DIR/kafka-security (pulse_kafka_credentials).
PULSE_KAFKA_PRINCIPALS=(pulse-admin pulse-broker partnership-service assessment-service reporting-service public-subscriber)
PULSE_KAFKA_SECURITY_DIR="$PULSE_RUN_DIR/kafka-security"

PULSE_KEYCLOAK_VERSION=${PULSE_KEYCLOAK_VERSION:-26.7.3}
PULSE_KEYCLOAK_PORT=${PULSE_KEYCLOAK_PORT:-8180}
PULSE_KEYCLOAK_REALM=partnership-pulse
PULSE_KEYCLOAK_REALM_FILE=${PULSE_KEYCLOAK_REALM_FILE:-$PULSE_ROOT/keycloak/partnership-pulse-realm.json}
# A fixed hostname makes the token issuer http://127.0.0.1:8180/realms/partnership-pulse whichever name
# (localhost or 127.0.0.1) a client used to reach Keycloak: it must equal the services' OIDC_AUTH_SERVER_URL.
PULSE_KEYCLOAK_HOSTNAME=${PULSE_KEYCLOAK_HOSTNAME:-http://127.0.0.1:${PULSE_KEYCLOAK_PORT}}
PULSE_KEYCLOAK_URL="http://127.0.0.1:${PULSE_KEYCLOAK_PORT}"

# name:port:role, in start order; ports PULSE_PORT_BASE (8081), +1, +2
PULSE_PORT_BASE=${PULSE_PORT_BASE:-8081}
PULSE_SERVICES=(partnership-service:$PULSE_PORT_BASE:pulse_partnership
  assessment-service:$((PULSE_PORT_BASE + 1)):pulse_assessment
  reporting-service:$((PULSE_PORT_BASE + 2)):pulse_reporting)
PULSE_READY_TIMEOUT=${PULSE_READY_TIMEOUT:-120}
# The services' JVM options live in scripts/service-java-options (read by system-kit too); two malloc arenas on top
# (pulse_service_start). Set PULSE_SERVICE_JAVA_OPTS (even to "") to choose others.
PULSE_SERVICE_JAVA_OPTIONS_FILE=$PULSE_ROOT/scripts/service-java-options

# ---------------------------------------------------------------------------------------------- helpers

pulse_log() { printf '[pulse %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
pulse_err() { printf '[pulse %(%H:%M:%S)T] ERROR: %s\n' -1 "$*" >&2; }

# milliseconds since the epoch; pulse_elapsed START -> "12.3s"
pulse_now() { local ns; ns=$(date +%s%N); printf '%s' $((ns / 1000000)); }
pulse_elapsed() { local d=$(($(pulse_now) - $1)); printf '%d.%ds' $((d / 1000)) $((d % 1000 / 100)); }

pulse_port_open() { (exec 3<>"/dev/tcp/${1}/${2}") 2>/dev/null; }

# alive = exists and is not a zombie
pulse_pid_alive() {
  local st
  [[ -n ${1:-} ]] && st=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $st != Z* ]]
}

# some non-zombie process is left in process group $1
pulse_group_alive() {
  ps -e -o pgid=,stat= 2>/dev/null | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { found = 1 } END { exit !found }'
}

# The pid file holds the pid and, on its second line, the last argument of the command started, so that a
# pid reused by an unrelated process after a crash is not taken for ours.
pulse__pid_matches() {
  local pid=$1 tag=$2 arg
  local -a args
  [[ -z $tag ]] && return 0
  mapfile -d '' -t args 2>/dev/null <"/proc/$pid/cmdline" || return 1
  for arg in "${args[@]}"; do [[ $arg == "$tag" ]] && return 0; done
  return 1
}

# pid from $PULSE_RUN_DIR/NAME.pid if that process is alive (and ours), else nothing and exit status 1
pulse_running_pid() {
  local f="$PULSE_RUN_DIR/$1.pid" pid tag
  [[ -s $f ]] || return 1
  { read -r pid; read -r tag; } <"$f" || true
  if pulse_pid_alive "$pid" && pulse__pid_matches "$pid" "${tag:-}"; then printf '%s' "$pid"; else rm -f "$f"; return 1; fi
}

pulse_tail_log() {
  local f=$1 n=${2:-60}
  [[ -f $f ]] || { pulse_err "no log file $f"; return 0; }
  printf -- '----- last %s lines of %s -----\n' "$n" "$f" >&2
  tail -n "$n" "$f" >&2
  printf -- '----- end of %s -----\n' "$f" >&2
}

pulse_mvn() {
  if [[ -x $PULSE_ROOT/mvnw ]]; then "$PULSE_ROOT/mvnw" "$@"; else mvn "$@"; fi
}

# The classpath file $1 (dependency:build-classpath) still holds: each of its jars exists and no file under the paths
# $2... (sources, POMs) is newer. Usage: pulse_classpath_fresh FILE PATH...
pulse_classpath_fresh() {
  local cp=$1 jar
  local -a jars
  shift
  [[ -s $cp ]] || return 1
  IFS=: read -r -a jars <"$cp" || true # no trailing newline: read returns 1
  for jar in "${jars[@]}"; do [[ -e $jar ]] || return 1; done
  [[ -z $(find "$@" -newer "$cp" -print -quit 2>/dev/null) ]]
}

pulse_java_check() {
  command -v java >/dev/null 2>&1 || { pulse_err "java not found (a JDK 17+ is required)"; return 1; }
}

# ------------------------------------------------------------------------------------------------- Java
# One JDK for everything these scripts start (Maven, the services, Kafka, Keycloak): Temurin 25 when it is there,
# which starts the services from the JDK's AOT cache (JEP 483/514/515), else the default JDK 17, which starts them
# from an AppCDS archive. The code is compiled with --release 17 either way (the parent POM), so it runs on both.
#   PULSE_JAVA=17          force the fallback even where 25 is installed
#   PULSE_JAVA25_HOME      where the 25 is (default /usr/lib/jvm/temurin-25-jdk-amd64)
#   PULSE_JAVA17_HOME      where the 17 is (default: JAVA_HOME or the java on PATH if it is a 17, else Debian's)
PULSE_JAVA25_HOME=${PULSE_JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

# feature version (17, 25) of the JDK in directory $1, from its release file; nothing if not a JDK (status 0 either
# way: it is called in $(...) under the scripts' ERR traps)
pulse__jdk_feature() {
  if [[ -x $1/bin/java && -f $1/release ]]; then sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"; fi
}

# Sets and exports JAVA_HOME, PATH and PULSE_JAVA_FEATURE (25 or 17), fills PULSE_PACKAGE_ARGS (the Maven
# arguments that package the services for that JDK: aot-jar on 25) and logs the choice once per shell.
pulse_java_select() {
  local home="" why="" candidate
  case ${PULSE_JAVA:-auto} in
    17) why="PULSE_JAVA=17" ;;
    auto | 25)
      if [[ $(pulse__jdk_feature "$PULSE_JAVA25_HOME") == 25 ]]; then
        home=$PULSE_JAVA25_HOME why="found $PULSE_JAVA25_HOME"
      elif [[ ${PULSE_JAVA:-auto} == 25 ]]; then
        pulse_err "PULSE_JAVA=25 but there is no JDK 25 at $PULSE_JAVA25_HOME (set PULSE_JAVA25_HOME)"; return 1
      else
        why="no JDK 25 at $PULSE_JAVA25_HOME"
      fi ;;
    *) pulse_err "PULSE_JAVA must be 17 or 25, not '$PULSE_JAVA'"; return 1 ;;
  esac
  if [[ -z $home ]]; then
    for candidate in "${PULSE_JAVA17_HOME:-}" "${JAVA_HOME:-}" \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
      /usr/lib/jvm/java-17-openjdk-amd64; do
      [[ -n $candidate && $(pulse__jdk_feature "$candidate") == 17 ]] && { home=$candidate; break; }
    done
    [[ -n $home ]] || { pulse_err "no JDK 17 found (set PULSE_JAVA17_HOME)"; return 1; }
  fi
  export JAVA_HOME=$home PULSE_JAVA_FEATURE
  PULSE_JAVA_FEATURE=$(pulse__jdk_feature "$home")
  [[ :$PATH: == *":$home/bin:"* && ${PATH%%:*} == "$home/bin" ]] || export PATH="$home/bin:$PATH"
  if [[ $PULSE_JAVA_FEATURE == 25 ]]; then
    PULSE_PACKAGE_ARGS=(-Dquarkus.package.jar.type=aot-jar)
  else
    PULSE_PACKAGE_ARGS=()
  fi
  if [[ ${PULSE__JAVA_LOGGED:-} != "$home" ]]; then
    pulse_log "Java $PULSE_JAVA_FEATURE ($home; $why): services start from $([[ $PULSE_JAVA_FEATURE == 25 ]] &&
      printf 'the AOT cache' || printf 'an AppCDS archive') when trained, PULSE_JAVA=17 forces 17"
    export PULSE__JAVA_LOGGED=$home
  fi
}

# Start "$@" in its own session (setsid: own process group, no terminal signals), output to LOG, pid to
# $PULSE_RUN_DIR/NAME.pid. Usage: pulse_spawn NAME LOG cmd args...
pulse_spawn() {
  local name=$1 log=$2; shift 2
  mkdir -p "$PULSE_RUN_DIR"
  setsid "$@" >"$log" 2>&1 </dev/null &
  local pid=$!
  printf '%s\n%s\n' "$pid" "${!#}" >"$PULSE_RUN_DIR/$name.pid"
  printf '%s' "$pid"
}

# Stop the process of $PULSE_RUN_DIR/NAME.pid and everything in its process group: SIGTERM, then SIGKILL
# after TIMEOUT seconds. Usage: pulse_stop NAME [TIMEOUT]
pulse_stop() {
  local name=$1 timeout=${2:-30} f="$PULSE_RUN_DIR/$1.pid" pid tag t0 i extra
  [[ -s $f ]] || return 0
  { read -r pid; read -r tag; } <"$f" || true
  t0=$(pulse_now)
  if pulse_pid_alive "$pid" && ! pulse__pid_matches "$pid" "${tag:-}"; then
    pulse_log "$name: pid $pid is no longer ours (stale pid file), leaving it alone"
  elif pulse_pid_alive "$pid" || pulse_group_alive "$pid"; then
    # Keycloak's kc.sh runs java as a child that carries -Dkc.script.pid=<kc.sh pid>
    extra=$(pgrep -f -- "-Dkc.script.pid=${pid}( |$)" 2>/dev/null || true)
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    # shellcheck disable=SC2086
    [[ -n $extra ]] && { kill -TERM $extra 2>/dev/null || true; }
    for ((i = 0; i < timeout * 5; i++)); do
      pulse_group_alive "$pid" || pulse_pid_alive "$pid" || break
      sleep 0.2
    done
    if pulse_group_alive "$pid" || pulse_pid_alive "$pid"; then
      pulse_log "$name did not stop within ${timeout}s: SIGKILL"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      # shellcheck disable=SC2086
      [[ -n $extra ]] && { kill -KILL $extra 2>/dev/null || true; }
      sleep 0.5
    fi
    pulse_log "stopped $name (pid $pid) in $(pulse_elapsed "$t0")"
  fi
  rm -f "$f"
}

# ------------------------------------------------------------------------------------------- PostgreSQL

pulse__pg_status() {
  pg_lsclusters -h 2>/dev/null | awk -v v="$PULSE_PG_VERSION" -v c="$PULSE_PG_CLUSTER" '$1 == v && $2 == c { print $4 }'
}

# Installs Debian package $2 when command $1 is missing (a new machine has nothing installed by hand).
pulse__apt_command() {
  local cmd=$1 package=$2 t0
  command -v "$cmd" >/dev/null 2>&1 && return 0
  t0=$(pulse_now)
  pulse_log "$cmd is not installed: apt-get install -y $package (log: $PULSE_RUN_DIR/apt-$package.log)"
  if ! { DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$package" ||
    { DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$package"; }; } \
    >"$PULSE_RUN_DIR/apt-$package.log" 2>&1; then
    pulse_err "apt-get install $package failed"
    pulse_tail_log "$PULSE_RUN_DIR/apt-$package.log" 20
    return 1
  fi
  pulse_log "$package installed in $(pulse_elapsed "$t0")"
}

# Headless Chromium for the printable report's browser test (Debian's package; Playwright's download cannot work here).
pulse_chromium_up() { pulse__apt_command chromium chromium; }

# promtool checks and unit-tests deploy/monitoring's alert rules in deploy-checks (Debian's prometheus package; its
# daemon is not started by anything here).
pulse_promtool_up() { pulse__apt_command promtool prometheus; }

pulse_postgres_up() {
  local t0 installed=0 status i
  t0=$(pulse_now)
  mkdir -p "$PULSE_RUN_DIR"
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    pulse_log "PostgreSQL is not installed: apt-get install -y postgresql (log: $PULSE_RUN_DIR/apt-postgresql.log)"
    if ! { DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql; } \
      >"$PULSE_RUN_DIR/apt-postgresql.log" 2>&1; then
      pulse_err "apt-get install postgresql failed"
      pulse_tail_log "$PULSE_RUN_DIR/apt-postgresql.log" 30
      return 1
    fi
    installed=1
  fi
  status=$(pulse__pg_status)
  if [[ -z $status ]]; then
    pulse_log "creating cluster $PULSE_PG_VERSION/$PULSE_PG_CLUSTER"
    pg_createcluster "$PULSE_PG_VERSION" "$PULSE_PG_CLUSTER" -p "$PULSE_PG_PORT" >"$PULSE_RUN_DIR/pg_createcluster.log" 2>&1 || {
      pulse_err "pg_createcluster failed"; pulse_tail_log "$PULSE_RUN_DIR/pg_createcluster.log" 20; return 1; }
    status=$(pulse__pg_status)
  fi
  if [[ $status == online* ]]; then
    if ((installed)); then
      : >"$PULSE_RUN_DIR/postgres.started-by-pulse" # the package's install started it: ours to stop
    else
      rm -f "$PULSE_RUN_DIR/postgres.started-by-pulse"
      pulse_log "PostgreSQL $PULSE_PG_VERSION/$PULSE_PG_CLUSTER was already running (it will be left running)"
    fi
  else
    pg_ctlcluster "$PULSE_PG_VERSION" "$PULSE_PG_CLUSTER" start || {
      pulse_err "pg_ctlcluster $PULSE_PG_VERSION $PULSE_PG_CLUSTER start failed"
      pulse_tail_log "/var/log/postgresql/postgresql-$PULSE_PG_VERSION-$PULSE_PG_CLUSTER.log" 30
      return 1
    }
    : >"$PULSE_RUN_DIR/postgres.started-by-pulse"
  fi
  for ((i = 0; i < 60; i++)); do
    pg_isready -q -h 127.0.0.1 -p "$PULSE_PG_PORT" && break
    sleep 0.5
  done
  pg_isready -q -h 127.0.0.1 -p "$PULSE_PG_PORT" || { pulse_err "PostgreSQL is not accepting connections on 127.0.0.1:$PULSE_PG_PORT"; return 1; }

  # one role + database per service; password = name (local only). The tests use <db>_test (Flyway cleans it
  # at every test start), so a test run never touches the data of a local run.
  local sql="" db
  for db in "${PULSE_DATABASES[@]}"; do
    if [[ $PULSE_DB_FRESH == 1 ]]; then
      sql+="DROP DATABASE IF EXISTS $db$PULSE_DB_SUFFIX WITH (FORCE);
"
    fi
    sql+="SELECT 'CREATE ROLE $db LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$db')\\gexec
ALTER ROLE $db WITH LOGIN PASSWORD '$db';
SELECT 'CREATE DATABASE $db$PULSE_DB_SUFFIX OWNER $db' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db$PULSE_DB_SUFFIX')\\gexec
SELECT 'CREATE DATABASE ${db}_test$PULSE_DB_SUFFIX OWNER $db' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${db}_test$PULSE_DB_SUFFIX')\\gexec
"
  done
  if ! (cd / && printf '%s' "$sql" | runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PULSE_PG_PORT" -d postgres) \
    >"$PULSE_RUN_DIR/postgres-setup.log" 2>&1; then
    pulse_err "creating roles/databases failed"
    pulse_tail_log "$PULSE_RUN_DIR/postgres-setup.log" 20
    return 1
  fi
  pulse_log "PostgreSQL ready on 127.0.0.1:$PULSE_PG_PORT (${PULSE_DATABASES[*]}) in $(pulse_elapsed "$t0")"
}

pulse_postgres_stop_if_ours() {
  if [[ -e $PULSE_RUN_DIR/postgres.started-by-pulse ]]; then
    local t0; t0=$(pulse_now)
    if [[ $(pulse__pg_status) == online* ]]; then
      pg_ctlcluster "$PULSE_PG_VERSION" "$PULSE_PG_CLUSTER" stop -m fast || pulse_err "could not stop PostgreSQL"
      pulse_log "stopped PostgreSQL $PULSE_PG_VERSION/$PULSE_PG_CLUSTER in $(pulse_elapsed "$t0")"
    fi
    rm -f "$PULSE_RUN_DIR/postgres.started-by-pulse"
  fi
}

# PostgreSQL's client tools of the cluster's own version (/usr/lib/postgresql/15/bin for cluster 15): a pg_dump of
# another version than the server refuses to dump, and a newer one writes archives an older pg_restore cannot read.
pulse_pg_bin() { printf '%s\n' "/usr/lib/postgresql/$PULSE_PG_VERSION/bin"; }

# pulse_db_dump DATABASE ROLE FILE: a backup of one service's database in pg_dump's custom format (-Fc), taken as its
# owning role over TCP while the service runs (one consistent snapshot of that database; it blocks no writer).
pulse_db_dump() {
  local db=$1 role=$2 file=$3
  PGPASSWORD=$role "$(pulse_pg_bin)/pg_dump" -h 127.0.0.1 -p "$PULSE_PG_PORT" -U "$role" -d "$db" -Fc -f "$file"
}

# pulse_db_restore FILE DATABASE ROLE: restores a pulse_db_dump archive into a new, empty database owned by ROLE
# (dropped first if it exists), as that role: the service starts on it with DB_URL pointing there.
pulse_db_restore() {
  local file=$1 db=$2 role=$3
  printf 'DROP DATABASE IF EXISTS %s WITH (FORCE);\nCREATE DATABASE %s OWNER %s;\n' "$db" "$db" "$role" |
    (cd / && PGOPTIONS='-c client_min_messages=warning' runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PULSE_PG_PORT" -d postgres)
  PGPASSWORD=$role "$(pulse_pg_bin)/pg_restore" -h 127.0.0.1 -p "$PULSE_PG_PORT" -U "$role" -d "$db" \
    --no-owner --exit-on-error "$file"
}

# ------------------------------------------------------------------------------------------------ Kafka

# Resolves the broker classpath once (per scripts/kafka/pom.xml content) and compiles CreateTopics.java
# once (per content). Sets PULSE_KAFKA_CP and PULSE_KAFKA_TOOLS.
pulse_kafka_prepare() {
  local t0 dir sum cpfile jar ok=1 jsum
  t0=$(pulse_now)
  pulse_java_check || return 1
  dir="$PULSE_CACHE/kafka"
  mkdir -p "$dir" "$PULSE_RUN_DIR"
  sum=$(sha256sum "$PULSE_ROOT/scripts/kafka/pom.xml" | cut -c1-16)
  cpfile="$dir/classpath-$sum.txt"
  if [[ -s $cpfile ]]; then
    local -a jars
    IFS=: read -r -a jars <"$cpfile" || true # no trailing newline: read returns 1
    for jar in "${jars[@]}"; do [[ -f $jar ]] || { ok=0; break; }; done
  else
    ok=0
  fi
  if ((!ok)); then
    pulse_log "resolving the Kafka broker classpath (Maven, once; log: $PULSE_RUN_DIR/kafka-classpath.log)"
    if ! pulse_mvn -B -q -f "$PULSE_ROOT/scripts/kafka/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$cpfile.tmp" >"$PULSE_RUN_DIR/kafka-classpath.log" 2>&1; then
      pulse_err "could not resolve the Kafka classpath"
      pulse_tail_log "$PULSE_RUN_DIR/kafka-classpath.log" 30
      return 1
    fi
    mv "$cpfile.tmp" "$cpfile"
  fi
  PULSE_KAFKA_CP=$(<"$cpfile")
  jsum=$(sha256sum "$PULSE_ROOT/scripts/kafka/CreateTopics.java" | cut -c1-16)
  PULSE_KAFKA_TOOLS="$dir/tools-$sum-$jsum"
  if [[ ! -f $PULSE_KAFKA_TOOLS/CreateTopics.class ]]; then
    rm -rf "$PULSE_KAFKA_TOOLS.tmp" && mkdir -p "$PULSE_KAFKA_TOOLS.tmp"
    javac -nowarn --release 17 -cp "$PULSE_KAFKA_CP" -d "$PULSE_KAFKA_TOOLS.tmp" "$PULSE_ROOT/scripts/kafka/CreateTopics.java" ||
      { pulse_err "javac CreateTopics.java failed"; return 1; }
    rm -rf "$PULSE_KAFKA_TOOLS" && mv "$PULSE_KAFKA_TOOLS.tmp" "$PULSE_KAFKA_TOOLS"
  fi
  pulse_log "Kafka classpath ready in $(pulse_elapsed "$t0")"
}

# A Kafka cluster id: 16 random bytes, base64url without padding, not starting with '-' (as Uuid.randomUuid)
pulse__kafka_cluster_id() {
  local id
  while :; do
    id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
    [[ $id != -* ]] && { printf '%s' "$id"; return; }
  done
}

# The local broker's security material, made once per run directory ($PULSE_KAFKA_SECURITY_DIR, mode 700): a CA
# (ca.pem, the PEM truststore every client uses), the broker's key and certificate signed by it (broker.p12, for
# 127.0.0.1 and localhost), a random password per principal (<principal>.password) and a client certificate per
# principal (<principal>.p12, CN=<principal>, its password as keystore password) for the mTLS listener. Returns 0 if
# all of it already existed, 10 if it was made now (the broker's SCRAM users must then be formatted again).
pulse_kafka_credentials() {
  local d=$PULSE_KAFKA_SECURITY_DIR f p ok=1
  for f in ca.pem ca.key broker.p12 broker.password "${PULSE_KAFKA_PRINCIPALS[@]/%/.password}" "${PULSE_KAFKA_PRINCIPALS[@]/%/.p12}"; do
    [[ -s $d/$f ]] || { ok=0; break; }
  done
  ((ok)) && return 0
  pulse__apt_command openssl openssl || return 1 # the broker's TLS certificates
  rm -rf "$d" && mkdir -p "$d" && chmod 700 "$d"
  for p in "${PULSE_KAFKA_PRINCIPALS[@]}" broker; do
    # alphanumeric: safe inside a JAAS line and StorageTool's SCRAM argument without quoting
    head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32 >"$d/$p.password"
  done
  if ! (cd "$d" &&
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 825 \
      -subj "/CN=Partnership Pulse local Kafka CA" \
      -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign &&
    openssl req -newkey rsa:2048 -nodes -keyout broker.key -out broker.csr -subj "/CN=pulse-broker" &&
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n' >broker.ext &&
    openssl x509 -req -in broker.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out broker.pem -days 825 -extfile broker.ext &&
    openssl pkcs12 -export -in broker.pem -inkey broker.key -certfile ca.pem -name broker -out broker.p12 \
      -passout "file:broker.password" &&
    printf 'extendedKeyUsage=clientAuth\n' >client.ext &&
    for p in "${PULSE_KAFKA_PRINCIPALS[@]}"; do
      openssl req -newkey rsa:2048 -nodes -keyout "$p.key" -out "$p.csr" -subj "/CN=$p" &&
        openssl x509 -req -in "$p.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -out "$p.pem" -days 825 -extfile client.ext &&
        openssl pkcs12 -export -in "$p.pem" -inkey "$p.key" -certfile ca.pem -name "$p" -out "$p.p12" -passout "file:$p.password" ||
        exit 1
    done) >"$PULSE_RUN_DIR/kafka-certificates.log" 2>&1; then
    pulse_err "making the broker's certificates failed"
    pulse_tail_log "$PULSE_RUN_DIR/kafka-certificates.log" 20
    rm -rf "$d"
    return 1
  fi
  chmod 600 "$d"/*
  pulse_log "made a CA, the broker's certificate and SCRAM passwords in $d"
  return 10
}

# The Java client settings of PRINCIPAL for the broker as it runs now (security.protocol, SASL, truststore; no
# bootstrap): what scripts, system-kit's KafkaAccess and humans (kafka-*.sh --command-config) use.
pulse_kafka_client_config() {
  local principal=$1 d=$PULSE_KAFKA_SECURITY_DIR
  if [[ $PULSE_KAFKA_SECURITY == plaintext ]]; then
    printf 'security.protocol=PLAINTEXT\n'
  else
    printf 'security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n'
    printf 'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="%s" password="%s";\n' \
      "$principal" "$(<"$d/$principal.password")"
    printf 'ssl.truststore.type=PEM\nssl.truststore.location=%s\n' "$d/ca.pem"
  fi
}

# The environment a service reads to connect as PRINCIPAL (service-kit's microprofile-config.properties maps it).
pulse_kafka_service_env() {
  local principal=$1 d=$PULSE_KAFKA_SECURITY_DIR
  printf '%s\n' "KAFKA_BOOTSTRAP_SERVERS=$PULSE_KAFKA_BOOTSTRAP"
  if [[ $PULSE_KAFKA_SECURITY == plaintext ]]; then
    printf '%s\n' KAFKA_SECURITY_PROTOCOL=PLAINTEXT
  else
    printf '%s\n' KAFKA_SECURITY_PROTOCOL=SASL_SSL KAFKA_SASL_MECHANISM=SCRAM-SHA-512 \
      "KAFKA_SASL_JAAS_CONFIG=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"$principal\" password=\"$(<"$d/$principal.password")\";" \
      KAFKA_SSL_TRUSTSTORE_TYPE=PEM "KAFKA_SSL_TRUSTSTORE_LOCATION=$d/ca.pem"
  fi
}

pulse__kafka_server_security() {
  local d=$PULSE_KAFKA_SECURITY_DIR
  if [[ $PULSE_KAFKA_SECURITY == plaintext ]]; then
    cat <<EOF
listeners=PLAINTEXT://127.0.0.1:${PULSE_KAFKA_PORT},CONTROLLER://127.0.0.1:${PULSE_KAFKA_CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://127.0.0.1:${PULSE_KAFKA_PORT}
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
EOF
    return
  fi
  # Clients and the broker itself: SASL_SSL with SCRAM-SHA-512. MTLS: TLS where the client certificate's CN is the
  # principal (the same ACLs apply). The controller listener: TLS with client certificates too (KRaft's controllers
  # cannot use SCRAM), where only the broker's certificate (CN=pulse-broker, a super user) is allowed anything.
  cat <<EOF
listeners=SASL_SSL://127.0.0.1:${PULSE_KAFKA_PORT},CONTROLLER://127.0.0.1:${PULSE_KAFKA_CONTROLLER_PORT},MTLS://127.0.0.1:${PULSE_KAFKA_MTLS_PORT}
advertised.listeners=SASL_SSL://127.0.0.1:${PULSE_KAFKA_PORT},MTLS://127.0.0.1:${PULSE_KAFKA_MTLS_PORT}
inter.broker.listener.name=SASL_SSL
listener.security.protocol.map=CONTROLLER:SSL,SASL_SSL:SASL_SSL,MTLS:SSL
listener.name.controller.ssl.client.auth=required
listener.name.mtls.ssl.client.auth=required
ssl.principal.mapping.rules=RULE:^CN=([A-Za-z0-9-]+)\$/\$1/,DEFAULT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="pulse-broker" password="$(<"$d/pulse-broker.password")";
ssl.keystore.type=PKCS12
ssl.keystore.location=$d/broker.p12
ssl.keystore.password=$(<"$d/broker.password")
ssl.truststore.type=PEM
ssl.truststore.location=$d/ca.pem
# ACLs on: what no ACL allows is refused. Super users: the scripts' and tests' admin, the broker itself.
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:pulse-admin;User:pulse-broker
EOF
}

pulse_kafka_start() {
  local t0 pid cfg data log rc p
  local -a scram=()
  t0=$(pulse_now)
  [[ -n ${PULSE_KAFKA_CP:-} ]] || pulse_kafka_prepare || return 1
  if pid=$(pulse_running_pid kafka); then
    pulse_log "Kafka already running (pid $pid), reusing it"
    return 0
  fi
  if pulse_port_open 127.0.0.1 "$PULSE_KAFKA_PORT" || pulse_port_open 127.0.0.1 "$PULSE_KAFKA_CONTROLLER_PORT" ||
    { [[ $PULSE_KAFKA_SECURITY != plaintext ]] && pulse_port_open 127.0.0.1 "$PULSE_KAFKA_MTLS_PORT"; }; then
    pulse_err "port $PULSE_KAFKA_PORT, $PULSE_KAFKA_CONTROLLER_PORT or $PULSE_KAFKA_MTLS_PORT is in use by a process these scripts did not start"
    return 1
  fi
  case $PULSE_KAFKA_SECURITY in
    sasl_ssl | plaintext) ;;
    *) pulse_err "PULSE_KAFKA_SECURITY must be sasl_ssl or plaintext, not '$PULSE_KAFKA_SECURITY'"; return 1 ;;
  esac
  data="$PULSE_RUN_DIR/kafka-data"
  cfg="$PULSE_RUN_DIR/kafka-server.properties"
  log="$PULSE_RUN_DIR/kafka.log"
  [[ $PULSE_KAFKA_FRESH == 1 ]] && rm -rf "$data"
  pulse_kafka_credentials && rc=0 || rc=$?
  case $rc in
    0) ;;
    10) rm -rf "$data" ;; # new passwords: the SCRAM users must be formatted again
    *) return 1 ;;
  esac
  # the data directory remembers how it was formatted (the SCRAM users exist only when formatted for sasl_ssl)
  if [[ -f $data/meta.properties && $(cat "$data/pulse-security" 2>/dev/null) != "$PULSE_KAFKA_SECURITY" ]]; then
    pulse_log "Kafka data was formatted for another PULSE_KAFKA_SECURITY: starting from empty data"
    rm -rf "$data"
  fi
  mkdir -p "$data"
  for p in "${PULSE_KAFKA_PRINCIPALS[@]}"; do
    pulse_kafka_client_config "$p" >"$PULSE_KAFKA_SECURITY_DIR/$p.properties"
    chmod 600 "$PULSE_KAFKA_SECURITY_DIR/$p.properties"
    [[ $PULSE_KAFKA_SECURITY == plaintext ]] || scram+=(-S "SCRAM-SHA-512=[name=$p,password=$(<"$PULSE_KAFKA_SECURITY_DIR/$p.password")]")
  done
  cat >"$cfg" <<EOF
# written by scripts/lib.sh (pulse_kafka_start): single-node KRaft, combined broker + controller
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${PULSE_KAFKA_CONTROLLER_PORT}
controller.listener.names=CONTROLLER
$(pulse__kafka_server_security)
log.dirs=${data}
num.partitions=1
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  chmod 600 "$cfg"
  if [[ ! -f $data/meta.properties ]]; then
    java -XX:TieredStopAtLevel=1 -cp "$PULSE_KAFKA_CP" -Dlog4j2.configurationFile="$PULSE_ROOT/scripts/kafka/log4j2.properties" \
      -Dpulse.kafka.log.level=WARN kafka.tools.StorageTool format -t "$(pulse__kafka_cluster_id)" -c "$cfg" "${scram[@]}" \
      >"$PULSE_RUN_DIR/kafka-format.log" 2>&1 || {
      pulse_err "formatting Kafka storage failed"; pulse_tail_log "$PULSE_RUN_DIR/kafka-format.log" 30; return 1; }
    printf '%s\n' "$PULSE_KAFKA_SECURITY" >"$data/pulse-security"
    pulse_log "formatted Kafka storage ($PULSE_KAFKA_SECURITY, $((${#scram[@]} / 2)) SCRAM users) in $(pulse_elapsed "$t0")"
  fi
  # shellcheck disable=SC2086
  pid=$(pulse_spawn kafka "$log" java $PULSE_KAFKA_JAVA_OPTS -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$PULSE_ROOT/scripts/kafka/log4j2.properties" \
    -cp "$PULSE_KAFKA_CP" kafka.Kafka "$cfg")
  pulse_log "Kafka starting ($PULSE_KAFKA_SECURITY, pid $pid, log $log)"
}

# Waits for the broker port, then creates the topics idempotently.
pulse_kafka_await() {
  local t0 pid i
  t0=$(pulse_now)
  pid=$(pulse_running_pid kafka) || { pulse_err "Kafka is not running"; pulse_tail_log "$PULSE_RUN_DIR/kafka.log" 40; return 1; }
  for ((i = 0; i < 600; i++)); do
    pulse_port_open 127.0.0.1 "$PULSE_KAFKA_PORT" && break
    pulse_pid_alive "$pid" || { pulse_err "Kafka exited during start"; pulse_tail_log "$PULSE_RUN_DIR/kafka.log" 40; return 1; }
    sleep 0.1
  done
  pulse_port_open 127.0.0.1 "$PULSE_KAFKA_PORT" || { pulse_err "Kafka did not open port $PULSE_KAFKA_PORT within 60s"; pulse_tail_log "$PULSE_RUN_DIR/kafka.log" 40; return 1; }
  local t1 port_after; t1=$(pulse_now); port_after=$(pulse_elapsed "$t0")
  [[ -n ${PULSE_KAFKA_TOOLS:-} ]] || pulse_kafka_prepare || return 1
  if ! java -XX:TieredStopAtLevel=1 -cp "$PULSE_KAFKA_TOOLS:$PULSE_KAFKA_CP" -Dlog4j2.configurationFile="$PULSE_ROOT/scripts/kafka/log4j2.properties" \
    -Dpulse.kafka.log.level=WARN CreateTopics "$PULSE_KAFKA_BOOTSTRAP" --client-config "$PULSE_KAFKA_SECURITY_DIR/pulse-admin.properties" \
    --acls "$([[ $PULSE_KAFKA_SECURITY == plaintext ]] || printf '%s' "$PULSE_ROOT/scripts/kafka/acls.txt")" \
    "${PULSE_TOPICS[@]}" >"$PULSE_RUN_DIR/kafka-topics.log" 2>&1; then
    pulse_err "creating Kafka topics or ACLs failed"
    pulse_tail_log "$PULSE_RUN_DIR/kafka-topics.log" 30
    return 1
  fi
  pulse_log "Kafka ready on $PULSE_KAFKA_BOOTSTRAP ($PULSE_KAFKA_SECURITY): port open after ${port_after}, topics ($(paste -sd ';' "$PULSE_RUN_DIR/kafka-topics.log" | sed 's/;/; /g')) in $(pulse_elapsed "$t1")"
}

pulse_kafka_up() { pulse_kafka_prepare && pulse_kafka_start && pulse_kafka_await; }

# --------------------------------------------------------------------------------------------- Keycloak

PULSE_KEYCLOAK_HOME="$PULSE_CACHE/keycloak-$PULSE_KEYCLOAK_VERSION"

# Downloads (through Maven, from Maven Central) and unzips Keycloak once into the cache.
pulse_keycloak_prepare() {
  local t0 tmp dl
  t0=$(pulse_now)
  pulse_java_check || return 1
  [[ -x $PULSE_KEYCLOAK_HOME/bin/kc.sh ]] && return 0
  mkdir -p "$PULSE_CACHE" "$PULSE_RUN_DIR"
  dl="$PULSE_CACHE/downloads"
  pulse_log "downloading Keycloak $PULSE_KEYCLOAK_VERSION (Maven, once; log: $PULSE_RUN_DIR/keycloak-download.log)"
  if ! pulse_mvn -B -q -f "$PULSE_ROOT/scripts/kafka/pom.xml" dependency:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$PULSE_KEYCLOAK_VERSION:zip" -DoutputDirectory="$dl" \
    >"$PULSE_RUN_DIR/keycloak-download.log" 2>&1; then
    pulse_err "could not download org.keycloak:keycloak-quarkus-dist:$PULSE_KEYCLOAK_VERSION:zip"
    pulse_tail_log "$PULSE_RUN_DIR/keycloak-download.log" 30
    return 1
  fi
  if ! command -v unzip >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q unzip >/dev/null 2>&1 ||
      { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q unzip >/dev/null 2>&1; } ||
      { pulse_err "unzip is missing and could not be installed"; return 1; }
  fi
  tmp="$PULSE_CACHE/.keycloak-unzip.$$"
  rm -rf "$tmp" && mkdir -p "$tmp"
  unzip -q "$dl/keycloak-quarkus-dist-$PULSE_KEYCLOAK_VERSION.zip" -d "$tmp" || { pulse_err "unzip failed"; rm -rf "$tmp"; return 1; }
  rm -rf "$PULSE_KEYCLOAK_HOME"
  mv "$tmp/keycloak-$PULSE_KEYCLOAK_VERSION" "$PULSE_KEYCLOAK_HOME" && rm -rf "$tmp"
  rm -f "$dl/keycloak-quarkus-dist-$PULSE_KEYCLOAK_VERSION.zip" # Maven's local repository keeps a copy
  chmod +x "$PULSE_KEYCLOAK_HOME"/bin/*.sh
  pulse_log "Keycloak $PULSE_KEYCLOAK_VERSION unpacked into $PULSE_KEYCLOAK_HOME in $(pulse_elapsed "$t0")"
}

# start-dev on 127.0.0.1:8180 with the committed realm. Keycloak's dev H2 database is kept between runs and
# thrown away (so the realm is imported again) whenever the realm JSON changed, or with PULSE_KEYCLOAK_FRESH=1.
pulse_keycloak_start() {
  local t0 pid sum marker log
  t0=$(pulse_now)
  [[ -x $PULSE_KEYCLOAK_HOME/bin/kc.sh ]] || pulse_keycloak_prepare || return 1
  if pid=$(pulse_running_pid keycloak); then
    pulse_log "Keycloak already running (pid $pid), reusing it"
    return 0
  fi
  if pulse_port_open 127.0.0.1 "$PULSE_KEYCLOAK_PORT"; then
    pulse_err "port $PULSE_KEYCLOAK_PORT is in use by a process these scripts did not start"
    return 1
  fi
  [[ -f $PULSE_KEYCLOAK_REALM_FILE ]] || { pulse_err "realm file $PULSE_KEYCLOAK_REALM_FILE is missing"; return 1; }
  sum=$(sha256sum "$PULSE_KEYCLOAK_REALM_FILE" | cut -d' ' -f1)
  marker="$PULSE_KEYCLOAK_HOME/data/pulse-realm.sha256"
  if [[ $PULSE_KEYCLOAK_FRESH == 1 || ! -f $marker || $(<"$marker") != "$sum" ]]; then
    rm -rf "$PULSE_KEYCLOAK_HOME/data/h2" "$marker"
    pulse_log "Keycloak: fresh database, the realm will be imported"
  else
    pulse_log "Keycloak: realm unchanged, reusing the database from the last run"
  fi
  rm -rf "$PULSE_KEYCLOAK_HOME/data/import"
  mkdir -p "$PULSE_KEYCLOAK_HOME/data/import"
  cp "$PULSE_KEYCLOAK_REALM_FILE" "$PULSE_KEYCLOAK_HOME/data/import/$PULSE_KEYCLOAK_REALM-realm.json"
  printf '%s\n' "$sum" >"$PULSE_KEYCLOAK_HOME/data/pulse-realm.sha256.pending"
  log="$PULSE_RUN_DIR/keycloak.log"
  pid=$(KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    pulse_spawn keycloak "$log" "$PULSE_KEYCLOAK_HOME/bin/kc.sh" start-dev \
    --http-host=127.0.0.1 --http-port="$PULSE_KEYCLOAK_PORT" --hostname="$PULSE_KEYCLOAK_HOSTNAME" --import-realm)
  pulse_log "Keycloak starting (pid $pid, log $log)"
}

pulse_keycloak_await() {
  local t0 pid i url timeout=${PULSE_KEYCLOAK_TIMEOUT:-240}
  t0=$(pulse_now)
  url="$PULSE_KEYCLOAK_URL/realms/$PULSE_KEYCLOAK_REALM/.well-known/openid-configuration"
  pid=$(pulse_running_pid keycloak) || { pulse_err "Keycloak is not running"; pulse_tail_log "$PULSE_RUN_DIR/keycloak.log" 40; return 1; }
  for ((i = 0; i < timeout * 2; i++)); do
    curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null && break
    pulse_pid_alive "$pid" || { pulse_err "Keycloak exited during start"; pulse_tail_log "$PULSE_RUN_DIR/keycloak.log" 60; return 1; }
    sleep 0.5
  done
  if ! curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null; then
    pulse_err "Keycloak did not serve $url within ${timeout}s"
    rm -f "$PULSE_KEYCLOAK_HOME/data/pulse-realm.sha256" "$PULSE_KEYCLOAK_HOME/data/pulse-realm.sha256.pending"
    pulse_tail_log "$PULSE_RUN_DIR/keycloak.log" 60
    return 1
  fi
  if [[ -f $PULSE_KEYCLOAK_HOME/data/pulse-realm.sha256.pending ]]; then
    mv "$PULSE_KEYCLOAK_HOME/data/pulse-realm.sha256.pending" "$PULSE_KEYCLOAK_HOME/data/pulse-realm.sha256"
  fi
  pulse_log "Keycloak ready at $PULSE_KEYCLOAK_URL (realm $PULSE_KEYCLOAK_REALM) after $(pulse_elapsed "$t0") of waiting"
}

pulse_keycloak_up() { pulse_keycloak_prepare && pulse_keycloak_start && pulse_keycloak_await; }

# --------------------------------------------------------------------------------------------- services

pulse_service_jar() { printf '%s' "$PULSE_ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

# The start-up cache of a service, next to its jar (made by pulse_services_train, once per build): the JDK's AOT
# cache on 25 (app.aot: classes loaded and linked, method profiles), an AppCDS archive on 17 (app-cds.jsa).
# system-kit's ServiceProcesses uses the same two names.
pulse_service_cache() {
  local dir; dir=$(dirname "$(pulse_service_jar "$1")")
  if [[ ${PULSE_JAVA_FEATURE:-17} -ge 25 ]]; then printf '%s' "$dir/app.aot"; else printf '%s' "$dir/app-cds.jsa"; fi
}

# The JVM option that starts service $1 from its cache, or nothing when the cache is missing or older than the jar
# (a plain start: the service starts all the same, only slower). Says which on stderr.
pulse__service_cache_option() {
  local name=$1 jar cache
  jar=$(pulse_service_jar "$name")
  cache=$(pulse_service_cache "$name")
  if [[ ! -s $cache ]]; then
    pulse_log "$name: no start-up cache ($cache missing): plain start (pulse_services_train makes one)"
  elif [[ $jar -nt $cache ]]; then
    pulse_log "$name: start-up cache $cache is older than the jar: plain start (pulse_services_train makes a new one)"
  elif [[ ${PULSE_JAVA_FEATURE:-17} -ge 25 ]]; then
    pulse_log "$name: starting from the AOT cache $cache"
    printf '%s' "-XX:AOTCache=$cache"
  else
    pulse_log "$name: starting from the AppCDS archive $cache"
    printf '%s' "-XX:SharedArchiveFile=$cache"
  fi
}

# The services' JVM options for the selected JDK: PULSE_SERVICE_JAVA_OPTS when set (even to ""), else
# scripts/service-java-options (its "25:" lines on Java 25 and newer only), on one line.
pulse_service_java_opts() {
  if [[ -n ${PULSE_SERVICE_JAVA_OPTS+set} ]]; then printf '%s' "$PULSE_SERVICE_JAVA_OPTS"; return; fi
  local line opts=()
  while IFS= read -r line || [[ -n $line ]]; do
    line=${line%%#*}
    if [[ $line =~ ^[[:space:]]*([0-9]+):(.*)$ ]]; then
      ((${PULSE_JAVA_FEATURE:-17} >= BASH_REMATCH[1])) || continue
      line=${BASH_REMATCH[2]}
    fi
    read -r line <<<"$line"
    [[ -n $line ]] && opts+=("$line")
  done <"$PULSE_SERVICE_JAVA_OPTIONS_FILE"
  printf '%s' "${opts[*]}"
}

# Starts the three packaged services (java -jar) with the environment they read. Logs: $PULSE_RUN_DIR/<svc>.log
pulse_services_start() {
  local entry
  for entry in "${PULSE_SERVICES[@]}"; do
    pulse_service_start "${entry%%:*}" || return 1
  done
}

# Starts one packaged service (bench/run times each start alone), from its start-up cache when there is a fresh
# one. Usage: pulse_service_start partnership-service [JVM options instead of the cache's]
pulse_service_start() {
  local entry name port db jar pid cds debug
  local -a kafka_env
  for entry in "${PULSE_SERVICES[@]}"; do
    IFS=: read -r name port db <<<"$entry"
    [[ $name == "$1" ]] || continue
    jar=$(pulse_service_jar "$name")
    [[ -f $jar ]] || { pulse_err "$jar is missing: build first (./mvnw -B -DskipTests package)"; return 1; }
    if pid=$(pulse_running_pid "$name"); then
      pulse_err "$name is already running (pid $pid); stop it first (source scripts/lib.sh; pulse_stop $name)"
      return 1
    fi
    if pulse_port_open 127.0.0.1 "$port"; then
      pulse_err "port $port ($name) is already in use"
      return 1
    fi
    # the classes (and on 25 the profiles) of a training run: mapped instead of loaded, verified and profiled again
    if (($# > 1)); then cds="${*:2}"; else cds=$(pulse__service_cache_option "$name"); fi
    # each service connects as its own Kafka principal (credentials made by pulse_kafka_start)
    mapfile -t kafka_env < <(pulse_kafka_service_env "$name")
    # PULSE_DEBUG=<service>[:port]: that service accepts a debugger (JDWP) on 127.0.0.1:port (5005); it does not wait
    debug=
    if [[ ${PULSE_DEBUG:-} == "$name" || ${PULSE_DEBUG:-} == "$name:"* ]]; then
      debug="-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:$([[ $PULSE_DEBUG == *:* ]] && printf '%s' "${PULSE_DEBUG##*:}" || printf 5005)"
      pulse_log "$name: debugger port ${debug##*:}"
      cds= # the JVM cannot dump a class archive with a JVMTI agent (jdwp) loaded
    fi
    # shellcheck disable=SC2086
    pid=$(export "${kafka_env[@]}" && HTTP_PORT=$port \
      DB_URL="jdbc:postgresql://127.0.0.1:$PULSE_PG_PORT/$db$PULSE_DB_SUFFIX" DB_USERNAME=$db DB_PASSWORD=$db \
      OIDC_AUTH_SERVER_URL="$PULSE_KEYCLOAK_URL/realms/$PULSE_KEYCLOAK_REALM" OIDC_AUDIENCE=pulse-api \
      LOG_JSON="${LOG_JSON:-false}" MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" \
      pulse_spawn "$name" "$PULSE_RUN_DIR/$name.log" java $cds $debug $(pulse_service_java_opts) -jar "$jar")
    printf '%s\n' "$(pulse_now)" >"$PULSE_RUN_DIR/$name.started-at"
    pulse_log "$name starting on :$port (pid $pid, log $PULSE_RUN_DIR/$name.log)"
    return 0
  done
  pulse_err "unknown service $1"
  return 1
}

# Waits until every service answers 200 on /q/health/ready, at most PULSE_READY_TIMEOUT (120) seconds
# after its start. On failure prints the tail of the log of the service that failed.
pulse_services_await() {
  local entry
  for entry in "${PULSE_SERVICES[@]}"; do
    pulse_service_await "${entry%%:*}" || return 1
  done
}

# Waits until one service answers 200 on /q/health/ready. Usage: pulse_service_await partnership-service
pulse_service_await() {
  local entry name port db pid started code
  for entry in "${PULSE_SERVICES[@]}"; do
    IFS=: read -r name port db <<<"$entry"
    [[ $name == "$1" ]] || continue
    started=$(<"$PULSE_RUN_DIR/$name.started-at")
    while :; do
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$port/q/health/ready" 2>/dev/null) || true
      [[ $code == 200 ]] && break
      if ! pid=$(pulse_running_pid "$name"); then
        pulse_err "$name exited before it became ready"
        pulse_tail_log "$PULSE_RUN_DIR/$name.log" 80
        return 1
      fi
      if (($(pulse_now) - started > PULSE_READY_TIMEOUT * 1000)); then
        pulse_err "$name not ready within ${PULSE_READY_TIMEOUT}s (last /q/health/ready status: ${code:-none})"
        curl -s --max-time 3 "http://127.0.0.1:$port/q/health/ready" >&2 2>/dev/null && echo >&2
        pulse_tail_log "$PULSE_RUN_DIR/$name.log" 80
        return 1
      fi
      sleep 0.5
    done
    pulse_log "$name ready on :$port, $(pulse_elapsed "$started") after its start"
    return 0
  done
  pulse_err "unknown service $1"
  return 1
}

# Trains the start-up cache of each service (once per build; the infrastructure must be up, the services not):
# starts it recording (-XX:AOTCacheOutput on 25, -XX:ArchiveClassesAtExit on 17), waits until it is ready, sends it
# a few requests (health, metrics, OpenAPI, an authenticated call), stops it with SIGTERM; the JVM writes the cache
# as it exits. A service whose cache is fresh is skipped (PULSE_TRAIN_FORCE=1 trains it again). A failed training
# leaves no cache (the services then start plainly) and returns non-zero.
pulse_services_train() {
  local entry name port db cache jar t0 token url rc=0
  [[ -n ${PULSE_JAVA_FEATURE:-} ]] || pulse_java_select || return 1
  token=$(curl -fsS --max-time 10 "$PULSE_KEYCLOAK_URL/realms/$PULSE_KEYCLOAK_REALM/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=pulse-frontend -d username=rivera -d password=rivera 2>/dev/null |
    sed -E 's/.*"access_token":"([^"]+)".*/\1/') || token=""
  for entry in "${PULSE_SERVICES[@]}"; do
    IFS=: read -r name port db <<<"$entry"
    jar=$(pulse_service_jar "$name")
    cache=$(pulse_service_cache "$name")
    if [[ ${PULSE_TRAIN_FORCE:-0} != 1 && -s $cache && $cache -nt $jar ]]; then
      pulse_log "$name: start-up cache $cache is fresh, not training"
      continue
    fi
    t0=$(pulse_now)
    rm -f "$cache"
    if [[ $PULSE_JAVA_FEATURE -ge 25 ]]; then
      pulse_service_start "$name" "-XX:AOTCacheOutput=$cache" || { rc=1; continue; }
    else
      pulse_service_start "$name" "-XX:ArchiveClassesAtExit=$cache" || { rc=1; continue; }
    fi
    if ! pulse_service_await "$name"; then
      pulse_stop "$name" 30; rm -f "$cache"; rc=1; continue
    fi
    for url in /q/health/ready /q/health /q/metrics /q/openapi /me /partnerships; do
      curl -s -o /dev/null --max-time 10 ${token:+-H "Authorization: Bearer $token"} "http://127.0.0.1:$port$url" || true
    done
    # writing the cache happens at exit (on 25 a second JVM assembles it): give it longer than a plain stop
    pulse_stop "$name" 300
    rm -f "$PULSE_RUN_DIR/$name.started-at"
    if [[ -s $cache ]]; then
      pulse_log "$name: trained $(basename "$cache") ($(du -m "$cache" | cut -f1) MB) in $(pulse_elapsed "$t0")"
    else
      pulse_err "$name: training wrote no cache (see $PULSE_RUN_DIR/$name.log); it will start plainly"
      rc=1
    fi
  done
  return "$rc"
}

pulse_services_stop() {
  local i
  for ((i = ${#PULSE_SERVICES[@]} - 1; i >= 0; i--)); do
    pulse_stop "${PULSE_SERVICES[i]%%:*}" 30
    rm -f "$PULSE_RUN_DIR/${PULSE_SERVICES[i]%%:*}.started-at"
  done
}

# ------------------------------------------------------------------------------------------------- stop

# Stops everything these functions started (pid files in $PULSE_RUN_DIR), services first; PostgreSQL only
# if pulse_postgres_up started it. Safe to call more than once.
pulse_stop_all() {
  local t0; t0=$(pulse_now)
  pulse_services_stop
  pulse_stop keycloak 30
  pulse_stop kafka 30
  pulse_postgres_stop_if_ours
  pulse_log "all stopped in $(pulse_elapsed "$t0")"
}
