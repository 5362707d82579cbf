#!/usr/bin/env python3
"""Turns bench/run's measurements (its work folder) into the Markdown tables of docs/benchmark.md."""
import glob
import json
import os
import re
import statistics
import sys

work = sys.argv[1]
TOOLS = ["paiban-print", "paiban-all", "chromium", "weasyprint"]

times = {}  # (workload, tool) -> [seconds]
for f in sorted(glob.glob(os.path.join(work, "rounds", "*.json"))):
    workload = os.path.basename(f).split(".")[0]
    for r in json.load(open(f))["results"]:
        times.setdefault((workload, r["command"]), []).extend(r["times"])

rss = {}  # (workload, tool) -> peak KiB over the rounds
cpu = {}  # (workload, tool) -> [user + system seconds], the process and the children it waited for
for f in glob.glob(os.path.join(work, "rss", "*")):
    workload, tool = os.path.basename(f).split(".", 1)
    runs = [line.split(":") for line in open(f).read().split() if re.fullmatch(r"\d+:[\d.]+:[\d.]+", line)]
    if runs:
        rss[(workload, tool)] = max(int(r[0]) for r in runs)
        cpu[(workload, tool)] = [float(r[1]) + float(r[2]) for r in runs]

pages = {}
for line in open(os.path.join(work, "pages.txt")):
    w, tool, n = line.split()
    pages[(w, tool)] = int(n)

workloads = []
for w, _ in times:
    if w not in workloads:
        workloads.append(w)
workloads.sort(key=lambda w: (w != "sample", w))


def median(w, tool):
    v = times.get((w, tool))
    return statistics.median(v) if v else None


def per_page_ratio(w, tool):
    """(paiban seconds per page) / (Chromium seconds per page), each on its own page count."""
    t, c = median(w, tool), median(w, "chromium")
    p, pc = pages.get((w, tool)), pages.get((w, "chromium"))
    if None in (t, c, p, pc) or p == 0:
        return None
    return (t / p) / (c / pc)


def sec(v):
    return "–" if v is None else f"{v:.2f} s"


def ratio(v):
    return "–" if v is None else f"{v:.2f}"


def mib(v):
    return "–" if v is None else f"{v / 1024:.0f} MiB"


print(open(os.path.join(work, "machine.txt")).read())
n = max(len(v) for v in times.values())
print(f"Wall time, median of {n} rounds (a new process per build; the tools alternate within each round):\n")
print("| workload | pages paiban / Chromium | paiban print | paiban all editions | Chromium | WeasyPrint "
      "| print ÷ Chromium, per page | all ÷ Chromium, per page |")
print("|---|---|---|---|---|---|---|---|")
for w in workloads:
    print(f"| {w} | {pages.get((w, 'paiban-print'), '–')} / {pages.get((w, 'chromium'), '–')} "
          f"| {sec(median(w, 'paiban-print'))} | {sec(median(w, 'paiban-all'))} | {sec(median(w, 'chromium'))} "
          f"| {sec(median(w, 'weasyprint'))} | {ratio(per_page_ratio(w, 'paiban-print'))} "
          f"| {ratio(per_page_ratio(w, 'paiban-all'))} |")

print("\nCPU time (user + system, median, of the process and the children it waited for; Chromium's helper "
      "processes outlive their parent and are not counted, so its figure is a lower bound):\n")
print("| workload | paiban print | paiban all editions | Chromium | WeasyPrint | all ÷ Chromium, CPU per page |")
print("|---|---|---|---|---|---|")


def cpu_median(w, t):
    return statistics.median(cpu[(w, t)]) if (w, t) in cpu else None


def cpu_ratio(w, tool):
    """(paiban CPU seconds per page) / (Chromium CPU seconds per page)."""
    t, c = cpu_median(w, tool), cpu_median(w, "chromium")
    p, pc = pages.get((w, tool)), pages.get((w, "chromium"))
    if None in (t, c, p, pc) or p == 0 or c == 0:
        return None
    return (t / p) / (c / pc)


for w in workloads:
    print(f"| {w} | " + " | ".join(sec(cpu_median(w, t)) for t in TOOLS) + f" | {ratio(cpu_ratio(w, 'paiban-all'))} |")

print("\nPeak memory (largest RSS of one process, over all rounds; Chromium runs several processes):\n")
print("| workload | paiban print | paiban all editions | Chromium | WeasyPrint |")
print("|---|---|---|---|---|")
for w in workloads:
    print(f"| {w} | " + " | ".join(mib(rss.get((w, t))) for t in TOOLS) + " |")

warm = sorted(glob.glob(os.path.join(work, "warm.*.txt")))
if warm:
    print("\npaiban warm (one JVM pinned to one core, 5 builds to warm up, then 5 timed):\n")
    print("| workload | editions | pages | pages per second | pages per CPU second | median stage times |")
    print("|---|---|---|---|---|---|")
    for f in warm:
        _, w, ed, _ = os.path.basename(f).split(".")
        text = open(f).read().strip()
        fields = dict(kv.split("=") for kv in text.split())
        stages = ", ".join(f"{k[:-3]} {v} ms" for k, v in fields.items() if k.endswith("_ms"))
        print(f"| {w} | {ed} | {fields['pages']} | {float(fields['pages_per_second']):.1f} "
              f"| {float(fields['pages_per_cpu_second']):.1f} | {stages} |")

cold = sorted(glob.glob(os.path.join(work, "cold.*.txt")))
if cold:
    print("\nOne cold build with all editions, `paiban build --timings` (stages in order; an edition's own working "
          "time, summed over the threads it ran on, in brackets):\n")
    for f in cold:
        w = os.path.basename(f).split(".")[1]
        print(f"{w}:\n```\n{open(f).read().strip()}\n```")

print("\nTargets (issue 13), on the generated 16-page issue and on the peer set's:\n")
checks = []
for w in ("bench-16p", "peer-16p"):
    if (w, "chromium") not in times:
        continue
    r = per_page_ratio(w, "paiban-all")
    checks.append((f"{w}: cold, all editions ÷ Chromium, per page ≤ 1.0", r, r is not None and r <= 1.0))
    r = per_page_ratio(w, "paiban-print")
    checks.append((f"{w}: cold, print ÷ Chromium, per page ≤ 0.5", r, r is not None and r <= 0.5))
    r = cpu_ratio(w, "paiban-all")
    checks.append((f"{w}: CPU time, all editions ÷ Chromium (a lower bound), per page ≤ 3", r, r is not None and r <= 3))
    for ed, target in (("print", 8), ("all", 4)):
        wf = os.path.join(work, f"warm.{w}.{ed}.txt")
        if os.path.exists(wf):
            pps = float(re.search(r"pages_per_second=([\d.]+)", open(wf).read()).group(1))
            checks.append((f"{w}: warm, {ed} pages per second on one core ≥ {target}", pps, pps >= target))
m = rss.get(("bench-32p", "paiban-all"))
if m is not None:
    checks.append(("32 pages, all editions, peak RSS ≤ 1024 MiB", m / 1024, m / 1024 <= 1024))
for tool in ("paiban-all", "paiban-print"):
    a, b = median("bench-32p", tool), median("bench-04p", tool)
    if a and b:
        checks.append((f"32 pages ÷ 4 pages ({tool}) ≤ 8.8", a / b, a / b <= 8.8))
for name, value, ok in checks:
    v = "–" if value is None else f"{value:.2f}"
    print(f"- {'met' if ok else 'NOT met'}: {name} (measured {v})")
