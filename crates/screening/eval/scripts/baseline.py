#!/usr/bin/env python3
"""Baselines on the multi-script set: rapidfuzz Jaro-Winkler and OpenSanctions' nomenklatura.

* rapidfuzz: `JaroWinkler.normalized_similarity` with `default_process`, the best over each
  entry's names, at the threshold whose namesake false-positive rate is at most ours (read from
  `results.json`, which the Rust example writes first).
* nomenklatura `logic-v2` (what yente uses) at yente's threshold 0.7, each probe compared with
  every entry (yente retrieves candidates with a text search first, so this is its best case).

Each is skipped with a notice when its package is missing. Usage: baseline.py DIR
"""
import json
import sys
import time
from collections import defaultdict
from multiprocessing import Pool
from pathlib import Path

DIR = Path(sys.argv[1])
YENTE_THRESHOLD = 0.7


def load(name):
    return [json.loads(line) for line in open(DIR / name, encoding="utf-8")]


def report(label, probes, found):
    rec, fpr = defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0])
    for p, f in zip(probes, found):
        if p["expected_entry_id"]:
            hit = p["expected_entry_id"] in f
            for k in ("all", p["script"]):
                rec[k][0] += hit
                rec[k][1] += 1
        else:
            for k in ("all", p["script"]):
                fpr[k][0] += bool(f)
                fpr[k][1] += 1
    r, f = rec["all"], fpr["all"]
    print(f"  {label}: recall {r[0] / r[1]:.3f} ({r[0]}/{r[1]}), namesake FPR {f[0] / f[1]:.3f} ({f[0]}/{f[1]})")
    for s in sorted(k for k in rec if k != "all"):
        r, f = rec[s], fpr[s]
        print(f"    {s:<14} recall {r[0] / r[1]:.3f}  FPR {f[0] / max(f[1], 1):.3f}")
    return {"recall": rec, "fpr": fpr}


def rapidfuzz_run(entries, probes, our_fpr):
    from rapidfuzz import process, utils
    from rapidfuzz.distance import JaroWinkler

    names, owner = [], []
    for e in entries:
        for n in [e["name"], *e["aliases"]]:
            names.append(utils.default_process(n))
            owner.append(e["entry_id"])
    scores = []
    for p in probes:
        best = defaultdict(float)
        for _, s, i in process.extract(utils.default_process(p["query"]), names,
                                       scorer=JaroWinkler.normalized_similarity, limit=None, score_cutoff=0.5):
            best[owner[i]] = max(best[owner[i]], s)
        scores.append(best)
    negatives = [s for p, s in zip(probes, scores) if not p["expected_entry_id"]]
    threshold = 1.0
    for t in [x / 1000 for x in range(1000, 499, -1)]:
        if sum(1 for s in negatives if max(s.values(), default=0) >= t) / len(negatives) > our_fpr:
            break
        threshold = t
    found = [{k for k, v in s.items() if v >= threshold} for s in scores]
    return threshold, found


_ENTITIES = None


def _nk_init(entries):
    global _ENTITIES
    from followthemoney import model

    _ENTITIES = []
    for e in entries:
        ent = model.make_entity("Person")
        ent.id = e["entry_id"]
        ent.add("name", e["name"])
        for a in e["aliases"]:
            ent.add("alias", a)
        _ENTITIES.append(ent)


def _nk_probe(args):
    i, query = args
    from followthemoney import model
    from nomenklatura.matching import LogicV2, ScoringConfig

    q = model.make_entity("Person")
    q.id = f"probe-{i}"
    q.add("name", query)
    cfg = ScoringConfig.defaults()
    return {c.id for c in _ENTITIES if LogicV2.compare(q, c, cfg).score >= YENTE_THRESHOLD}


def nomenklatura_run(entries, probes):
    with Pool(2, initializer=_nk_init, initargs=(entries,)) as pool:
        return pool.map(_nk_probe, list(enumerate(p["query"] for p in probes)), chunksize=20)


def main():
    probes = load("queries.jsonl")
    ours = json.load(open(DIR / "results.json", encoding="utf-8"))
    out = {}
    for lst in ("list_latin", "list_orig"):
        entries = load(f"{lst}.jsonl")
        our_fpr = ours[lst]["fpr"]["hits"] / ours[lst]["fpr"]["total"]
        print(f"{lst}:")
        res = {}
        try:
            t, found = rapidfuzz_run(entries, probes, our_fpr)
            res["rapidfuzz"] = {"threshold": t, **report(f"rapidfuzz Jaro-Winkler at {t:.3f} (FPR <= ours)", probes, found)}
        except ImportError:
            print("  rapidfuzz skipped: not installed")
        try:
            import nomenklatura  # noqa: F401

            started = time.perf_counter()
            found = nomenklatura_run(entries, probes)
            res["nomenklatura"] = report(
                f"nomenklatura logic-v2 at {YENTE_THRESHOLD} ({time.perf_counter() - started:.0f} s)", probes, found)
        except ImportError:
            print("  nomenklatura skipped: not installed (pip install nomenklatura)")
        out[lst] = res
    with open(DIR / "baseline.json", "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
