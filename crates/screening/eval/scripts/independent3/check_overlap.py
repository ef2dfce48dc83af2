#!/usr/bin/env python3
"""Checks that no given or family name of this set's tables appears among the strings of the
older generators (eval/scripts/generate.py, independent/generate.py, independent2/generate.py),
in original script or in the list's spelling. Korean and Chinese surnames are a closed set of a
few hundred, so theirs are reported apart and not counted; given names and all other family
names must be new. Prints the overlaps; exits 1 if there are any."""
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate as g  # noqa: E402

OLD = [HERE.parent / "generate.py", HERE.parent / "independent" / "generate.py",
       HERE.parent / "independent2" / "generate.py"]

words = set()
for path in OLD:
    text = path.read_text(encoding="utf-8")
    for lit in re.findall(r'"([^"\n]*)"|\'([^\'\n]*)\'', text):
        lit = (lit[0] or lit[1]).strip().lower()
        if lit:
            words.add(lit)
            words.update(w for w in re.split(r"[\s,;:|/]+", lit) if w)

mine, surnames = {}, {}


def add(name, what, table=mine):
    if name:
        table.setdefault(name.lower(), what)


for h, _ in g.KO_SURNAMES:
    add(h, "korean family", surnames)
for given in g.KO_GIVEN:
    add(given, "korean given")
    add(g.rr_word(given), "korean given (RR)")
for chars, _, _ in g.ZH_SURNAMES:
    add(chars, "chinese family", surnames)
for chars, py in g.ZH_GIVEN:
    add(chars, "chinese given")
for ph, ar in g.AR_GIVEN:
    add(ar, "arabic given")
    add(g.ar_name(ph, "bgn"), "arabic given (Latin)")
for ph, ar in g.AR_FAMILY:
    add(ar, "arabic family")
    add(g.ar_name(ph, "bgn"), "arabic family (Latin)")
    add(g.ar_name(ph, "bgn").split("-")[-1], "arabic family (Latin, no article)")
for ph, fa in g.FA_GIVEN:
    add(fa, "persian given")
    add(g.fa_word(ph, "bgn"), "persian given (Latin)")
for ph, fa in g.FA_FAMILY:
    add(fa, "persian family")
    add(g.fa_word(ph, "bgn"), "persian family (Latin)")
for n, _, _ in g.RU_MALE:
    add(n, "russian given")
    add(g.ru_latin(n, "bgn"), "russian given (Latin)")
for n in g.RU_FEMALE:
    add(n, "russian given")
    add(g.ru_latin(n, "bgn"), "russian given (Latin)")
for n in g.RU_FAMILY:
    add(n, "russian family")
    add(g.ru_latin(n, "bgn"), "russian family (Latin)")
for n, _ in g.UA_GIVEN:
    add(n, "ukrainian given")
    add(g.ua_latin(n, "national"), "ukrainian given (Latin)")
for n, _ in g.UA_FAMILY:
    add(n, "ukrainian family")
    add(g.ua_latin(n, "national"), "ukrainian family (Latin)")

overlap = sorted((what, n) for n, what in mine.items() if n in words)
for what, n in overlap:
    print(f"{what}: {n}")
shared = sorted(n for n in surnames if n in words)
print(f"{len(mine)} names checked, {len(overlap)} in the older tables; "
      f"Korean/Chinese surnames shared with them: {len(shared)} of {len(surnames)}")
sys.exit(1 if overlap else 0)
