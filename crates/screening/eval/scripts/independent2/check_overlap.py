#!/usr/bin/env python3
"""Checks that no given or family name of this set's tables appears in the name tables of
eval/scripts/generate.py or eval/scripts/independent/generate.py (as a string of their source,
or a word of one). Prints the overlaps; exits 1 if there are any."""
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate as g  # noqa: E402

OLD = [HERE.parent / "generate.py", HERE.parent / "independent" / "generate.py"]

words = set()
for path in OLD:
    text = path.read_text(encoding="utf-8")
    for lit in re.findall(r'"([^"\n]*)"|\'([^\'\n]*)\'', text):
        lit = (lit[0] or lit[1]).strip().lower()
        if lit:
            words.add(lit)
            words.update(w for w in re.split(r"[\s,;:|/]+", lit) if w)

mine = {}


def add(name, what):
    if name:
        mine.setdefault(name.lower(), what)


for h, passport, dprk in g.KO_SURNAMES:
    # a Korean or Chinese name is its Hangul or Han; its romanizations are syllables that the
    # older tables hold as syllables of other names
    add(h, "korean family")
for given in g.KO_GIVEN:
    add(given, "korean given")
for chars, _, _ in g.ZH_SURNAMES:
    add(chars, "chinese family")
lat = [l for l in (HERE / "list_orig.jsonl").read_text(encoding="utf-8").splitlines()]
import json  # noqa: E402

for line in lat:
    e = json.loads(line)
    if e["entry_id"] and e["aliases"]:
        orig = e["aliases"][0]
        if "\u4e00" <= orig[0] <= "\u9fff":
            fam = next(c for c, _, _ in g.ZH_SURNAMES if orig.startswith(c))
            add(orig[len(fam):], "chinese given")
for q in (HERE / "queries.jsonl").read_text(encoding="utf-8").splitlines():
    q = json.loads(q)
    if q["script"] == "chinese" and q["form"].endswith("original-script"):
        fam = next(c for c, _, _ in g.ZH_SURNAMES if q["query"].startswith(c))
        add(q["query"][len(fam):], "chinese given")
for ph, ar in g.AR_GIVEN:
    add(ar, "arabic given")
    add(g.ar_name(ph, "std"), "arabic given (Latin)")
for ph, ar, _ in g.AR_FAMILY:
    add(ar, "arabic family")
    add(g.ar_name(ph, "std", "drop"), "arabic family (Latin)")
for ph, fa in g.FA_GIVEN:
    add(fa, "persian given")
    add(g.fa_word(ph, "std"), "persian given (Latin)")
for ph, fa in g.FA_FAMILY:
    add(fa, "persian family")
    add(g.fa_word(ph, "std"), "persian family (Latin)")
for n in list(g.RU_MALE) + g.RU_FEMALE:
    add(n, "russian given")
    add(g.ru_latin(n, "bgn"), "russian given (Latin)")
for n in g.RU_FAMILY:
    add(n, "russian family")
    add(g.ru_latin(n, "bgn"), "russian family (Latin)")
for n in g.UA_GIVEN:
    add(n, "ukrainian given")
    add(g.ua_latin(n, "national"), "ukrainian given (Latin)")
for n in g.UA_FAMILY:
    add(n, "ukrainian family")
    add(g.ua_latin(n, "national"), "ukrainian family (Latin)")

overlap = sorted((what, n) for n, what in mine.items() if n in words)
for what, n in overlap:
    print(f"{what}: {n}")
print(f"{len(mine)} names checked, {len(overlap)} in the older tables")
sys.exit(1 if overlap else 0)
