#!/usr/bin/env python3
"""rapidfuzz baseline for examples/bench.rs: `process.extractOne` with Jaro-Winkler over the same
list names. Prints one JSON object. Usage: bench_baseline.py DIR PERSONS_TOTAL"""
import json
import sys
import time
from pathlib import Path

from rapidfuzz import process, utils
from rapidfuzz.distance import JaroWinkler

d = Path(sys.argv[1])
total = int(sys.argv[2])
names = [utils.default_process(n) for n in (d / "names.txt").read_text(encoding="utf-8").splitlines()]
queries = (d / "queries.txt").read_text(encoding="utf-8").splitlines()
persons = (d / "persons.txt").read_text(encoding="utf-8").splitlines()


def screen(q):
    return process.extractOne(utils.default_process(q), names, scorer=JaroWinkler.normalized_similarity,
                              score_cutoff=0.9)


lat = []
for q in queries:
    t = time.perf_counter()
    screen(q)
    lat.append((time.perf_counter() - t) * 1e6)
lat.sort()
t = time.perf_counter()
for p in persons:
    screen(p)
per_person = (time.perf_counter() - t) / len(persons)
print(json.dumps({
    "names": len(names),
    "queries": len(queries),
    "p50_us": lat[len(lat) // 2],
    "p99_us": lat[min(len(lat) - 1, round((len(lat) - 1) * 0.99))],
    "persons_measured": len(persons),
    "rescreen_seconds_extrapolated": per_person * total,
}))
