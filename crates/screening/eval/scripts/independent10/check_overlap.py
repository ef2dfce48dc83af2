#!/usr/bin/env python3
"""Checks that this set's given and family names are new: none of them, in original script or in
the list's spelling, occurs among the strings of the older multi-script generators
(eval/scripts/generate.py and independent/ to independent9/generate.py) or among the names those
sets generated (every list name, alias and probe of eval/scripts/*.jsonl, heldout/ and
independent/ to independent9/, so given names the older generators composed from syllables count
too). A name occurs when it is a whole string or a run of whole words of such a string; a Hangul
or Han given name also when an older original-script name is a surname followed by it. Every
entry of the tables is checked, the ones the seed did not draw too, and with it the other
spellings this set gives a name: the Hanja of Korean given names, the Macau and Hong Kong
spellings of Macau given names, the registered (Hokkien or Teochew) spellings of Singapore given
names, the Ukrainian forms of Russian names, and the English names Hong Kong persons carry. The
patronymics (Russian and Ukrainian, a son's and a daughter's) are checked the same way.

Korean and Chinese surnames are a closed set of a few hundred, so theirs are reported apart and
not counted. The Latin-script evaluation set (eval/pools.py and eval/list.jsonl, queries.jsonl)
is checked the same way and reported for information only: it draws on the most common names of
these cultures, and after nine multi-script sets the common names left are partly among them.

Prints the overlaps; exits 1 if a given or family name occurs in the older multi-script sets."""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate as g  # noqa: E402

SCRIPTS = HERE.parent
EVAL = SCRIPTS.parent
OLD_GENERATORS = [SCRIPTS / "generate.py", SCRIPTS / "independent" / "generate.py",
                  SCRIPTS / "independent2" / "generate.py",
                  SCRIPTS / "independent3" / "generate.py",
                  SCRIPTS / "independent4" / "generate.py",
                  SCRIPTS / "independent5" / "generate.py",
                  SCRIPTS / "independent6" / "generate.py",
                  SCRIPTS / "independent7" / "generate.py",
                  SCRIPTS / "independent8" / "generate.py",
                  SCRIPTS / "independent9" / "generate.py"]
OLD_SETS = sorted(p for p in SCRIPTS.rglob("*.jsonl") if "independent10" not in p.parts)
LATIN_POOLS = [EVAL / "pools.py", EVAL / "generate.py"]
LATIN_SETS = [EVAL / "list.jsonl", EVAL / "queries.jsonl"]


def literals(paths):
    out = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for a, b in re.findall(r'"([^"\n]*)"|\'([^\'\n]*)\'', text):
            s = (a or b).strip().lower()
            if s:
                out.append(s)
    return out


def generated_names(paths):
    out = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            for s in [r.get("name"), r.get("query")] + (r.get("aliases") or []):
                if s:
                    out.append(s.lower())
    return out


class Corpus:
    def __init__(self, strings):
        self.strings = strings
        self.text = "\n".join(strings)
        self.whole = set(strings)

    def has(self, name):
        """The name as a whole string or as a run of whole words (space, comma, hyphen,
        slash and the line ends delimit words)."""
        n = name.lower()
        if n in self.whole:
            return True
        pat = r"(?:^|[\s,/|;:-])" + re.escape(n) + r"(?:$|[\s,/|;:-])"
        return re.search(pat, self.text, re.M) is not None

    def has_given_tail(self, given):
        """A Hangul or Han given name after a one- or two-syllable surname."""
        return any(s.endswith(given) and 1 <= len(s) - len(given) <= 2 and " " not in s
                   for s in self.strings)


CORPORA = {
    "older generators": Corpus(literals(OLD_GENERATORS)),
    "older sets": Corpus(generated_names(OLD_SETS)),
}
LATIN = {
    "latin pools": Corpus(literals(LATIN_POOLS)),
    "latin set": Corpus(generated_names(LATIN_SETS)),
}

names = {}  # name -> what it is
surnames = {}


def add(name, what, table=names):
    if name and name.lower() not in table:
        table[name.lower()] = what


for h, _, hanja in g.KO_SOUTH_SURNAMES:
    add(h, "korean family", surnames)
    add(hanja, "korean family", surnames)
for h, hanja in g.KO_NORTH_SURNAMES:
    add(h, "korean family", surnames)
    add(hanja, "korean family", surnames)
for given, hanja, _ in g.KO_GIVEN_SOUTH:
    add(given, "korean given")
    add(hanja, "korean given (hanja)")
    add(g.to_simplified(hanja), "korean given (hanja)")
    add("".join(g.ko_syllables(given, "rr")), "korean given (RR)")
    add(" ".join(g.ko_passport_given(given)), "korean given (list)")
    add("".join(g.ko_passport_given(given)), "korean given (passport)")
for given, hanja, _ in g.KO_GIVEN_NORTH:
    add(given, "korean given")
    add(hanja, "korean given (hanja)")
    add(g.to_simplified(hanja), "korean given (hanja)")
    add("".join(g.ko_syllables(given, "rr")), "korean given (RR)")
    add(" ".join(g.ko_syllables(given, "dprk")), "korean given (list)")
    add("".join(g.ko_syllables(given, "dprk")), "korean given (DPRK joined)")
for chars, _ in g.ZH_MAINLAND_SURNAMES:
    add(chars, "chinese family", surnames)
for row in g.ZH_TAIWAN_SURNAMES + g.ZH_HK_SURNAMES + g.ZH_MACAU_SURNAMES + g.ZH_SG_SURNAMES:
    add(row[0], "chinese family", surnames)
    add(g.to_simplified(row[0]), "chinese family", surnames)
    add(g.to_traditional(row[0]), "chinese family", surnames)
for chars, py, _ in g.ZH_MAINLAND_GIVEN + g.ZH_TAIWAN_GIVEN:
    add(chars, "chinese given")
    add(g.to_traditional(chars), "chinese given")
    add(g.to_simplified(chars), "chinese given")
    add(g.pinyin_join(g.toneless(py).split()), "chinese given (pinyin)")
for chars, yue, py, _ in g.ZH_HK_GIVEN:
    add(chars, "chinese given")
    add(g.to_simplified(chars), "chinese given")
    add(g.pinyin_join(g.toneless(py).split()), "chinese given (pinyin)")
    add(yue.replace(" ", "-"), "chinese given (list)")
for chars, mo, hk, py, _ in g.ZH_MACAU_GIVEN:
    add(chars, "chinese given")
    add(g.to_simplified(chars), "chinese given")
    add(g.pinyin_join(g.toneless(py).split()), "chinese given (pinyin)")
    add(mo, "chinese given (list)")
    add(hk.replace(" ", "-"), "chinese given (Hong Kong spelling)")
for chars, reg, py, _ in g.ZH_SG_GIVEN:
    add(chars, "chinese given")
    add(g.to_traditional(chars), "chinese given")
    add(g.pinyin_join(g.toneless(py).split()), "chinese given (pinyin)")
    add(" ".join(reg.split()), "chinese given (list)")
    add("".join(reg.split()), "chinese given (dialect joined)")
for chars, py, _ in g.ZH_TAIWAN_GIVEN:
    add("-".join(g.taiwan_given_syllable(s) for s in g.toneless(py).split()),
        "chinese given (list)")
for sex, english in g.HK_ENGLISH.items():
    for e in english:
        add(e, "english given (Hong Kong)")
for ph, ar, _ in g.AR_GIVEN:
    add(ar, "arabic given")
    add(g.ar_name(ph, "bgn"), "arabic given (list)")
for region, table in g.AR_FAMILY.items():
    for ph, ar in table:
        add(ar, "arabic family")
        latin = g.ar_name(ph, "bgn", family=True)
        add(latin, "arabic family (list)")
        if latin.startswith("al-"):
            add(latin[3:], "arabic family (list, without the article)")
for ph, fa, _ in g.FA_GIVEN:
    add(fa, "persian given")
    add(g.fa_word(ph, "bgn"), "persian given (list)")
    add(g.fa_word(ph, "press"), "persian given (joined)")
for ph, fa in g.FA_FAMILY:
    add(fa, "persian family")
    add(g.fa_family(ph, "bgn"), "persian family (list)")
for n, uk, p_m, p_f, pu_m, pu_f, _ in g.RU_MALE:
    add(n, "russian given")
    add(g.ru_latin(n, "bgn"), "russian given (list)")
    add(uk, "russian given (Ukrainian form)")
    for pat in (p_m, p_f):
        add(pat, "russian patronymic")
        add(g.ru_latin(pat, "bgn", "patronymic"), "russian patronymic (list)")
    for pat in (pu_m, pu_f):
        add(pat, "russian patronymic (Ukrainian form)")
for n, uk, _ in g.RU_FEMALE:
    add(n, "russian given")
    add(g.ru_latin(n, "bgn"), "russian given (list)")
    add(uk, "russian given (Ukrainian form)")
for n, uk, _ in g.RU_FAMILY:
    for form in (n, g.ru_female_family(n)):
        add(form, "russian family")
        add(g.ru_latin(form, "bgn", "family"), "russian family (list)")
    add(uk, "russian family (Ukrainian form)")
for n, _, _ in g.UA_GIVEN:
    add(n, "ukrainian given")
    add(g.ua_latin(n, "national"), "ukrainian given (list)")
for row in g.UA_PATRONYMICS:
    for pat in row[1:3]:
        add(pat, "ukrainian patronymic")
        add(g.ua_latin(pat, "national"), "ukrainian patronymic (list)")
    for pat in row[3:]:
        add(pat, "ukrainian patronymic (Russian form)")
for uk, ru in g.UA_FAMILY:
    for form in (uk, g.ua_female_family(uk, ru)[0]):
        add(form, "ukrainian family")
        add(g.ua_latin(form, "national"), "ukrainian family (list)")


def is_cjk(s):
    return bool(s) and ("\uac00" <= s[0] <= "\ud7a3" or "\u4e00" <= s[0] <= "\u9fff")


def overlaps(corpora):
    found = []
    for name, what in names.items():
        for label, corpus in corpora.items():
            hit = corpus.has(name) or (is_cjk(name) and "given" in what
                                       and corpus.has_given_tail(name))
            if hit:
                found.append((what, name, label))
    return sorted(found)


bad = overlaps(CORPORA)
for what, name, label in bad:
    print(f"{what}: {name} (in the {label})")
shared = sorted(n for n in surnames if any(c.has(n) or c.has_given_tail(n)
                                           for c in CORPORA.values()))
print(f"{len(names)} given, family and father's names checked (original script and list spelling): "
      f"{len(bad)} in the older multi-script generators or sets; Korean/Chinese surnames shared "
      f"with them: {len(shared)} of {len(surnames)} (a closed set)")
info = overlaps(LATIN)
print(f"for information, in the Latin-script evaluation set's pools or names: {len(info)}")
for what, name, label in info:
    print(f"  {what}: {name} (in the {label})")
sys.exit(1 if bad else 0)
