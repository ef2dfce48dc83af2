#!/usr/bin/env python3
"""Generates the labelled evaluation set: list.jsonl (listed entities) and queries.jsonl.

Deterministic (fixed seed): run `python3 generate.py` in this folder to reproduce the committed
files. Queries are labelled:

* variant   — a listed entity written another way (expected_entry_id set; subtype says how);
* lookalike — the same given name(s) with another family name, or the same family name with
              another given name, not itself listed (expected_entry_id null);
* unrelated — a plausible name that is not listed (expected_entry_id null).
"""
import json
import random
import unicodedata

from pools import *  # noqa: F401,F403

R = random.Random(20261122)
N_SYNTHETIC = 3000
N_VARIANTS = 1500
N_LOOKALIKES = 1000
N_UNRELATED = 500


def plain(s):
    s = unicodedata.normalize("NFKD", s.replace("ı", "i").replace("İ", "I"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower().replace("'", "")


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def similar(a, b):
    """Independent of the matcher: two name parts are 'the same name' when their plain forms are
    within two edits or one starts with the other."""
    a, b = plain(a).replace("-", "").replace(" ", ""), plain(b).replace("-", "").replace(" ", "")
    for p in ("al", "el"):
        a, b = a[len(p):] if a.startswith(p) and len(a) > 5 else a, b[len(p):] if b.startswith(p) and len(b) > 5 else b
    return lev(a, b) <= 2 or a.startswith(b) or b.startswith(a)


def part(latin, native=None, variants=()):
    return {"latin": latin, "native": native, "variants": list(variants)}


def pick(pool):
    x = R.choice(pool)
    if isinstance(x, tuple):
        if len(x) == 3:
            return part(*x)
        return part(x[0], None, x[1])
    return part(x)


def feminine_ru(p):
    lat, nat = p["latin"], p["native"]
    if lat.endswith(("ov", "ev", "in", "yn")):
        return part(lat + "a", nat + "а", [v + "a" for v in p["variants"]])
    return p


def make_person(culture):
    female = R.random() < 0.25
    given, middle, family = [], [], []
    if culture == "ru":
        given = [pick(RU_GIVEN_F if female else RU_GIVEN_M)]
        lat, nat = R.choice(RU_PATRONYMIC)
        if female:
            lat, nat = lat[:-3] + "na", nat[:-2] + "на"
        middle = [part(lat, nat)]
        f = pick(RU_FAMILY)
        family = [feminine_ru(f) if female else f]
    elif culture == "ar":
        given = [pick(AR_GIVEN_F if female else AR_GIVEN_M)]
        if R.random() < 0.5:
            middle = [pick(AR_GIVEN_M)]
        family = [pick(AR_FAMILY)]
    elif culture == "fa":
        given = [pick(FA_GIVEN_F if female else FA_GIVEN_M)]
        family = [pick(FA_FAMILY)]
    elif culture == "gr":
        given = [pick(GR_GIVEN_F if female else GR_GIVEN_M)]
        family = [pick(GR_FAMILY)]
    elif culture == "cn":
        given = [part(R.choice(CN_SYLLABLES) + R.choice(CN_SYLLABLES).lower())]
        family = [part(R.choice(CN_FAMILY))]
    elif culture == "kr":
        given = [part(R.choice(KR_SYLLABLES)), part(R.choice(KR_SYLLABLES).lower())]
        family = [pick(KR_FAMILY)]
    elif culture == "es":
        given = [pick(ES_GIVEN_F if female else ES_GIVEN_M)]
        if R.random() < 0.3:
            middle = [pick(ES_GIVEN_F if female else ES_GIVEN_M)]
        a, b = R.sample(ES_FAMILY, 2)
        family = [part(a), part(b)]
    elif culture == "en":
        given = [pick(EN_GIVEN_F if female else EN_GIVEN_M)]
        if R.random() < 0.5:
            middle = [pick(EN_GIVEN_F if female else EN_GIVEN_M)]
        family = [pick(EN_FAMILY)]
    elif culture == "tr":
        given = [pick(TR_GIVEN_F if female else TR_GIVEN_M)]
        family = [pick(TR_FAMILY)]
    else:
        given = [pick(AF_GIVEN_F if female else AF_GIVEN_M)]
        family = [pick(AF_FAMILY)]
    return {"culture": culture, "female": female, "given": given, "middle": middle, "family": family}


def join(parts, key="latin"):
    return " ".join(p[key] for p in parts)


def list_name(p):
    g, m, f = join(p["given"]), join(p["middle"]), join(p["family"])
    if p["culture"] in ("cn", "kr"):
        return f"{f.upper()} {g}" if R.random() < 0.5 else f"{f} {g}"
    first = " ".join(x for x in (g, m) if x)
    return f"{f.upper()}, {first}" if R.random() < 0.6 else f"{first} {f}"


def native_name(p):
    parts = p["given"] + p["middle"] + p["family"]
    if all(x["native"] for x in parts):
        return " ".join(x["native"] for x in parts)
    return None


CULTURES = ["ru"] * 20 + ["ar"] * 16 + ["fa"] * 10 + ["gr"] * 5 + ["cn"] * 10 + ["kr"] * 5 + ["es"] * 12 + \
    ["en"] * 10 + ["tr"] * 5 + ["af"] * 5

entities = []  # (entry json, person dict or None)
seen_keys = set()
while len(entities) < N_SYNTHETIC:
    if R.random() < 0.06:
        words = [R.choice(ORG_WORDS_A), R.choice(ORG_WORDS_B), R.choice(ORG_WORDS_C)]
        name = " ".join(words) + " " + R.choice(ORG_SUFFIX)
        key = ("org", plain(" ".join(words)))
        if key in seen_keys:
            continue
        seen_keys.add(key)
        e = {"entry_id": f"E{len(entities) + 1:05d}", "kind": "organization", "name": name.upper(),
             "aliases": [], "birth_dates": [], "nationalities": [], "programs": ["EVAL"], "remarks": None}
        entities.append((e, {"org": words}))
        continue
    p = make_person(R.choice(CULTURES))
    key = (plain(p["given"][0]["latin"]), plain(join(p["family"])))
    if key in seen_keys:
        continue
    seen_keys.add(key)
    aliases = []
    nat = native_name(p)
    if nat and R.random() < 0.35:
        aliases.append(nat)
        p["native_alias"] = True
    if R.random() < 0.2:
        swapped = [dict(x, latin=x["variants"][0]) if x["variants"] else x for x in p["given"] + p["family"]]
        alt = join(swapped)
        if plain(alt) != plain(join(p["given"] + p["family"])):
            aliases.append(alt)
    year = R.randint(1940, 2000)
    dob = f"{year}" if R.random() < 0.3 else f"{year}-{R.randint(1, 12):02d}-{R.randint(1, 28):02d}"
    e = {"entry_id": f"E{len(entities) + 1:05d}", "kind": "person", "name": list_name(p), "aliases": aliases,
         "birth_dates": [dob], "nationalities": [], "programs": ["EVAL"], "remarks": None}
    entities.append((e, p))

for i, (kind, name, aliases, dob, nat) in enumerate(REAL):
    e = {"entry_id": f"R{i + 1:03d}", "kind": kind, "name": name, "aliases": aliases,
         "birth_dates": [dob] if dob else [], "nationalities": [nat] if nat else [], "programs": ["EVAL-REAL"],
         "remarks": None}
    entities.append((e, None))

# Index of listed persons by family name, for checking that look-alikes are not listed.
by_family = {}
bags = set()
for e, p in entities:
    if p and "culture" in p:
        by_family.setdefault(plain(join(p["family"])), []).append(p)
        bags.add(tuple(sorted(plain(x["latin"]) for x in p["given"] + p["middle"] + p["family"])))
for kind, name, aliases, _, _ in REAL:
    if kind == "person" and "," in name:
        fam, given = name.split(",", 1)
        by_family.setdefault(plain(fam.strip()), []).append({"given": [part(g) for g in given.split()]})


def is_listed(given, family, others=()):
    if tuple(sorted(plain(x) for x in (given, *others, *family.split()))) in bags:
        return True
    for fam, persons in by_family.items():
        if similar(fam, family):
            for p in persons:
                if any(similar(g["latin"], given) for g in p["given"]):
                    return True
    return False


def typo(word):
    if len(word) < 5:
        return None
    i = R.randrange(1, len(word) - 1)
    op = R.choice(["sub", "del", "ins", "swap"])
    letters = "aeioulnrstmkdh"
    if op == "sub":
        return word[:i] + R.choice([c for c in letters if c != word[i].lower()]) + word[i + 1:]
    if op == "del":
        return word[:i] + word[i + 1:]
    if op == "ins":
        return word[:i] + R.choice(letters) + word[i:]
    return word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]


def variant(e, p):
    """Returns (query, subtype) or None."""
    if "org" in p:
        words = p["org"]
        kind = R.choice(["nosuffix", "typo", "case"])
        if kind == "nosuffix":
            return " ".join(words).title(), "legal-form-dropped"
        if kind == "typo":
            w = list(words)
            j = max(range(3), key=lambda k: len(w[k]))
            t = typo(w[j])
            if t:
                w[j] = t
                return " ".join(w), "typo"
        return " ".join(words).lower() + " limited", "case-and-legal-form"
    g, m, f = p["given"], p["middle"], p["family"]
    options = ["reorder", "typo", "honorific", "case"]
    if any(x["variants"] for x in g + f):
        options += ["translit", "translit"]
    if native_name(p) and not p.get("native_alias"):
        options += ["script", "script"]
    if m or len(f) > 1:
        options.append("drop-middle")
    if p["culture"] in ("en", "es", "ru"):
        options.append("initial")
    if p["culture"] in ("cn", "kr") or any(" " in x["latin"] or x["latin"].startswith("Abd") for x in g):
        options.append("merge-split")
    if e["aliases"]:
        options.append("alias")
    kind = R.choice(options)
    if kind == "reorder":
        return f"{join(f)} {join(g + m)}", kind
    if kind == "case":
        return f"{join(f).upper()}, {join(g + m).lower()}", kind
    if kind == "honorific":
        h = {"ar": "Sheikh", "fa": "Haji", "ru": "General"}.get(p["culture"], R.choice(["Dr.", "Mr.", "Prof."]))
        return f"{h} {join(g + m + f)}", kind
    if kind == "typo":
        parts = [x["latin"] for x in g + m + f]
        idx = [k for k, x in enumerate(parts) if len(x) >= 5]
        if not idx:
            return f"{join(f)} {join(g + m)}", "reorder"
        k = R.choice(idx)
        parts[k] = typo(parts[k])
        if len(parts[k]) >= 10 and R.random() < 0.3:
            parts[k] = typo(parts[k]) or parts[k]
        return " ".join(parts), kind
    if kind == "translit":
        parts = [R.choice(x["variants"]) if x["variants"] and R.random() < 0.8 else x["latin"] for x in g + m + f]
        return " ".join(parts), kind
    if kind == "script":
        return native_name(p), kind
    if kind == "drop-middle":
        if len(f) > 1:
            return f"{join(g + m)} {f[0]['latin']}", kind
        return f"{join(g)} {join(f)}", kind
    if kind == "initial":
        return f"{g[0]['latin'][0]}. {join(g[1:] + m + f)}".replace("  ", " "), kind
    if kind == "merge-split":
        if p["culture"] == "kr":
            return f"{join(f)} {g[0]['latin']}{g[1]['latin']}", kind
        if p["culture"] == "cn":
            gl = g[0]["latin"]
            for s in CN_SYLLABLES:
                if gl.startswith(s) and len(gl) > len(s):
                    return f"{join(f)} {s} {gl[len(s):].title()}", kind
            return f"{join(f)} {gl}", "reorder"
        x = g[0]["latin"]
        if " " in x:
            return f"{x.replace(' ', '')} {join(m + f)}", kind
        if x.startswith("Abdul") or x.startswith("Abdel"):
            return f"{x[:5]} {x[5:].title()} {join(m + f)}", kind
        return f"Abd {x[3:].title()} {join(m + f)}", kind
    if kind == "alias":
        a = R.choice(e["aliases"])
        t = a
        words = a.split()
        long = [k for k, w in enumerate(words) if len(w) >= 6 and w.isascii()]
        if long and R.random() < 0.5:
            k = R.choice(long)
            words[k] = typo(words[k])
            t = " ".join(words)
        return t, kind
    return None


def same_culture_family(p):
    c = p["culture"]
    pool = {"ru": RU_FAMILY, "ar": AR_FAMILY, "fa": FA_FAMILY, "gr": GR_FAMILY, "cn": CN_FAMILY, "kr": KR_FAMILY,
            "es": ES_FAMILY, "en": EN_FAMILY, "tr": TR_FAMILY, "af": AF_FAMILY}[c]
    for _ in range(50):
        if c == "es":
            fam = [part(x) for x in R.sample(ES_FAMILY, 2)]
        else:
            fam = [pick(pool)]
            if c == "ru" and p["female"]:
                fam = [feminine_ru(fam[0])]
        if all(not similar(a["latin"], b["latin"]) for a in fam for b in p["family"]):
            if not is_listed(p["given"][0]["latin"], join(fam)):
                return fam
    return None


def same_culture_given(p):
    c = p["culture"]
    for _ in range(50):
        q = make_person(c)
        if q["female"] != p["female"] and c not in ("cn", "kr"):
            continue
        mine = [x["latin"] for x in p["given"] + p["middle"]] + [v for x in p["given"] for v in x["variants"]]
        if all(not similar(a["latin"], b) for a in q["given"] for b in mine):
            if not is_listed(q["given"][0]["latin"], join(p["family"])):
                return q["given"], q["middle"]
    return None


persons = [(e, p) for e, p in entities if p]
queries = []
for e, p in R.sample(persons, N_VARIANTS):
    v = variant(e, p)
    if v and v[0]:
        queries.append({"query": v[0], "expected_entry_id": e["entry_id"], "kind": "variant", "subtype": v[1]})

real = [(e, None) for e, p in entities if p is None]
REAL_VARIANTS = [
    ("Vladimir Putin", "R001"), ("Владимир Путин", "R001"), ("Wladimir Putin", "R001"), ("Sergey Lavrov", "R002"),
    ("Kim Jong-un", "R003"), ("Nicolás Maduro", "R004"), ("Ramzan Kadyrov", "R005"), ("Ayman al-Zawahri", "R006"),
    ("Bashar al-Asad", "R007"), ("Ali Khamenei", "R008"), ("Alexander Lukashenko", "R009"), ("Igor Setchin", "R010"),
    ("Roman Abramovitch", "R012"), ("Oleg Deripaska", "R013"), ("Yevgeny Prigozhin", "R017"),
    ("Hasan Nasrallah", "R018"), ("Ismail Haniyeh", "R019"), ("Joaquín Guzmán Loera", "R020"),
    ("Daniel Ortega", "R022"), ("Qassem Soleimani", "R025"), ("Bank Melli", "R026"), ("Rosneft", "R027"),
    ("Sberbank of Russia", "R028"), ("Wagner Group", "R030"), ("Hezbollah", "R031"), ("Al Shabab", "R033"),
]
for q, eid in REAL_VARIANTS:
    queries.append({"query": q, "expected_entry_id": eid, "kind": "variant", "subtype": "real"})

n = 0
while n < N_LOOKALIKES:
    e, p = R.choice(persons)
    if "org" in p:
        continue
    if n % 2 == 0:
        fam = same_culture_family(p)
        if not fam:
            continue
        keep_middle = p["middle"] if R.random() < 0.5 else []
        q = f"{join(p['given'] + keep_middle)} {join(fam)}"
        sub = "same-given"
    else:
        got = same_culture_given(p)
        if not got:
            continue
        q = f"{join(got[0])} {join(p['family'])}"
        sub = "same-family"
    queries.append({"query": q, "expected_entry_id": None, "kind": "lookalike", "subtype": sub,
                    "resembles": e["entry_id"]})
    n += 1

n = 0
while n < N_UNRELATED:
    p = make_person(R.choice(CULTURES))
    if is_listed(p["given"][0]["latin"], join(p["family"]), [x["latin"] for x in p["given"][1:] + p["middle"]]):
        continue
    queries.append({"query": join(p["given"] + p["middle"] + p["family"]), "expected_entry_id": None,
                    "kind": "unrelated", "subtype": p["culture"]})
    n += 1

with open("list.jsonl", "w", encoding="utf-8") as fh:
    for e, _ in entities:
        fh.write(json.dumps(e, ensure_ascii=False) + "\n")
with open("queries.jsonl", "w", encoding="utf-8") as fh:
    for q in queries:
        fh.write(json.dumps(q, ensure_ascii=False) + "\n")
print(f"{len(entities)} entries, {len(queries)} queries")
