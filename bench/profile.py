#!/usr/bin/env python3
"""Where a service's CPU went during a time window, from a JFR recording (bench/run --profile records one per
service it starts). Reads `jfr print --events jdk.ExecutionSample` and prints the share of samples per component
(a sample counts once for each component on its stack) and the hottest leaf methods and own-code frames.

    bench/profile.py /tmp/partnership-pulse/bench/hotspot-pid-123-….jfr --from 15:54:01 --to 15:54:38
"""

import argparse
import collections
import subprocess

# component: frame prefixes (the first match on a stack counts the sample for the component)
COMPONENTS = [
    ("JWT validation (smallrye-jwt, jose4j, OIDC)", ("io.smallrye.jwt", "org.jose4j", "io.quarkus.oidc")),
    ("Hibernate ORM", ("org.hibernate",)),
    ("PostgreSQL JDBC driver", ("org.postgresql",)),
    ("Agroal connection pool", ("io.agroal",)),
    ("JTA transactions (Narayana)", ("com.arjuna", "io.quarkus.narayana")),
    ("Jackson (JSON)", ("com.fasterxml.jackson",)),
    ("HTTP (Vert.x, Netty, RESTEasy Reactive)", ("io.vertx", "io.netty", "org.jboss.resteasy")),
    ("Kafka client", ("org.apache.kafka",)),
    ("outbox relay", ("org.partnershippulse.kit.events.OutboxRelay",)),
    ("answer validation (AnswerRules)", ("org.partnershippulse.assessment.response.AnswerRules",)),
    ("instrument catalogue", ("org.partnershippulse.assessment.instrument",)),
    ("logging", ("org.jboss.logmanager", "org.jboss.logging")),
    ("Hibernate Validator", ("org.hibernate.validator",)),
]


def samples(jfr, start, end):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", jfr],
                         capture_output=True, text=True, check=True).stdout
    time, frames, in_stack = None, [], False
    for line in out.splitlines():
        s = line.strip()
        if s.startswith("startTime = "):
            time, frames = s.split("=", 1)[1].strip(), []
        elif s.startswith("stackTrace = ["):
            in_stack = True
        elif in_stack and s == "]":
            in_stack = False
            if time and (not start or time >= start) and (not end or time <= end):
                yield frames
        elif in_stack and s and s != "...":
            frames.append(s.split("(")[0])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("jfr")
    p.add_argument("--from", dest="start", help="HH:MM:SS, as jfr prints startTime")
    p.add_argument("--to", dest="end")
    p.add_argument("--top", type=int, default=15)
    a = p.parse_args()

    total = 0
    components, leaves, own = collections.Counter(), collections.Counter(), collections.Counter()
    for frames in samples(a.jfr, a.start, a.end):
        total += 1
        if frames:
            leaves[frames[0]] += 1
        first_own = next((f for f in frames if f.startswith("org.partnershippulse")), None)
        if first_own:
            own[first_own] += 1
        for name, prefixes in COMPONENTS:
            if any(f.startswith(prefixes) for f in frames):
                components[name] += 1
    print(f"{total} samples in the window")
    if not total:
        return
    print("\ncomponent (inclusive share of samples):")
    for name, n in components.most_common():
        print(f"  {100 * n / total:5.1f} %  {name}")
    print(f"\nhottest leaf methods:")
    for name, n in leaves.most_common(a.top):
        print(f"  {100 * n / total:5.1f} %  {name}")
    print(f"\nhottest own frames (deepest org.partnershippulse frame on the stack):")
    for name, n in own.most_common(a.top):
        print(f"  {100 * n / total:5.1f} %  {name}")


if __name__ == "__main__":
    main()
