#!/usr/bin/env python3
"""Merges the figures of one bench/run (the JSON files of its steps) into one Markdown table on stdout and one
JSON document (bench/results/<date>.json). A step that produced no file is shown as "not measured"."""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys

NOT_MEASURED = "not measured"


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def machine():
    mem_kb = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown")
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    load1, load5, _ = os.getloadavg()
    return {"cores": os.cpu_count(), "memoryMb": mem_kb // 1024, "cpu": cpu, "os": platform.platform(),
            "java": java[0] if java else "unknown", "loadAverage1m": round(load1, 2), "loadAverage5m": round(load5, 2)}


def verdict(ok):
    return "—" if ok is None else ("met" if ok else "missed")


def fmt(v, unit="", digits=1):
    if v is None:
        return NOT_MEASURED
    return f"{v:,.{digits}f}{unit}"


def freshness_row(fr, target):
    v = fr["submitToVisibleMs"]
    complete = fr["notVisibleWithin60s"] == 0 and fr["accepted"] == fr["due"]
    return ("2 freshness", f"{fr['targetPerSecond']:.0f}/s offered for {fr['seconds']} s",
            f"p50 {v['p50Ms']:,.0f} / p99 {v['p99Ms']:,.0f} ms (achieved {fr['achievedPerSecond']:.0f}/s: "
            f"{fr['accepted']:,} of {fr['due']:,} due accepted, {fr['notSentWithin30sOfSchedule']:,} not sent, "
            f"{fr['errors']} errors; {fr['visible']:,} seen; submit p99 from due "
            f"{fr['dueToAcceptedMs']['p99Ms']:,.0f} ms)",
            target, verdict(v["p99Ms"] < 200 and complete) if fr["targetPerSecond"] >= 200 else "—")


START_LABEL = {"aot": "AOT cache", "appcds": "AppCDS", "plain": "no cache"}


def load_startup(path):
    """startup.tsv of bench/run: java, start (aot|appcds|plain), service, ready ms, CPU s, Quarkus' s per line."""
    out = []
    try:
        with open(path) as f:
            for line in f:
                java, start, service, ms, cpu, quarkus = line.rstrip("\n").split("\t")
                num = lambda v: None if v in ("", "null") else float(v)
                out.append({"java": int(java), "start": start, "service": service, "readyMs": num(ms),
                            "cpuSecondsToReady": num(cpu), "quarkusStartedSeconds": num(quarkus)})
    except (OSError, ValueError):
        pass
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--work", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--mode", default="full")
    p.add_argument("--commit", default="unknown")
    p.add_argument("--fail-on-not-measured", action="store_true",
                   help="exit 1 when any cell of the table is 'not measured' (bench/run --quick)")
    a = p.parse_args()

    submissions = load(os.path.join(a.work, "submissions.json")) or {}
    pgbench = load(os.path.join(a.work, "pgbench.json")) or {}
    reads = load(os.path.join(a.work, "reads.json")) or {}
    footprint = load(os.path.join(a.work, "footprint.json")) or {}

    ceiling = {l["clients"]: l for l in pgbench.get("levels", [])}
    levels = submissions.get("ingest", {}).get("levels", [])
    for level in levels:
        db = ceiling.get(level["concurrency"])
        level["pgbenchTps"] = db["tps"] if db else None
        level["shareOfCeiling"] = round(level["perSecond"] / db["tps"], 3) if db and db["tps"] else None
    rss_after = submissions.get("rssAfterIngestMb", {})
    for name, f in footprint.items():
        f["afterIngestRssMb"] = rss_after.get(name)

    rows = []  # benchmark, setting, result, target, verdict
    for l in levels:
        share = l.get("shareOfCeiling")
        ok = l["perSecond"] >= 1000 and l["p99Ms"] < 50 and share is not None and share >= 0.5
        rows.append(("1 ingest", f"{l['concurrency']} concurrent respondents",
                     f"{l['perSecond']:,.0f}/s (n={l['submissions']:,}) · p50 {l['p50Ms']:.1f} / p95 {l['p95Ms']:.1f} / "
                     f"p99 {l['p99Ms']:.1f} ms · {l['errors']} errors · pgbench ceiling "
                     f"{fmt(l.get('pgbenchTps'), '/s', 0)} → {fmt(share * 100 if share is not None else None, ' %', 0)}",
                     "≥ 1,000/s, p99 < 50 ms, ≥ 50 % of ceiling", verdict(ok)))
    if not levels:
        rows.append(("1 ingest", "1, 8, 32, 64 concurrent respondents", NOT_MEASURED, "≥ 1,000/s, p99 < 50 ms", "—"))

    fr = submissions.get("freshness")
    half = submissions.get("freshnessAtHalfCapacity")
    if fr:
        rows.append(freshness_row(fr, "p99 < 200 ms at 200/s"))
    else:
        rows.append(("2 freshness", "200/s for 60 s", NOT_MEASURED, "p99 < 200 ms", "—"))
    if half:
        rows.append(freshness_row(half, "(half the best ingest rate: the system keeps up)"))

    read_levels = reads.get("reads", [])
    for r in read_levels:
        speedup = r["sqlP50Ms"] / r["reportP50Ms"] if r.get("reportP50Ms") else None
        r.setdefault("speedupP50", round(speedup, 1) if speedup else None)
        target = "≥ 20× aggregate-at-read" if r["responses"] >= 100000 else ""
        ok = (speedup >= 20) if (r["responses"] >= 100000 and speedup) else None
        rows.append(("3 reads", f"{r['responses']:,} responses",
                     f"report p50 {r['reportP50Ms']:.1f} / p99 {r['reportP99Ms']:.1f} ms · aggregate SQL p50 "
                     f"{r['sqlP50Ms']:.1f} / p99 {r['sqlP99Ms']:.1f} ms · {fmt(speedup, '×')} faster",
                     target, verdict(ok)))
    if read_levels:
        flat = reads.get("readsFlatRatio")
        rows.append(("3 reads", "flatness (report p99 at the largest / at the smallest)", fmt(flat, digits=2), "≤ 1.5",
                     verdict(flat <= 1.5 if flat is not None else None)))
    else:
        rows.append(("3 reads", "10 / 1,000 / 100,000 responses", NOT_MEASURED, "flat (≤ 1.5), ≥ 20× SQL", "—"))

    for name, f in footprint.items():
        ready = f.get("readyMs")
        idle = f.get("idleRssMb")
        ok = None if ready is None or idle is None else (ready < 2000 and idle < 200)
        rows.append(("4 footprint", name,
                     f"ready {fmt(ready / 1000 if ready is not None else None, ' s', 2)} after launch "
                     f"(Quarkus: {fmt(f.get('quarkusStartedSeconds'), ' s', 2)}; "
                     f"{fmt(f.get('cpuSecondsToReady'), ' CPU s', 1)}) · RSS idle {fmt(idle, ' MB', 0)}, "
                     f"after ingest {fmt(f.get('afterIngestRssMb'), ' MB', 0)}",
                     "ready < 2 s, idle < 200 MB", verdict(ok)))

    startup = load_startup(os.path.join(a.work, "startup.tsv"))
    for name in dict.fromkeys(s["service"] for s in startup):
        cells = []
        for s in (s for s in startup if s["service"] == name):
            ready = s["readyMs"] / 1000 if s["readyMs"] is not None else None
            cells.append(f"Java {s['java']} {START_LABEL.get(s['start'], s['start'])}: "
                         f"{fmt(ready, ' s', 2)} ({fmt(s['cpuSecondsToReady'], ' CPU s', 1)}, "
                         f"Quarkus {fmt(s['quarkusStartedSeconds'], ' s', 2)})")
        rows.append(("4 start-up", name, " · ".join(cells), "(each started alone: JVMs side by side)", "—"))
    if not startup:
        rows.append(("4 start-up", "Java 25 and 17, with and without cache", NOT_MEASURED, "", "—"))

    rb = reads.get("rebuild")
    if rb:
        rows.append(("5 rebuild", f"{rb['events']:,} events",
                     f"{rb['seconds']:,.1f} s ({rb['eventsPerSecond']:,.0f} events/s)", "1,000,000 in < 60 s",
                     verdict(rb["seconds"] < 60 * rb["events"] / 1_000_000)))
    else:
        rows.append(("5 rebuild", "1,000,000 events", NOT_MEASURED, "< 60 s", "—"))

    m = machine()
    now = datetime.datetime.now(datetime.timezone.utc)
    header = (f"Partnership Pulse bench ({a.mode}) {now:%Y-%m-%d %H:%M} UTC · commit {a.commit} · "
              f"{m['cores']} cores ({m['cpu']}), {m['memoryMb']:,} MB · {m['java']} · load average "
              f"{m['loadAverage1m']} (1 min) at the end")
    table = ["| benchmark | setting | result | target | verdict |", "|---|---|---|---|---|"]
    table += ["| " + " | ".join(r) + " |" for r in rows]
    print()
    print(header)
    print()
    print("\n".join(table))
    print()

    doc = {"date": now.isoformat(timespec="seconds"), "mode": a.mode, "commit": a.commit, "machine": m,
           "note": "measured on loopback; the load driver, the services, PostgreSQL, Kafka and Keycloak share the "
                   "machine's cores (and, where said, with other work)",
           "ingest": {"levels": levels, "setupSeconds": submissions.get("setupSeconds"),
                      "reportingCaughtUpAfterIngestSeconds": submissions.get("reportingCaughtUpAfterIngestSeconds")},
           "pgbench": pgbench or None,
           "freshness": fr, "freshnessAtHalfCapacity": half,
           "reads": read_levels or None, "readsFlatRatio": reads.get("readsFlatRatio"),
           "footprint": footprint,
           "startup": startup or None,
           "rebuild": rb,
           "table": table}
    with open(a.out, "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")
    missing = [r for r in rows if any(NOT_MEASURED in cell for cell in r)]
    if a.fail_on_not_measured and missing:
        print("not measured: " + "; ".join(f"{r[0]} ({r[1]})" for r in missing))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
