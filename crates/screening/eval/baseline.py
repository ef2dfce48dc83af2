#!/usr/bin/env python3
"""The rapidfuzz Jaro-Winkler baseline over the same evaluation set.

For every query, the score of an entry is the best `JaroWinkler.normalized_similarity` over its
name and aliases (rapidfuzz's `default_process`: lowercase, punctuation to spaces). A variant is
found at threshold t when its expected entry scores >= t; a look-alike or unrelated query is a
false positive when any entry scores >= t. Reported at the threshold whose false-positive rate
matches ours (the lowest threshold with FPR <= ours, i.e. the baseline's best recall within our
false-positive budget) and at the baseline's own best threshold (max recall - FPR).

Usage: baseline.py LIST QUERIES OUR_FPR OUT_JSON
"""
import json
import sys
import time

from rapidfuzz import process, utils
from rapidfuzz.distance import JaroWinkler


def main():
    list_path, queries_path, our_fpr, out_path = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
    names, owner = [], []
    for line in open(list_path, encoding="utf-8"):
        e = json.loads(line)
        for n in [e["name"], *e["aliases"]]:
            names.append(utils.default_process(n))
            owner.append(e["entry_id"])
    queries = [json.loads(l) for l in open(queries_path, encoding="utf-8")]

    started = time.perf_counter()
    expected_scores, best_scores = [], []
    for q in queries:
        hits = process.extract(utils.default_process(q["query"]), names, scorer=JaroWinkler.normalized_similarity,
                               limit=None, score_cutoff=0.5)
        best = max((s for _, s, _ in hits), default=0.0)
        exp = q["expected_entry_id"]
        exp_score = max((s for _, s, i in hits if owner[i] == exp), default=0.0) if exp else None
        expected_scores.append(exp_score)
        best_scores.append(best)
    elapsed = time.perf_counter() - started

    variants = [s for s in expected_scores if s is not None]
    negatives = [b for q, b in zip(queries, best_scores) if q["expected_entry_id"] is None]

    def at(t):
        recall = sum(s >= t for s in variants) / len(variants)
        fpr = sum(b >= t for b in negatives) / len(negatives)
        return recall, fpr

    thresholds = sorted({round(x / 1000, 3) for x in range(500, 1001)})
    matched = next((t for t in thresholds if at(t)[1] <= our_fpr + 1e-12), 1.0)
    best_t = max(thresholds, key=lambda t: at(t)[0] - at(t)[1])
    out = {
        "scorer": "rapidfuzz.distance.JaroWinkler.normalized_similarity (max over name and aliases)",
        "seconds": round(elapsed, 2),
        "at_matched_fpr": {"threshold": matched, "recall": at(matched)[0], "fpr": at(matched)[1]},
        "at_best_threshold": {"threshold": best_t, "recall": at(best_t)[0], "fpr": at(best_t)[1]},
        "sweep": [{"threshold": t, "recall": at(t)[0], "fpr": at(t)[1]} for t in (0.80, 0.85, 0.88, 0.90, 0.92, 0.95)],
    }
    json.dump(out, open(out_path, "w"), indent=2)
    m, b = out["at_matched_fpr"], out["at_best_threshold"]
    print(f"baseline (rapidfuzz Jaro-Winkler, {len(queries)} queries in {elapsed:.1f} s)")
    print(f"  at our FPR      threshold {m['threshold']:.3f}: recall {m['recall']:.3f}, FPR {m['fpr']:.3f}")
    print(f"  at its best     threshold {b['threshold']:.3f}: recall {b['recall']:.3f}, FPR {b['fpr']:.3f}")


if __name__ == "__main__":
    main()
