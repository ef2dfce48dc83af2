"""Writes src/han_cantonese.txt: the Cantonese readings of the Han characters names are written
with, in the spelling of the Hong Kong government's romanization (identity cards, passports),
one character a line, its readings after it, the usual one first, each reading's spellings
apart by commas and the readings by semicolons (余yu;chui, 振chan,chun).

    python3 -m venv /tmp/v && /tmp/v/bin/pip install ToJyutping==3.2.0
    /tmp/v/bin/python crates/screening/tools/han_cantonese.py

Characters: those of src/han_readings.txt (the General Standard Chinese Characters table and
Big5's common characters, simplified and traditional). Readings: ToJyutping 3.2.0 (BSD 2-Clause
licence; its character data is that of rime-cantonese, CC BY 4.0), each character's first two
readings in its order (the usual one first), without tones, in Jyutping, then written as Hong
Kong writes names:

- initials: b p → p, d t → t, g k → k, gw kw → kw, z c → ch, j → y (the others as written);
- finals: aa → a (aai, aau, aang … as ai, au, ang), oeng → eung, oek → euk, eoi → ui,
  eon → un, eot → ut, ou → o, yu → u, yun → uen, yut → uet (after j: yu, yuen, yuet), the
  others as written (ei, ing, ung, ...);
- Hong Kong also writes the short a before n and m as u after ch, f and p (振 Chun, 芬 Fun, 斌
  Pun) and after s (深 Shum, 心 Sum): both spellings are kept, the usual one first.

The other habits of the romanization (ts and tz for ch, sh for s, ee and ei for i, oo for u, eu
for u before i, n and t, ue for u, h after a vowel) are not written here: the key on which the
spellings meet (`cantonese_key` in src/romanize.rs) reads them alike.
"""

import pathlib
import re

import ToJyutping

INITIALS = ["gw", "kw", "ng", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "w", "z",
            "c", "s", "j"]
INITIAL_SPELLING = {"b": "p", "p": "p", "d": "t", "t": "t", "g": "k", "k": "k", "gw": "kw",
                    "kw": "kw", "z": "ch", "c": "ch", "j": "y"}
FINAL_SPELLING = {"aa": "a", "oeng": "eung", "oek": "euk", "eoi": "ui", "eon": "un", "eot": "ut",
                  "ou": "o", "yu": "u", "yun": "uen", "yut": "uet", "oe": "oe"}


def split(jp: str) -> tuple[str, str]:
    s = re.sub(r"[0-9]", "", jp)
    if s in ("m", "ng"):
        return "", s
    for i in INITIALS:
        if s.startswith(i) and len(s) > len(i):
            return i, s[len(i):]
    return "", s


def spellings(jp: str) -> list[str]:
    initial, final = split(jp)
    ini = INITIAL_SPELLING.get(initial, initial)
    fin = FINAL_SPELLING.get(final, final)
    if fin.startswith("aa"):
        fin = fin[1:]
    if initial == "j" and final.startswith("yu"):
        # jyu, jyun, jyut: yu, yuen, yuet.
        fin = "u" + final[2:].replace("n", "en", 1).replace("t", "et", 1)
        out = ["y" + fin]
    elif not initial and final.startswith("yu"):
        out = ["y" + fin]
    else:
        out = [ini + fin]
    if final in ("an", "am") and initial in ("z", "c", "f", "b", "s"):
        out.append(ini + "u" + final[1:])
    return out


def main() -> None:
    here = pathlib.Path(__file__).resolve().parent.parent / "src"
    chars = [line[0] for line in (here / "han_readings.txt").read_text(encoding="utf-8").splitlines()
             if line]
    lines = []
    for ch in chars:
        cands = ToJyutping.get_jyutping_candidates(ch)
        if not cands or not cands[0][1]:
            continue
        readings: list[str] = []
        for jp in cands[0][1]:
            toneless = re.sub(r"[0-9]", "", jp)
            if toneless not in readings:
                readings.append(toneless)
        out: list[str] = []
        seen: set[str] = set()
        for jp in readings[:2]:
            ss = [s for s in spellings(jp) if s not in seen]
            seen.update(ss)
            if ss:
                out.append(",".join(ss))
        if out:
            lines.append(ch + ";".join(out))
    path = here / "han_cantonese.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} characters written to {path}")


if __name__ == "__main__":
    main()
